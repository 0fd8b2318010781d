// RENAME and RENAMENX share one body. The value object moves with its TTL; an existing destination
// is deleted first (RENAME) or makes the command a no-op (RENAMENX). Renaming a key to itself only
// checks that it exists. Counterpart: renameGenericCommand (db.c).
import type { CommandContext } from '../../spec/context.js';
import { OK, type Reply } from '../../protocol/reply.js';
import { ERR_NO_SUCH_KEY } from '../../protocol/errors.js';
import { clockOf, noteAccess } from './key-access.js';

export function renameGeneric(ctx: CommandContext, src: string, dst: string, nx: boolean): Reply {
  const db = ctx.db;
  const value = db.lookupWrite(src, ctx.now);
  if (value === undefined) return ERR_NO_SUCH_KEY;
  noteAccess(ctx, db, src);
  if (src === dst) return nx ? 0 : OK;

  const expire = db.getExpire(src);
  if (db.lookupWrite(dst, ctx.now) !== undefined) {
    if (nx) return 0;
    db.delete(dst);
  }
  db.add(dst, value);
  if (expire !== -1) db.setExpire(dst, expire);
  const clock = clockOf(db, ctx.server.startTime);
  clock.carry(clock, src, dst);
  db.delete(src);
  ctx.signalModifiedKey(db, src);
  ctx.signalModifiedKey(db, dst);
  ctx.notify('g', 'rename_from', src, db.id);
  ctx.notify('g', 'rename_to', dst, db.id);
  ctx.addDirty(1);
  return nx ? 1 : OK;
}
