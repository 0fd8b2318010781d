// How the keyspace commands look keys up and record accesses. Counterpart: lookupKey's flags in
// Redis's db.c (LOOKUP_NOTOUCH for EXISTS, TYPE, TTL and OBJECT) and its LRU/LFU side effect.
//
// Until Db's own lookups record accesses, each database's AccessClock lives here, attached to the Db
// object; the commands in this folder stamp it where Redis's lookups would.
import type { Db } from '../../keyspace/db.js';
import type { RValue } from '../../keyspace/value.js';
import type { CommandContext } from '../../spec/context.js';
import { AccessClock, type ClockConfig } from './access-clock.js';

const clocks = new WeakMap<Db, AccessClock>();

/**
 * The database's clock. Keys never stamped count as accessed when the clock began, which is the
 * server's start: an upper bound of their true idle time.
 */
export function clockOf(db: Db, startMs: number): AccessClock {
  let c = clocks.get(db);
  if (c === undefined) {
    c = new AccessClock(startMs);
    clocks.set(db, c);
  }
  c.fit(db.size);
  return c;
}

/** SWAPDB: the clocks follow the data. */
export function swapClocks(a: Db, b: Db, startMs: number): void {
  const ca = clockOf(a, startMs);
  const cb = clockOf(b, startMs);
  clocks.set(a, cb);
  clocks.set(b, ca);
}

export function isLfuPolicy(ctx: CommandContext): boolean {
  const p = ctx.server.config.get('maxmemory-policy');
  return p === 'allkeys-lfu' || p === 'volatile-lfu';
}

export function clockConfig(ctx: CommandContext): ClockConfig {
  return {
    lfu: isLfuPolicy(ctx),
    logFactor: ctx.server.config.getNumber('lfu-log-factor'),
    decayTime: ctx.server.config.getNumber('lfu-decay-time'),
  };
}

/** Records an access as lookupKey does, unless the client asked CLIENT NO-TOUCH (TOUCH overrides). */
export function noteAccess(ctx: CommandContext, db: Db, key: string, force = false): void {
  if (!force && (ctx.client as { noTouch?: boolean }).noTouch === true) return;
  clockOf(db, ctx.server.startTime).touch(key, ctx.now, clockConfig(ctx));
}

/** A value newly created under `key` (COPY's duplicate). */
export function noteCreated(ctx: CommandContext, db: Db, key: string): void {
  clockOf(db, ctx.server.startTime).created(key, ctx.now, clockConfig(ctx));
}

/** lookupKeyReadWithFlags(LOOKUP_NOTOUCH): expires the key if due and counts a hit or miss. */
export function lookupReadNoTouch(ctx: CommandContext, key: string): RValue | undefined {
  const db = ctx.db;
  const v = db.lookup(key, ctx.now);
  if (v === undefined) db.stats.misses++;
  else db.stats.hits++;
  return v;
}
