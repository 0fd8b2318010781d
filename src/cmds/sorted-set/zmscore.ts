// ZMSCORE key member [member ...] - the scores of several members, null for each one missing (all null
// for a missing key). Redis counterpart: zmscoreCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { DoubleReply, ErrorReply, type Reply } from '../../protocol/reply.js';
import { lookupZsetRead } from './zset-access.js';

export default defineCommand('zmscore', (ctx, argv) => {
  const z = lookupZsetRead(ctx, argv[1]);
  if (z instanceof ErrorReply) return z;
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const s = z === undefined ? undefined : z.score(argv[j]);
    out.push(s === undefined ? null : new DoubleReply(s));
  }
  return out;
});
