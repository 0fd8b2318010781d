// The core of LMOVE and RPOPLPUSH: pop one element from the source's end and push it onto the
// destination's, which may be the same list (a rotation). The destination's push fires first, then the
// source's pop (and its deletion when emptied). Redis counterpart: lmoveGenericCommand (t_list.c).
import type { CommandContext } from '../../spec/context.js';
import type { Reply } from '../../protocol/reply.js';
import { ListValue } from '../../datatypes/list.js';
import { elementsRemoved, lookupListWrite, pushOne, type Where } from './list-generic.js';

export function lmoveGeneric(ctx: CommandContext, src: string, dst: string, from: Where, to: Where): Reply {
  const source = lookupListWrite(ctx, src);
  if (source === undefined) return null;
  if (!(source instanceof ListValue)) return source;
  const dest = lookupListWrite(ctx, dst);
  if (dest !== undefined && !(dest instanceof ListValue)) return dest;
  const v = (from === 'left' ? source.popHead() : source.popTail()) as string;
  pushOne(ctx, dst, dest, v, to);
  elementsRemoved(ctx, src, from, source, 1);
  return v;
}
