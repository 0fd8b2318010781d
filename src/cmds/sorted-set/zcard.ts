// ZCARD key - the number of members (0 for a missing key). Redis counterpart: zcardCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupZsetRead } from './zset-access.js';

export default defineCommand('zcard', (ctx, argv) => {
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  return z.size;
});
