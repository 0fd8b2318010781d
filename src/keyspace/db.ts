// One logical database: the main dictionary, the expires dictionary, O(1) random sampling and
// SCAN cursors. Counterpart: redisDb and the lookup/set/delete helpers of Redis's db.c.
import type { RValue } from './value.js';
import { ScanCursors } from './scan-cursors.js';
import { AccessClock, type ClockConfig } from './access-clock.js';
import { mapBytes, stringBytes } from './memory.js';
import { noteChanged, priceObject, type Accounted } from './accounting.js';

/** One expiry time (a heap number) in the accounting; the expires Map itself is charged by capacity. */
const EXPIRE_BYTES = 16;

/** What a stored value counts in `Db.bytes`: a string its length, others their recorded estimate. */
function costOf(v: RValue): number {
  return typeof v === 'string' ? stringBytes(v) : (v as unknown as Accounted).accounted;
}

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
  /** Bytes of key strings, values and expiry times (src/keyspace/accounting.ts). */
  bytes = 0;

  constructor(
    readonly id: number,
    private readonly hooks: DbHooks,
    readonly stats: KeyspaceStats,
    readonly cursors: ScanCursors,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  /** This database's share of used_memory: counted bytes plus its tables by their capacity. */
  get memoryBytes(): number {
    const e = this.expires.size;
    return this.bytes + mapBytes(this.dict.size) + (e === 0 ? 0 : mapBytes(e)) + 8 * this.sample.length + this.clock.bytes;
  }

  /** Prices a value being stored: strings at once, others estimated now and settled after the command. */
  private stored(key: string, value: RValue): number {
    if (typeof value === 'string') return stringBytes(value);
    const a = value as unknown as Accounted;
    noteChanged(this, key, a);
    return priceObject(a);
  }

  /** Deletes the key if its time has passed; true when the key is (logically) expired. */
  expireIfNeeded(key: string, now: number): boolean {
    if (this.expires.size === 0) return false;
    const when = this.expires.get(key);
    if (when === undefined || when > now) return false;
    if (!this.hooks.expireLocally) return true;
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    const v = this.dict.get(key);
    if (v !== undefined) this.bytes -= stringBytes(key) + costOf(v);
    this.bytes -= EXPIRE_BYTES;
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
      if (typeof v !== 'string') noteChanged(this, key, v as unknown as Accounted);
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
      this.bytes += stringBytes(key);
      this.sample.push(key);
      if (this.dict.size > this.clock.capacity) this.clock.fit(this.dict.size);
    } else this.bytes -= costOf(prev);
    this.bytes += this.stored(key, value);
    if (!keepTtl && this.expires.size !== 0 && this.expires.delete(key)) this.bytes -= EXPIRE_BYTES;
    this.clock.created(key, this.hooks.clock.now, this.hooks.clock);
  }

  /** dbAdd: the caller knows the key does not exist. */
  add(key: string, value: RValue): void {
    this.dict.set(key, value);
    if (this.snapshot !== null) this.snapshot.created(this.dict, key);
    this.bytes += stringBytes(key) + this.stored(key, value);
    this.sample.push(key);
    if (this.dict.size > this.clock.capacity) this.clock.fit(this.dict.size);
    this.clock.created(key, this.hooks.clock.now, this.hooks.clock);
  }

  /**
   * Replaces the value of an existing key, keeping its TTL (in-place style updates). `current`: the value
   * the caller just looked up under the key, saving a second lookup.
   */
  overwrite(key: string, value: RValue, current?: RValue): void {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    const prev = current ?? this.dict.get(key);
    if (prev !== undefined) this.bytes -= costOf(prev);
    this.bytes += this.stored(key, value);
    this.dict.set(key, value);
  }

  delete(key: string): boolean {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    const v = this.dict.get(key);
    if (v === undefined) return false;
    this.dict.delete(key);
    this.bytes -= stringBytes(key) + costOf(v);
    if (this.expires.size !== 0 && this.expires.delete(key)) this.bytes -= EXPIRE_BYTES;
    if (this.sample.length > 64 && this.sample.length > 2 * this.dict.size) this.compactSample();
    return true;
  }

  setExpire(key: string, whenMs: number): void {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    const n = this.expires.size;
    this.expires.set(key, whenMs);
    if (this.expires.size !== n) this.bytes += EXPIRE_BYTES;
  }

  getExpire(key: string): number {
    if (this.expires.size === 0) return -1;
    const w = this.expires.get(key);
    return w === undefined ? -1 : w;
  }

  removeExpire(key: string): boolean {
    if (this.snapshot !== null) this.snapshot.beforeChange(this.dict, key);
    if (!this.expires.delete(key)) return false;
    this.bytes -= EXPIRE_BYTES;
    return true;
  }

  /** Removes every key; returns how many there were. */
  flush(): number {
    const n = this.dict.size;
    this.dict = new Map();
    this.expires = new Map();
    this.sample = [];
    this.expireCursor = null;
    this.avgTtl = 0;
    this.bytes = 0;
    this.clock.reset(Date.now());
    this.cursors.forget(this.dict);
    return n;
  }

  /** Exchanges contents with another Db (SWAPDB). */
  swapWith(other: Db): void {
    const d = this.dict, e = this.expires, s = this.sample, a = this.avgTtl, c = this.clock, b = this.bytes;
    this.dict = other.dict; this.expires = other.expires; this.sample = other.sample; this.avgTtl = other.avgTtl; this.clock = other.clock; this.bytes = other.bytes;
    other.dict = d; other.expires = e; other.sample = s; other.avgTtl = a; other.clock = c; other.bytes = b;
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

  /**
   * dictGetSomeKeys for eviction: up to `count` keys at random into `out` (repeats possible), without
   * expiring anything; returns how many. Unless `live`, a key deleted since it was added may come back
   * (the sampling array keeps stale entries): the eviction pool checks its pick anyway, and skipping
   * the dict lookup per sample (a cache miss each in a big keyspace) is most of the sampling's cost.
   */
  sampleKeys(out: string[], count: number, live = true): number {
    if (this.dict.size === 0) return 0;
    let got = 0;
    let misses = 0;
    if (!live) {
      const s = this.sample;
      for (; got < count; got++) out[got] = s[(Math.random() * s.length) | 0];
      return got;
    }
    while (got < count && this.dict.size > 0) {
      const s = this.sample;
      const k = s[(Math.random() * s.length) | 0];
      if (this.dict.has(k)) out[got++] = k;
      else if (++misses > 32) {
        this.compactSample();
        misses = 0;
      }
    }
    return got;
  }

  /**
   * The same over keys with a TTL: consecutive keys of the expires map from where the previous call
   * stopped (as dictGetSomeKeys walks consecutive buckets). With `random`, keys of the whole keyspace
   * are drawn first and those with a TTL kept (volatile-random), the walk serving when that fails.
   */
  sampleVolatileKeys(out: string[], count: number, random: boolean): number {
    const e = this.expires;
    if (e.size === 0) return 0;
    let got = 0;
    if (random) {
      const s = this.sample;
      for (let tries = 0; tries < 64 && got < count; tries++) {
        const k = s[(Math.random() * s.length) | 0];
        if (e.has(k)) out[got++] = k;
      }
      if (got === count) return got;
    }
    if (this.evictCursor === null || this.evictCursorOf !== e) {
      this.evictCursor = e.keys();
      this.evictCursorOf = e;
    }
    let wrapped = 0;
    while (got < count && wrapped < 2) {
      const r = this.evictCursor.next();
      if (r.done) {
        this.evictCursor = e.keys();
        wrapped++;
        continue;
      }
      out[got++] = r.value;
    }
    return got;
  }

  /** Where sampleVolatileKeys resumes, and the expires map it walks. */
  private evictCursor: Iterator<string> | null = null;
  private evictCursorOf: Map<string, number> | null = null;

  /** Iterates the keys matching a predicate, in one pass (KEYS). */
  *keys(): IterableIterator<string> {
    yield* this.dict.keys();
  }
}
