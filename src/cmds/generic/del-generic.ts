// DEL and UNLINK share one body: memory is reclaimed by the garbage collector either way, so
// UNLINK's background freeing has nothing to add. Counterpart: delGenericCommand (db.c).
import type { CommandContext } from '../../spec/context.js';

export function delGeneric(ctx: CommandContext, argv: string[]): number {
  const db = ctx.db;
  let deleted = 0;
  for (let j = 1; j < argv.length; j++) {
    const key = argv[j];
    // An expired key is removed (and its expiry propagated) before the delete, so it is not counted.
    if (db.lookupWrite(key, ctx.now) === undefined) continue;
    db.delete(key);
    ctx.signalModifiedKey(db, key);
    ctx.notify('g', 'del', key, db.id);
    ctx.addDirty(1);
    deleted++;
  }
  return deleted;
}
