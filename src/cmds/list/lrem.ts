// LREM key count element - removes occurrences of element: the first `count` from the head, the last
// |count| from the tail when negative, all when 0. Redis counterpart: lremCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { ListValue } from '../../datatypes/list.js';
import { listFill, lookupListWrite, parseLong } from './list-generic.js';

export default defineCommand('lrem', (ctx, argv) => {
  const count = parseLong(argv[2]);
  if (count === null) return ERR_NOT_INTEGER;
  const key = argv[1];
  const list = lookupListWrite(ctx, key);
  if (list === undefined) return 0;
  if (!(list instanceof ListValue)) return list;
  const removed = list.removeMatching(argv[3], Math.abs(count), count < 0);
  if (removed > 0) ctx.notify('l', 'lrem', key, ctx.db.id);
  if (list.length === 0) {
    ctx.db.delete(key);
    ctx.notify('g', 'del', key, ctx.db.id);
  } else if (removed > 0) {
    list.shrinkEncoding(listFill(ctx));
  }
  if (removed > 0) {
    ctx.signalModifiedKey(ctx.db, key);
    ctx.addDirty(removed);
  }
  return removed;
});
