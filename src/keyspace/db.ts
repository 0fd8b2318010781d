// One logical database: the main dictionary, the expires dictionary, O(1) random sampling and
// SCAN cursors. Counterpart: redisDb and the lookup/set/delete helpers of Redis's db.c.
import type { RValue } from './value.js';
import { ScanCursors } from './scan-cursors.js';
import { AccessClock, type ClockConfig } from './access-clock.js';

/** Server-side reactions to keyspace events the Db cannot decide alone. */
export interface DbHooks {
  /** A key was found expired and removed (propagate DEL, notify "expired", count). */
  expired(db: Db, key: string): void;
  /** Are we a replica that must not expire keys itself (keys only look missing)? */
  readonly expireLocally: boolean;
  /**
   * LRU/LFU settings shared by every Db; `suspended` while a CLIENT NO-TOUCH client runs a command,
   * `now` the running command's clock.
   */
  readonly clock: ClockConfig & { suspended: boolean; now: number };
}

export interface KeyspaceStats {
  hits: number;
  misses: number;
  expiredKeys: number;
}

/** A point-in-time snapshot being written (src/persistence/snapshot.ts) that must see changes first. */
export interface ChangeObserver {
  beforeChange(dict: Map<string, RValue>, key: string): void;
  created(dict: Map<string, RValue>, key: string): void;
}

export class Db {
  /** Set while a background save runs: told before any key changes. */
  snapshot: ChangeObserver | null = null;
  dict = new Map<string, RValue>();
  expires = new Map<string, number>();
  /** Keys in insertion order with stale entries left behind by deletes; compacted when half is stale. */
  private sample: string[] = [];
  /** Iterator of the active expire cycle over `expires`, resumed across cycles. */
  expireCursor: Iterator<[string, number]> | null = null;
  /** Sum of TTLs seen by the last expire cycle sample, for INFO keyspace avg_ttl. */
  avgTtl = 0;
  /** Last access per key (hashed slots) behind OBJECT IDLETIME/FREQ and eviction. */
  clock = new AccessClock(Date.now());

  constructor(
    readonly id: number,
    private readonly hooks: DbHooks,
    readonly stats: KeyspaceStats,
    readonly cursors: ScanCursors,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  /** Deletes the key if its time has passed; true when the key is (logically) expired. */
  expireIfNeeded(key: string, now: number): boolean {
    if (this.expires.size === 0) return false;
    const when = this.expires.get(key);
    if (when === undefined || when > now) return false;
    if (!this.hooks.expireLocally) return true;
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    this.dict.delete(key);
    this.expires.delete(key);
    this.stats.expiredKeys++;
    this.hooks.expired(this, key);
    return true;
  }

  /** lookupKey without touching hit/miss statistics. */
  lookup(key: string, now: number): RValue | undefined {
    const v = this.dict.get(key);
    if (v === undefined) return undefined;
    if (this.expires.size !== 0 && this.expireIfNeeded(key, now)) return undefined;
    return v;
  }

  /** lookupKeyRead: counts a hit or miss and records the access. */
  lookupRead(key: string, now: number): RValue | undefined {
    const v = this.lookup(key, now);
    if (v === undefined) this.stats.misses++;
    else {
      this.stats.hits++;
      const cfg = this.hooks.clock;
      if (!cfg.suspended) this.clock.touch(key, now, cfg);
    }
    return v;
  }

  /** lookupKeyReadWithFlags(LOOKUP_NOTOUCH): counts a hit or miss, leaves the access time alone. */
  lookupReadNoTouch(key: string, now: number): RValue | undefined {
    const v = this.lookup(key, now);
    if (v === undefined) this.stats.misses++;
    else this.stats.hits++;
    return v;
  }

  /** lookupKeyWrite: records the access. */
  lookupWrite(key: string, now: number): RValue | undefined {
    const v = this.lookup(key, now);
    if (v !== undefined) {
      if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
      const cfg = this.hooks.clock;
      if (!cfg.suspended) this.clock.touch(key, now, cfg);
    }
    return v;
  }

  exists(key: string, now: number): boolean {
    return this.lookup(key, now) !== undefined;
  }

  /** setKey: stores the value; the TTL is dropped unless keepTtl. */
  set(key: string, value: RValue, keepTtl = false): void {
    const prev = this.dict.get(key);
    if (this.snapshot !== null && prev !== undefined) this.snapshot.beforeChange(this.dict, key);
    this.dict.set(key, value);
    if (this.snapshot !== null && prev === undefined) this.snapshot.created(this.dict, key);
    if (prev === undefined) {
      this.sample.push(key);
      if (this.dict.size > this.clock.capacity) this.clock.fit(this.dict.size);
    }
    if (!keepTtl && this.expires.size !== 0) this.expires.delete(key);
    this.clock.created(key, this.hooks.clock.now, this.hooks.clock);
  }

  /** dbAdd: the caller knows the key does not exist. */
  add(key: string, value: RValue): void {
    this.dict.set(key, value);
    if (this.snapshot !== null) this.snapshot.created(this.dict, key);
    this.sample.push(key);
    if (this.dict.size > this.clock.capacity) this.clock.fit(this.dict.size);
    this.clock.created(key, this.hooks.clock.now, this.hooks.clock);
  }

  /** Replaces the value of an existing key, keeping its TTL (in-place style updates). */
  overwrite(key: string, value: RValue): void {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    this.dict.set(key, value);
  }

  delete(key: string): boolean {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    if (!this.dict.delete(key)) return false;
    if (this.expires.size !== 0) this.expires.delete(key);
    if (this.sample.length > 64 && this.sample.length > 2 * this.dict.size) this.compactSample();
    return true;
  }

  setExpire(key: string, whenMs: number): void {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    this.expires.set(key, whenMs);
  }

  getExpire(key: string): number {
    if (this.expires.size === 0) return -1;
    const w = this.expires.get(key);
    return w === undefined ? -1 : w;
  }

  removeExpire(key: string): boolean {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    return this.expires.delete(key);
  }

  /** Removes every key; returns how many there were. */
  flush(): number {
    const n = this.dict.size;
    this.dict = new Map();
    this.expires = new Map();
    this.sample = [];
    this.expireCursor = null;
    this.avgTtl = 0;
    this.clock.reset(Date.now());
    this.cursors.forget(this.dict);
    return n;
  }

  /** Exchanges contents with another Db (SWAPDB). */
  swapWith(other: Db): void {
    const d = this.dict, e = this.expires, s = this.sample, a = this.avgTtl, c = this.clock;
    this.dict = other.dict; this.expires = other.expires; this.sample = other.sample; this.avgTtl = other.avgTtl; this.clock = other.clock;
    other.dict = d; other.expires = e; other.sample = s; other.avgTtl = a; other.clock = c;
    this.expireCursor = null;
    other.expireCursor = null;
  }

  private compactSample(): void {
    this.sample = Array.from(this.dict.keys());
  }

  /** A uniformly chosen live key, or null when empty; expired keys met on the way are removed. */
  randomKey(now: number): string | null {
    let misses = 0;
    while (this.dict.size > 0) {
      const s = this.sample;
      const k = s[(Math.random() * s.length) | 0];
      if (!this.dict.has(k)) {
        if (++misses > 32) {
          this.compactSample();
          misses = 0;
        }
        continue;
      }
      if (this.expires.size !== 0) {
        const when = this.expires.get(k);
        if (when !== undefined && when <= now) {
          // On a replica every key may be logically expired: give one back as Redis does.
          if (!this.hooks.expireLocally) {
            if (this.expires.size === this.dict.size && ++misses > 100) return k;
            continue;
          }
          this.expireIfNeeded(k, now);
          continue;
        }
      }
      return k;
    }
    return null;
  }

  /** Iterates the keys matching a predicate, in one pass (KEYS). */
  *keys(): IterableIterator<string> {
    yield* this.dict.keys();
  }
}
