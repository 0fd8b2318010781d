// SMEMBERS key - every member, a RESP3 set (an array in RESP2); an intset answers in ascending order.
// Redis counterpart: smembersCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, SetReply } from '../../protocol/reply.js';
import { lookupSetRead } from './set-access.js';

export default defineCommand('smembers', (ctx, argv) => {
  const set = lookupSetRead(ctx, argv[1]);
  if (set instanceof ErrorReply) return set;
  return new SetReply(set === undefined ? [] : set.members());
});
