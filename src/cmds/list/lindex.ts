// LINDEX key index - one element by index (negative from the tail), null when out of range. A missing
// key answers null before the index is even parsed. Redis counterpart: lindexCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { ListValue } from '../../datatypes/list.js';
import { lookupListRead, parseLong } from './list-generic.js';

export default defineCommand('lindex', (ctx, argv) => {
  const list = lookupListRead(ctx, argv[1]);
  if (list === undefined) return null;
  if (!(list instanceof ListValue)) return list;
  let index = parseLong(argv[2]);
  if (index === null) return ERR_NOT_INTEGER;
  if (index < 0) index += list.length;
  return index >= 0 && index < list.length ? list.at(index) : null;
});
