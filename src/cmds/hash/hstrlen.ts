// HSTRLEN key field - the length of a field's value, 0 when missing.
// Redis counterpart: hstrlenCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupHashRead } from './hash-access.js';

export default defineCommand('hstrlen', (ctx, argv) => {
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  return h.get(argv[2])?.length ?? 0;
});
