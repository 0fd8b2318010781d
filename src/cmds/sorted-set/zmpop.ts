// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count] - pops from the first non-empty sorted set among the
// keys; answers [key, [[member, score], ...]] or a null array. Redis counterpart: zmpopCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, NullArray } from '../../protocol/reply.js';
import { genericZpop, mpopOptions, parseMpopArgs } from './zpop-generic.js';

export default defineCommand('zmpop', (ctx, argv) => {
  const args = parseMpopArgs(argv, 1);
  if (args instanceof ErrorReply) return args;
  return genericZpop(ctx, args.keys, args.where, args.count, mpopOptions(args.where, args.count)) ?? NullArray.instance;
});
