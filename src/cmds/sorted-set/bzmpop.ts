// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count] - ZMPOP, or wait for one of the keys; a
// timeout answers a null array. Redis counterpart: bzmpopCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, NullArray } from '../../protocol/reply.js';
import { blockOn, parseTimeout } from '../list/blocking-generic.js';
import { genericZpop, mpopOptions, parseMpopArgs } from './zpop-generic.js';

export default defineCommand('bzmpop', (ctx, argv) => {
  const args = parseMpopArgs(argv, 2);
  if (args instanceof ErrorReply) return args;
  const timeoutAt = parseTimeout(ctx, argv[1]);
  if (typeof timeoutAt !== 'number') return timeoutAt;
  const { keys, where, count } = args;
  const opts = mpopOptions(where, count);
  const now = genericZpop(ctx, keys, where, count, opts);
  if (now !== undefined) return now;
  return blockOn(keys, timeoutAt, NullArray.instance, (c) => genericZpop(c, keys, where, count, opts));
});
