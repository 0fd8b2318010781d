// MGET key [key ...] - Redis counterpart: mgetCommand (t_string.c); values of other types read as nil.
import { defineCommand } from '../../spec/define.js';
import type { Reply } from '../../protocol/reply.js';
import { bulkOf, isString } from './string-value.js';

export default defineCommand('mget', (ctx, argv) => {
  const db = ctx.db;
  const out: Reply[] = new Array(argv.length - 1);
  for (let j = 1; j < argv.length; j++) {
    const v = db.lookupRead(argv[j], ctx.now);
    out[j - 1] = v !== undefined && isString(v) ? bulkOf(v) : null;
  }
  return out;
});
