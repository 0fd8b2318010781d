// How the keyspace commands look keys up and record accesses. Counterpart: lookupKey's flags in
// Redis's db.c (LOOKUP_NOTOUCH for EXISTS, TYPE, TTL and OBJECT) and its LRU/LFU side effect.
//
// Until Db's own lookups record accesses, each database's AccessClock lives here, attached to the Db
// object; the commands in this folder stamp it where Redis's lookups would.
import type { Db } from '../../keyspace/db.js';
import type { RValue } from '../../keyspace/value.js';
import type { CommandContext } from '../../spec/context.js';
import { AccessClock, type ClockConfig } from '../../keyspace/access-clock.js';

/** The database's access clock (kept by the Db; its lookups record accesses). */
export function clockOf(db: Db, _startMs?: number): AccessClock {
  return db.clock;
}

/** SWAPDB: the clocks follow the data (Db.swapWith moves them). */
export function swapClocks(_a: Db, _b: Db, _startMs?: number): void {}

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

/**
 * Records an access beyond what the Db's lookups already recorded: only TOUCH needs it (`force`),
 * because it stamps keys even for a CLIENT NO-TOUCH client.
 */
export function noteAccess(ctx: CommandContext, db: Db, key: string, force = false): void {
  if (!force) return;
  db.clock.touch(key, ctx.now, clockConfig(ctx));
}

/** A value newly created under `key` (COPY's duplicate). */
export function noteCreated(ctx: CommandContext, db: Db, key: string): void {
  clockOf(db, ctx.server.startTime).created(key, ctx.now, clockConfig(ctx));
}

/** lookupKeyReadWithFlags(LOOKUP_NOTOUCH): expires the key if due and counts a hit or miss. */
export function lookupReadNoTouch(ctx: CommandContext, key: string): RValue | undefined {
  return ctx.db.lookupReadNoTouch(key, ctx.now);
}
