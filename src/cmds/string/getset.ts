// GETSET key value - Redis counterpart: getsetCommand (t_string.c); propagated as SET.
import { defineCommand } from '../../spec/define.js';
import { getGeneric } from './string-value.js';

export default defineCommand('getset', (ctx, argv) => {
  const old = getGeneric(ctx, argv[1]);
  if (typeof old === 'object' && old !== null) return old;
  const db = ctx.db;
  db.set(argv[1], argv[2]);
  ctx.signalModifiedKey(db, argv[1]);
  ctx.notify('$', 'set', argv[1], db.id);
  ctx.addDirty(1);
  ctx.propagateAs(['SET', argv[1], argv[2]]);
  return old;
});
