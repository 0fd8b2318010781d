// HDEL key field [field ...] - removes fields; the key goes when its last field does.
// Redis counterpart: hdelCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupHashWrite } from './hash-access.js';

export default defineCommand('hdel', (ctx, argv) => {
  const key = argv[1];
  const h = lookupHashWrite(ctx, key);
  if (h === undefined) return 0;
  if (h instanceof ErrorReply) return h;
  const db = ctx.db;
  let deleted = 0;
  let keyRemoved = false;
  for (let i = 2; i < argv.length; i++) {
    if (!h.delete(argv[i])) continue;
    deleted++;
    if (h.size === 0) {
      db.delete(key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    ctx.signalModifiedKey(db, key);
    ctx.notify('h', 'hdel', key, db.id);
    if (keyRemoved) ctx.notify('g', 'del', key, db.id);
    ctx.addDirty(deleted);
  }
  return deleted;
});
