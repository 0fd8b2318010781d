// LINSERT key BEFORE|AFTER pivot element - inserts next to the first occurrence of pivot; -1 when the
// pivot is absent, 0 when the key is. Redis counterpart: linsertCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { ListValue } from '../../datatypes/list.js';
import { optionName } from '../generic/args.js';
import { listFill, lookupListWrite } from './list-generic.js';

export default defineCommand('linsert', (ctx, argv) => {
  const pos = optionName(argv[2]);
  if (pos !== 'before' && pos !== 'after') return ERR_SYNTAX;
  const key = argv[1];
  const list = lookupListWrite(ctx, key);
  if (list === undefined) return 0;
  if (!(list instanceof ListValue)) return list;
  const value = argv[4];
  // Redis converts before searching, assuming the insert will happen, so a missing pivot can still
  // turn a listpack into a quicklist.
  list.growEncoding(value.length, 1, listFill(ctx));
  const at = list.indexOf(argv[3]);
  if (at < 0) return -1;
  list.insertAt(pos === 'before' ? at : at + 1, value);
  ctx.signalModifiedKey(ctx.db, key);
  ctx.notify('l', 'linsert', key, ctx.db.id);
  ctx.addDirty(1);
  return list.length;
});
