// HGET key field - one field's value, nil when the key or field is missing.
// Redis counterpart: hgetCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupHashRead } from './hash-access.js';

export default defineCommand('hget', (ctx, argv) => {
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return null;
  if (h instanceof ErrorReply) return h;
  return h.get(argv[2]) ?? null;
});
