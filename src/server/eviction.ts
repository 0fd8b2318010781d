// maxmemory and key eviction. Counterpart: Redis's evict.c (performEvictions, evictionPoolPopulate,
// the eviction time proc) and getMaxmemoryState.
//
// used_memory here is the accounting of src/keyspace/accounting.ts (per-database byte counts kept on
// every write) plus a baseline measured at start-up and the client buffers the cron adds up: a figure
// that moves only when the dataset does, so evicting until it is under maxmemory terminates and is
// reproducible, unlike the V8 heap, which holds garbage until a collection.
//
// The choice of keys follows Redis's approximations: every round samples maxmemory-samples keys per
// database (the whole keyspace or only keys with a TTL) into a pool of the 16 best candidates kept
// across calls, then evicts the best candidate still present. LRU ranks by idle time at the 1 s
// resolution of the 24-bit LRU clock, LFU by 255 minus the decayed logarithmic counter, volatile-ttl by
// the nearest expiry (src/keyspace/access-clock.ts keeps the per-key data). Eviction is time-boxed by
// maxmemory-eviction-tenacity; when the time is up with memory still over the limit, a background
// loop (setImmediate, Redis's evictionTimeProc) goes on evicting between event-loop turns.
import type { Db } from '../keyspace/db.js';
import type { ClockConfig } from '../keyspace/access-clock.js';
import type { NotifyClass } from '../spec/context.js';
import type { Config } from './config.js';

export const EVICT_OK = 0;
export const EVICT_RUNNING = 1;
export const EVICT_FAIL = 2;
export type EvictResult = typeof EVICT_OK | typeof EVICT_RUNNING | typeof EVICT_FAIL;

const LRU = 1;
const LFU = 2;
const TTL = 4;
const RANDOM = 8;
const ALLKEYS = 16;
const NOEVICTION = 0;

const POLICIES: Record<string, number> = {
  noeviction: NOEVICTION,
  'allkeys-lru': ALLKEYS | LRU,
  'allkeys-lfu': ALLKEYS | LFU,
  'allkeys-random': ALLKEYS | RANDOM,
  'volatile-lru': LRU,
  'volatile-lfu': LFU,
  'volatile-random': RANDOM,
  'volatile-ttl': TTL,
};

/** EVPOOL_SIZE */
const POOL_SIZE = 16;

/** What eviction needs from the engine. */
export interface EvictionHost {
  readonly dbs: Db[];
  readonly stats: { evictedKeys: number };
  readonly clockConfig: ClockConfig;
  /** The clock of the commands being run (ms). */
  readonly eventNow: number;
  signalModifiedKey(db: Db, key: string): void;
  notifyKeyspaceEvent(type: NotifyClass, event: string, key: string, dbIndex: number): void;
  propagate(dbIndex: number, argv: string[]): void;
}

export class Eviction {
  /** maxmemory in bytes (0: no limit). */
  maxmemory = 0;
  private policy = NOEVICTION;
  private samples = 5;
  private tenacity = 10;
  private lazy = false;
  /** The heap that is not the dataset, measured at start-up (used_memory_startup). */
  baseline = 0;
  /** Client buffers and script caches, refreshed by the cron. */
  extra = 0;
  /** Evictions must not run now (loading, a replica ignoring maxmemory); set by the server. */
  suspended: () => boolean = () => false;
  /** Microseconds spent over maxmemory in finished episodes (stat_total_eviction_exceeded_time). */
  private totalExceededUs = 0;
  /** performance.now() when the current episode over maxmemory started, or -1. */
  private exceededSince = -1;
  private readonly poolIdle = new Float64Array(POOL_SIZE);
  private readonly poolKey: Array<string | null> = new Array<string | null>(POOL_SIZE).fill(null);
  private readonly poolDb = new Int32Array(POOL_SIZE);
  private readonly sampled: string[] = [];
  private nextDb = 0;
  private proc: NodeJS.Immediate | null = null;
  private procRunning = false;

  constructor(
    private readonly host: EvictionHost,
    config: Config,
  ) {
    const sync = () => {
      this.maxmemory = config.getNumber('maxmemory');
      this.policy = POLICIES[config.get('maxmemory-policy') ?? 'noeviction'] ?? NOEVICTION;
      this.samples = config.getNumber('maxmemory-samples');
      this.tenacity = config.getNumber('maxmemory-eviction-tenacity');
      this.lazy = config.getBool('lazyfree-lazy-eviction');
      return null;
    };
    sync();
    for (const n of ['maxmemory-policy', 'maxmemory-samples', 'maxmemory-eviction-tenacity', 'lazyfree-lazy-eviction']) config.onChange(n, sync);
    config.onChange('maxmemory', () => {
      sync();
      // updateMaxmemory: a limit below what is used starts evicting at once, not at the next write.
      if (this.maxmemory !== 0) this.startProc();
      return null;
    });
  }

  get policyName(): string {
    for (const [name, p] of Object.entries(POLICIES)) if (p === this.policy) return name;
    return 'noeviction';
  }

  /** used_memory: the baseline, every database's accounted bytes and the client buffers. */
  usedMemory(): number {
    let m = this.baseline + this.extra;
    const dbs = this.host.dbs;
    for (let i = 0; i < dbs.length; i++) {
      const db = dbs[i];
      if (db.bytes !== 0 || db.dict.size !== 0) m += db.memoryBytes;
    }
    return m;
  }

  /** The part of used_memory that is the dataset (used_memory_dataset, MEMORY STATS dataset.bytes). */
  datasetMemory(): number {
    let m = 0;
    for (const db of this.host.dbs) if (db.bytes !== 0 || db.dict.size !== 0) m += db.memoryBytes;
    return m;
  }

  /** total_eviction_exceeded_time and current_eviction_exceeded_time, in milliseconds. */
  exceededTimes(): { total: number; current: number } {
    const current = this.exceededSince < 0 ? 0 : (performance.now() - this.exceededSince) * 1000;
    return { total: Math.floor((this.totalExceededUs + current) / 1000), current: Math.floor(current / 1000) };
  }

  /** True while the background eviction loop runs. */
  get running(): boolean {
    return this.procRunning;
  }

  /** Stops the background loop (shutdown). */
  stop(): void {
    if (this.proc !== null) clearImmediate(this.proc);
    this.proc = null;
    this.procRunning = false;
  }

  /** evictionTimeLimitUs: the time one call may spend evicting, from maxmemory-eviction-tenacity. */
  private timeLimitUs(): number {
    const t = this.tenacity;
    if (t <= 10) return 50 * t;
    if (t < 100) return 500 * 1.15 ** (t - 10);
    return Infinity;
  }

  /**
   * performEvictions: evicts until used memory is under maxmemory or the time box ends. EVICT_FAIL
   * means memory is over the limit and nothing can be evicted (noeviction, or no candidate keys).
   */
  perform(now = this.host.eventNow): EvictResult {
    if (this.maxmemory === 0 || this.suspended()) return EVICT_OK;
    this.now = now;
    let result: EvictResult = EVICT_FAIL;
    const used = this.usedMemory();
    if (used <= this.maxmemory) result = EVICT_OK;
    else if (this.policy !== NOEVICTION) result = this.evict(used - this.maxmemory);
    this.updateMetrics(result);
    return result;
  }

  private updateMetrics(result: EvictResult): void {
    if (result === EVICT_OK) {
      if (this.exceededSince >= 0) {
        this.totalExceededUs += (performance.now() - this.exceededSince) * 1000;
        this.exceededSince = -1;
      }
    } else if (this.exceededSince < 0) {
      this.exceededSince = performance.now();
    }
  }

  private evict(toFree: number): EvictResult {
    const limitUs = this.timeLimitUs();
    const start = performance.now();
    const host = this.host;
    let freed = 0;
    let evicted = 0;
    while (freed < toFree) {
      const picked = this.policy & RANDOM ? this.pickRandom() : this.pickFromPool();
      if (picked < 0) return EVICT_FAIL;
      const db = host.dbs[picked];
      const key = this.bestKey!;
      this.bestKey = null;
      const before = db.memoryBytes;
      db.delete(key);
      freed += before - db.memoryBytes;
      host.stats.evictedKeys++;
      host.signalModifiedKey(db, key);
      host.notifyKeyspaceEvent('e', 'evicted', key, db.id);
      host.propagate(db.id, [this.lazy ? 'UNLINK' : 'DEL', key]);
      evicted++;
      if (evicted % 16 === 0 && (performance.now() - start) * 1000 > limitUs) {
        // Out of time with memory still to free: the background loop carries on.
        this.startProc();
        break;
      }
    }
    return this.procRunning ? EVICT_RUNNING : EVICT_OK;
  }

  private bestKey: string | null = null;
  /** The clock idle times and LFU decay are measured against in this round. */
  private now = 0;

  /** allkeys-random / volatile-random: a random key of the next non-empty database, round robin. */
  private pickRandom(): number {
    const dbs = this.host.dbs;
    const all = (this.policy & ALLKEYS) !== 0;
    for (let i = 0; i < dbs.length; i++) {
      const j = ++this.nextDb % dbs.length;
      const db = dbs[j];
      const n = all ? db.dict.size : db.expires.size;
      if (n === 0) continue;
      const out = this.sampled;
      if ((all ? db.sampleKeys(out, 1) : db.sampleVolatileKeys(out, 1, true)) === 0) continue;
      this.bestKey = out[0];
      return j;
    }
    return -1;
  }

  /** LRU / LFU / volatile-ttl: refills the pool from every database and takes its best live entry. */
  private pickFromPool(): number {
    const dbs = this.host.dbs;
    const all = (this.policy & ALLKEYS) !== 0;
    const keys = this.poolKey;
    for (;;) {
      let total = 0;
      for (let i = 0; i < dbs.length; i++) {
        const db = dbs[i];
        const n = all ? db.dict.size : db.expires.size;
        if (n === 0) continue;
        this.populate(i, db, all);
        total += n;
      }
      if (total === 0) return -1;
      for (let k = POOL_SIZE - 1; k >= 0; k--) {
        const key = keys[k];
        if (key === null) continue;
        const dbIndex = this.poolDb[k];
        keys[k] = null;
        this.poolIdle[k] = 0;
        const db = dbs[dbIndex];
        // A ghost (deleted since it was pooled) is skipped.
        if (all ? db.dict.has(key) : db.expires.has(key)) {
          this.bestKey = key;
          return dbIndex;
        }
      }
    }
  }

  /** evictionPoolPopulate: scores a sample of the database and inserts the better ones into the pool. */
  private populate(dbIndex: number, db: Db, all: boolean): void {
    const out = this.sampled;
    const count = all ? db.sampleKeys(out, this.samples, false) : db.sampleVolatileKeys(out, this.samples, false);
    const cfg = this.host.clockConfig;
    const now = this.now;
    const keys = this.poolKey;
    const idles = this.poolIdle;
    const dbids = this.poolDb;
    for (let j = 0; j < count; j++) {
      const key = out[j];
      let idle: number;
      if (this.policy & LRU) idle = db.clock.idleMs(key, now);
      else if (this.policy & LFU) idle = 255 - db.clock.frequency(key, now, cfg);
      else idle = Number.MAX_SAFE_INTEGER - db.getExpire(key);
      // The first slot that is empty or holds a worse candidate (a smaller idle).
      let k = 0;
      while (k < POOL_SIZE && keys[k] !== null && idles[k] < idle) k++;
      if (k === 0 && keys[POOL_SIZE - 1] !== null) continue;
      if (k < POOL_SIZE && keys[k] === null) {
        // An empty slot: nothing to move.
      } else if (keys[POOL_SIZE - 1] === null) {
        // Room on the right: shift the better half right by one.
        for (let m = POOL_SIZE - 1; m > k; m--) {
          keys[m] = keys[m - 1];
          idles[m] = idles[m - 1];
          dbids[m] = dbids[m - 1];
        }
      } else {
        // Full: drop the worst (leftmost) entry and insert just before position k.
        k--;
        for (let m = 0; m < k; m++) {
          keys[m] = keys[m + 1];
          idles[m] = idles[m + 1];
          dbids[m] = dbids[m + 1];
        }
      }
      keys[k] = key;
      idles[k] = idle;
      dbids[k] = dbIndex;
    }
  }

  /** startEvictionTimeProc: keeps evicting between event-loop turns until done or stuck. */
  private startProc(): void {
    if (this.procRunning) return;
    this.procRunning = true;
    const tick = () => {
      this.proc = null;
      // A round that ends under the limit (or with nothing left to evict) ends the loop.
      if (this.perform(Date.now()) === EVICT_RUNNING) this.schedule(tick);
      else this.procRunning = false;
    };
    this.schedule(tick);
  }

  private schedule(tick: () => void): void {
    this.proc = setImmediate(tick);
    this.proc.unref();
  }
}
