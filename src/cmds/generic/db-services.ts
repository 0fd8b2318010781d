// Server-side reactions to whole-database changes that a command cannot perform through its narrow
// context: WATCH invalidation, client-side caching, blocked clients and save-on-FLUSHALL. The server
// may implement them as optional ServerApi methods; without them the commands fall back to signalling
// every key (correct for WATCH and tracking, linear in the database size).
// Counterpart: signalFlushedDb, touchAllWatchedKeysInDb and scanDatabaseForReadyKeys (db.c, multi.c).
import type { CommandContext } from '../../spec/context.js';
import type { Db } from '../../keyspace/db.js';

export interface KeyspaceServices {
  /** The database (or all of them, dbIndex -1) is about to be emptied. */
  flushedDb?(dbIndex: number, async: boolean): void;
  /** Two databases exchanged contents: watched keys in either changed, blocked clients may be served. */
  swappedDb?(a: number, b: number): void;
  /** FLUSHALL with save points configured saves the now empty dataset right away. */
  saveAfterFlushall?(): void;
}

export function keyspaceServices(ctx: CommandContext): KeyspaceServices {
  return ctx.server as unknown as KeyspaceServices;
}

/** Called while the keys are still present, as Redis does, so watchers of each key are reached. */
export function signalFlushed(ctx: CommandContext, dbs: Db[], dbIndex: number, async: boolean): void {
  const s = keyspaceServices(ctx);
  if (typeof s.flushedDb === 'function') {
    s.flushedDb(dbIndex, async);
    return;
  }
  for (const db of dbs) for (const key of db.dict.keys()) ctx.signalModifiedKey(db, key);
}

/** Called after the swap: every key present in either database before or after has changed. */
export function signalSwapped(ctx: CommandContext, a: Db, b: Db): void {
  const s = keyspaceServices(ctx);
  if (typeof s.swappedDb === 'function') {
    s.swappedDb(a.id, b.id);
    return;
  }
  for (const key of a.dict.keys()) {
    ctx.signalModifiedKey(a, key);
    ctx.signalModifiedKey(b, key);
  }
  for (const key of b.dict.keys()) {
    ctx.signalModifiedKey(a, key);
    ctx.signalModifiedKey(b, key);
  }
}
