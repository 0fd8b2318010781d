// ZREM key member [member ...] - removes members, deleting the key once empty; answers how many went.
// Redis counterpart: zremCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupZsetWrite } from './zset-access.js';

export default defineCommand('zrem', (ctx, argv) => {
  const key = argv[1];
  const z = lookupZsetWrite(ctx, key);
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const db = ctx.db;
  let deleted = 0;
  let keyRemoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (z.delete(argv[j])) deleted++;
    if (z.size === 0) {
      db.delete(key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    ctx.notify('z', 'zrem', key, db.id);
    if (keyRemoved) ctx.notify('g', 'del', key, db.id);
    ctx.signalModifiedKey(db, key);
    ctx.addDirty(deleted);
  }
  return deleted;
});
