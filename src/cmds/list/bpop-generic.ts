// BLPOP/BRPOP: pop from the first non-empty list among the keys, or wait for one. Served pops
// propagate as LPOP/RPOP key. Redis counterpart: blockingPopGenericCommand (t_list.c).
import type { CommandContext } from '../../spec/context.js';
import { NullArray, type Reply } from '../../protocol/reply.js';
import type { ExecuteResult } from '../../spec/types.js';
import { ListValue } from '../../datatypes/list.js';
import { lookupListWrite, popRange, type Where } from './list-generic.js';
import { blockOn, parseTimeout } from './blocking-generic.js';

function popFirst(ctx: CommandContext, keys: string[], where: Where): Reply | undefined {
  for (const key of keys) {
    const list = lookupListWrite(ctx, key);
    if (list === undefined) continue;
    if (!(list instanceof ListValue)) return list;
    const [v] = popRange(ctx, key, list, where, 1);
    ctx.propagateAs([where === 'left' ? 'LPOP' : 'RPOP', key]);
    return [key, v];
  }
  return undefined;
}

export function bpopGeneric(ctx: CommandContext, argv: string[], where: Where): ExecuteResult {
  const timeoutAt = parseTimeout(ctx, argv[argv.length - 1]);
  if (typeof timeoutAt !== 'number') return timeoutAt;
  const keys = argv.slice(1, -1);
  const now = popFirst(ctx, keys, where);
  if (now !== undefined) return now;
  return blockOn(keys, timeoutAt, NullArray.instance, (c) => popFirst(c, keys, where));
}
