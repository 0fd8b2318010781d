// HMGET key field [field ...] - the values of several fields, nil for each missing one (all nil for a
// missing key). Redis counterpart: hmgetCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { lookupHashRead } from './hash-access.js';

export default defineCommand('hmget', (ctx, argv) => {
  const h = lookupHashRead(ctx, argv[1]);
  if (h instanceof ErrorReply) return h;
  const out: Reply[] = new Array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) out[i - 2] = h === undefined ? null : (h.get(argv[i]) ?? null);
  return out;
});
