// HLEN key - the number of fields. Redis counterpart: hlenCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupHashRead } from './hash-access.js';

export default defineCommand('hlen', (ctx, argv) => {
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  return h.size;
});
