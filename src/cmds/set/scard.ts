// SCARD key - the number of members, 0 for a missing key. Redis counterpart: scardCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupSetRead } from './set-access.js';

export default defineCommand('scard', (ctx, argv) => {
  const set = lookupSetRead(ctx, argv[1]);
  if (set === undefined) return 0;
  if (set instanceof ErrorReply) return set;
  return set.size;
});
