// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] - LMPOP, or wait for one of the lists.
// Redis counterpart: blmpopCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, NullArray } from '../../protocol/reply.js';
import { parseMpopArgs } from '../generic/mpop-args.js';
import { mpopFirst, parseWhere } from './list-generic.js';
import { blockOn, parseTimeout } from './blocking-generic.js';

export default defineCommand('blmpop', (ctx, argv) => {
  const args = parseMpopArgs(argv, 2, parseWhere);
  if (args instanceof ErrorReply) return args;
  const timeoutAt = parseTimeout(ctx, argv[1]);
  if (typeof timeoutAt !== 'number') return timeoutAt;
  const { keys, where, count } = args;
  const now = mpopFirst(ctx, keys, where, count);
  if (now !== undefined) return now;
  return blockOn(keys, timeoutAt, NullArray.instance, (c) => mpopFirst(c, keys, where, count));
});
