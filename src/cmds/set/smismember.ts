// SMISMEMBER key member [member ...] - membership of each member as 1/0; a missing key is an empty set.
// Redis counterpart: smismemberCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupSetRead } from './set-access.js';

export default defineCommand('smismember', (ctx, argv) => {
  const set = lookupSetRead(ctx, argv[1]);
  if (set instanceof ErrorReply) return set;
  const out: number[] = new Array(argv.length - 2);
  for (let j = 2; j < argv.length; j++) out[j - 2] = set !== undefined && set.has(argv[j]) ? 1 : 0;
  return out;
});
