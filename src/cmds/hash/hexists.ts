// HEXISTS key field - 1 when the field exists. Redis counterpart: hexistsCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupHashRead } from './hash-access.js';

export default defineCommand('hexists', (ctx, argv) => {
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  return h.has(argv[2]) ? 1 : 0;
});
