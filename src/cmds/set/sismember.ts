// SISMEMBER key member - 1 when the member is in the set (an integer in RESP3 too).
// Redis counterpart: sismemberCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupSetRead } from './set-access.js';

export default defineCommand('sismember', (ctx, argv) => {
  const set = lookupSetRead(ctx, argv[1]);
  if (set === undefined) return 0;
  if (set instanceof ErrorReply) return set;
  return set.has(argv[2]) ? 1 : 0;
});
