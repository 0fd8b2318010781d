// LTRIM key start stop - keeps only the given inclusive range (indexes as LRANGE reads them). The
// "ltrim" event fires and the key counts as modified even when nothing was trimmed.
// Redis counterpart: ltrimCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { OK } from '../../protocol/reply.js';
import { ListValue } from '../../datatypes/list.js';
import { clampRange, listFill, lookupListWrite, parseLong } from './list-generic.js';

export default defineCommand('ltrim', (ctx, argv) => {
  const start = parseLong(argv[2]);
  const end = parseLong(argv[3]);
  if (start === null || end === null) return ERR_NOT_INTEGER;
  const key = argv[1];
  const list = lookupListWrite(ctx, key);
  if (list === undefined) return OK;
  if (!(list instanceof ListValue)) return list;
  const len = list.length;
  const r = clampRange(start, end, len);
  const ltrim = r === null ? len : r[0];
  const rtrim = r === null ? 0 : len - r[1] - 1;
  list.removeHead(ltrim);
  list.removeTail(rtrim);
  ctx.notify('l', 'ltrim', key, ctx.db.id);
  if (list.length === 0) {
    ctx.db.delete(key);
    ctx.notify('g', 'del', key, ctx.db.id);
  } else {
    list.shrinkEncoding(listFill(ctx));
  }
  ctx.signalModifiedKey(ctx.db, key);
  ctx.addDirty(ltrim + rtrim);
  return OK;
});
