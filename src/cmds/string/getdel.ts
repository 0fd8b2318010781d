// GETDEL key - Redis counterpart: getdelCommand (t_string.c); propagated as DEL (UNLINK with
// lazyfree-lazy-user-del).
import { defineCommand } from '../../spec/define.js';
import { getGeneric } from './string-value.js';

export default defineCommand('getdel', (ctx, argv) => {
  const key = argv[1];
  const value = getGeneric(ctx, key);
  if (value === null || typeof value === 'object') return value;
  const db = ctx.db;
  db.delete(key);
  ctx.propagateAs([ctx.server.config.getBool('lazyfree-lazy-user-del') ? 'UNLINK' : 'DEL', key]);
  ctx.signalModifiedKey(db, key);
  ctx.notify('g', 'del', key, db.id);
  ctx.addDirty(1);
  return value;
});
