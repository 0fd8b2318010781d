// SREM key member [member ...] - removes members; the key goes when its last member does.
// Redis counterpart: sremCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { lookupSetWrite } from './set-access.js';

export default defineCommand('srem', (ctx, argv) => {
  const key = argv[1];
  const set = lookupSetWrite(ctx, key);
  if (set === undefined) return 0;
  if (set instanceof ErrorReply) return set;
  const db = ctx.db;
  let deleted = 0;
  let keyRemoved = false;
  for (let j = 2; j < argv.length; j++) {
    if (!set.delete(argv[j])) continue;
    deleted++;
    if (set.size === 0) {
      db.delete(key);
      keyRemoved = true;
      break;
    }
  }
  if (deleted > 0) {
    ctx.signalModifiedKey(db, key);
    ctx.notify('s', 'srem', key, db.id);
    if (keyRemoved) ctx.notify('g', 'del', key, db.id);
    ctx.addDirty(deleted);
  }
  return deleted;
});
