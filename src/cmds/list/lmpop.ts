// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] - pops up to count elements from the first
// existing list among the keys; replies [key, elements] or a null array. Arguments are all checked
// before any key is looked up.
// Redis counterpart: lmpopCommand / mpopGenericCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, NullArray } from '../../protocol/reply.js';
import { parseMpopArgs } from '../generic/mpop-args.js';
import { mpopFirst, parseWhere } from './list-generic.js';

export default defineCommand('lmpop', (ctx, argv) => {
  const args = parseMpopArgs(argv, 1, parseWhere);
  if (args instanceof ErrorReply) return args;
  return mpopFirst(ctx, args.keys, args.where, args.count) ?? NullArray.instance;
});
