// PERSIST key - removes the key's expire; 1 if there was one. Redis counterpart: persistCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { noteAccess } from './key-access.js';

export default defineCommand('persist', (ctx, argv) => {
  const db = ctx.db;
  const key = argv[1];
  if (db.lookupWrite(key, ctx.now) === undefined) return 0;
  noteAccess(ctx, db, key);
  if (!db.removeExpire(key)) return 0;
  ctx.signalModifiedKey(db, key);
  ctx.notify('g', 'persist', key, db.id);
  ctx.addDirty(1);
  return 1;
});
