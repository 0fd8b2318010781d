// BZPOPMIN/BZPOPMAX key [key ...] timeout: ZPOPMIN/ZPOPMAX of one member from the first non-empty key,
// answered as [key, member, score], or a wait for one; a timeout answers a null array. A served pop
// propagates as ZPOPMIN/ZPOPMAX key. Counterpart: blockingGenericZpopCommand (t_zset.c).
import type { CommandContext } from '../../spec/context.js';
import { NullArray } from '../../protocol/reply.js';
import type { ExecuteResult } from '../../spec/types.js';
import { blockOn, parseTimeout } from '../list/blocking-generic.js';
import { genericZpop, type ZpopOptions, type ZWhere } from './zpop-generic.js';

export function bzpopGeneric(ctx: CommandContext, argv: string[], where: ZWhere): ExecuteResult {
  const timeoutAt = parseTimeout(ctx, argv[argv.length - 1]);
  if (typeof timeoutAt !== 'number') return timeoutAt;
  const keys = argv.slice(1, -1);
  const name = where === 'min' ? 'ZPOPMIN' : 'ZPOPMAX';
  const opts: ZpopOptions = { emitKey: true, nested: false, propagate: (key) => [name, key] };
  const now = genericZpop(ctx, keys, where, -1, opts);
  if (now !== undefined) return now;
  return blockOn(keys, timeoutAt, NullArray.instance, (c) => genericZpop(c, keys, where, -1, opts));
}
