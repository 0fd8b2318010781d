// LSET key index element - replaces one element. Redis counterpart: lsetCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NO_SUCH_KEY, ERR_NOT_INTEGER, ERR_OUT_OF_RANGE } from '../../protocol/errors.js';
import { OK } from '../../protocol/reply.js';
import { ListValue } from '../../datatypes/list.js';
import { listFill, lookupListWrite, parseLong } from './list-generic.js';

export default defineCommand('lset', (ctx, argv) => {
  const key = argv[1];
  const list = lookupListWrite(ctx, key);
  if (list === undefined) return ERR_NO_SUCH_KEY;
  if (!(list instanceof ListValue)) return list;
  let index = parseLong(argv[2]);
  if (index === null) return ERR_NOT_INTEGER;
  const value = argv[3];
  const fill = listFill(ctx);
  // The growing check runs first, as if the new element were added; a smaller replacement may then
  // let the list shrink back.
  list.growEncoding(value.length, 1, fill);
  if (index < 0) index += list.length;
  if (index < 0 || index >= list.length) return ERR_OUT_OF_RANGE;
  list.set(index, value);
  list.shrinkEncoding(fill);
  ctx.signalModifiedKey(ctx.db, key);
  ctx.notify('l', 'lset', key, ctx.db.id);
  ctx.addDirty(1);
  return OK;
});
