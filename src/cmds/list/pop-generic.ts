// LPOP/RPOP key [count]. Without a count one element comes back as a bulk string; with one, an array
// (tail-first for RPOP), and a missing key answers a null array rather than a null bulk. The count is
// read before the key is looked up, so a bad count wins over WRONGTYPE. Redis counterpart:
// popGenericCommand (t_list.c).
import type { CommandContext } from '../../spec/context.js';
import { NullArray, type Reply } from '../../protocol/reply.js';
import { errArity } from '../../protocol/errors.js';
import { lookupListWrite, parseLong, popRange, elementsRemoved, type Where } from './list-generic.js';
import { ListValue } from '../../datatypes/list.js';
import { ERR_MUST_BE_POSITIVE } from './errors.js';

export function popGeneric(ctx: CommandContext, argv: string[], where: Where): Reply {
  // The table's arity (-2) allows any number of arguments; only one optional count is meaningful.
  if (argv.length > 3) return errArity(argv[0].toLowerCase());
  const hasCount = argv.length === 3;
  let count = 0;
  if (hasCount) {
    const n = parseLong(argv[2]);
    if (n === null || n < 0) return ERR_MUST_BE_POSITIVE;
    count = n;
  }
  const key = argv[1];
  const list = lookupListWrite(ctx, key);
  if (list === undefined) return hasCount ? NullArray.instance : null;
  if (!(list instanceof ListValue)) return list;
  if (hasCount) return count === 0 ? [] : popRange(ctx, key, list, where, count);
  const v = (where === 'left' ? list.popHead() : list.popTail()) as string;
  elementsRemoved(ctx, key, where, list, 1);
  return v;
}
