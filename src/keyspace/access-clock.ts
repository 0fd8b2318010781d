// Per-database key access clock behind OBJECT IDLETIME, OBJECT FREQ and LRU/LFU eviction.
// Counterpart: the 24-bit `lru` field of every robj (object.c, evict.c: LRU_CLOCK,
// estimateObjectIdleTime, updateLFU, LFULogIncr, LFUDecrAndReturn).
//
// Keys are stored as plain JS strings with no per-key header to hang a clock on, and a side Map keyed
// by name would cost ~40 bytes per key (a third of a small string key's whole footprint). Instead the
// clock is a hashed table of 32-bit slots, sized to the next power of two at or above the key count
// (4-8 bytes per key): a key's slot holds the most recent access of any key hashing there. So a
// reported idle time is never longer than the truth, and is shorter only when the key shares its slot
// with a more recently used key; with the table at most full, most keys have a slot of their own.
//
// A slot holds Redis's own 24-bit value: under the LRU policies (and no eviction) the LRU clock, unix
// seconds modulo 2^24 (LRU_CLOCK_RESOLUTION of 1000 ms, wrapping every 194 days as in Redis); under
// the LFU policies 16 bits of minutes and an 8-bit logarithmic counter. As in Redis, switching policy
// at run time reinterprets old data until keys are accessed again. Bit 24 marks a slot as stamped:
// an unstamped slot counts as accessed when the table was created (with LFU_INIT_VAL under LFU).

const MIN_SLOTS = 1024;
const LFU_INIT_VAL = 5;
const LRU_CLOCK_MAX = 0xffffff;
const STAMPED = 0x1000000;

export interface ClockConfig {
  /** maxmemory-policy is one of the LFU policies. */
  lfu: boolean;
  /** lfu-log-factor */
  logFactor: number;
  /** lfu-decay-time, in minutes */
  decayTime: number;
}

/** FNV-1a over the key's bytes; keys over 64 bytes hash their first and last 32 and their length. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  const n = key.length;
  if (n <= 64) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 32; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    for (let i = n - 32; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ (n & 0xffff), 0x01000193);
  }
  // 30 bits: a small integer to V8, so keeping the last hash in a field allocates nothing.
  return h & 0x3fffffff;
}

/** LRU_CLOCK(): unix seconds in 24 bits. */
export function lruClock(nowMs: number): number {
  return Math.floor(nowMs / 1000) & LRU_CLOCK_MAX;
}

/** LFUGetTimeInMinutes(): unix minutes in 16 bits. */
function lfuMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60000) & 0xffff;
}

/** LFUTimeElapsed: minutes since ldt, with wrap-around. */
function lfuElapsed(ldt: number, nowMs: number): number {
  const now = lfuMinutes(nowMs);
  return now >= ldt ? now - ldt : 65535 - ldt + now;
}

export class AccessClock {
  private slots = new Uint32Array(MIN_SLOTS);
  private mask = MIN_SLOTS - 1;
  /** When the table was created (ms): the access time of keys never stamped. */
  private origin: number;

  constructor(nowMs: number) {
    this.origin = nowMs;
  }

  /** Number of slots; the Db grows the table when it holds more keys than this. */
  get capacity(): number {
    return this.slots.length;
  }

  /** Bytes held by the table (for memory accounting). */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Grows the table to keep it at least as large as the key count; slots keep their history. */
  fit(keyCount: number): void {
    if (keyCount <= this.slots.length) return;
    let size = this.slots.length;
    while (size < keyCount) size *= 2;
    const old = this.slots;
    const next = new Uint32Array(size);
    for (let i = 0; i < size; i++) next[i] = old[i & this.mask];
    this.slots = next;
    this.mask = size - 1;
  }

  /** The 24-bit value of a slot, unstamped slots read as stamped when the table was created. */
  private value(i: number, lfu: boolean): number {
    const v = this.slots[i];
    if (v !== 0) return v & LRU_CLOCK_MAX;
    return lfu ? (lfuMinutes(this.origin) << 8) | LFU_INIT_VAL : lruClock(this.origin);
  }

  /** The key whose hash was computed last (a hot key is hashed once, not at every access). */
  private lastKey = '';
  private lastHash = hashKey('');

  private hashOf(key: string): number {
    if (key === this.lastKey) return this.lastHash;
    const h = hashKey(key);
    this.lastKey = key;
    this.lastHash = h;
    return h;
  }

  /** A key was read or written (Redis's lookupKey side effect): LRU stamp or LFU increment. */
  touch(key: string, nowMs: number, cfg: ClockConfig): void {
    const i = this.hashOf(key) & this.mask;
    if (cfg.lfu) {
      const counter = lfuLogIncr(decayedCounter(this.value(i, true), nowMs, cfg.decayTime), cfg.logFactor);
      this.slots[i] = STAMPED | (lfuMinutes(nowMs) << 8) | counter;
    } else {
      this.slots[i] = STAMPED | lruClock(nowMs);
    }
  }

  /** A new value was stored under the key (createObject): fresh LRU stamp or LFU_INIT_VAL. */
  created(key: string, nowMs: number, cfg: ClockConfig): void {
    const i = this.hashOf(key) & this.mask;
    this.slots[i] = STAMPED | (cfg.lfu ? (lfuMinutes(nowMs) << 8) | LFU_INIT_VAL : lruClock(nowMs));
  }

  /** The value moved to another key (RENAME/MOVE keep the object and so its access data). */
  carry(from: AccessClock, fromKey: string, toKey: string): void {
    const v = from.slots[hashKey(fromKey) & from.mask];
    this.slots[hashKey(toKey) & this.mask] = v !== 0 ? v : STAMPED | lruClock(from.origin);
  }

  /** estimateObjectIdleTime: milliseconds since the key's last access, at the clock's resolution. */
  idleMs(key: string, nowMs: number): number {
    const v = this.value(hashKey(key) & this.mask, false);
    const now = lruClock(nowMs);
    return (now >= v ? now - v : LRU_CLOCK_MAX - v + now) * 1000;
  }

  /** OBJECT IDLETIME: whole seconds since the key's last access. */
  idleSeconds(key: string, nowMs: number): number {
    return this.idleMs(key, nowMs) / 1000;
  }

  /** OBJECT FREQ: the LFU counter after decay (LFUDecrAndReturn). */
  frequency(key: string, nowMs: number, cfg: ClockConfig): number {
    return decayedCounter(this.value(hashKey(key) & this.mask, true), nowMs, cfg.decayTime);
  }

  /**
   * objectSetLRUOrLFU (RESTORE IDLETIME/FREQ, RDB IDLE/FREQ opcodes): under LFU sets the counter when
   * freq >= 0; otherwise sets the access time idleSeconds ago when idleSeconds >= 0.
   */
  stamp(key: string, nowMs: number, cfg: ClockConfig, idleSeconds: number, freq: number): void {
    const i = hashKey(key) & this.mask;
    if (cfg.lfu) {
      if (freq >= 0) this.slots[i] = STAMPED | (lfuMinutes(nowMs) << 8) | (freq & 255);
      return;
    }
    if (idleSeconds < 0) return;
    // Like Redis: an idle time beyond the clock's range wraps (lru_clock - idle, modulo 2^24).
    const now = lruClock(nowMs);
    const idle = idleSeconds % (LRU_CLOCK_MAX + 1);
    this.slots[i] = STAMPED | (idle <= now ? now - idle : LRU_CLOCK_MAX - (idle - now) + 1);
  }

  /** Forgets everything (FLUSHDB / FLUSHALL). */
  reset(nowMs: number): void {
    this.slots = new Uint32Array(MIN_SLOTS);
    this.mask = MIN_SLOTS - 1;
    this.origin = nowMs;
  }
}

/** LFUDecrAndReturn on a 24-bit LFU value: the counter less one per lfu-decay-time minutes. */
function decayedCounter(v: number, nowMs: number, decayTime: number): number {
  const counter = v & 255;
  if (decayTime === 0) return counter;
  const periods = Math.floor(lfuElapsed(v >>> 8, nowMs) / decayTime);
  return periods > counter ? 0 : counter - periods;
}

/** LFULogIncr: the higher the counter, the less likely an access raises it. */
function lfuLogIncr(counter: number, logFactor: number): number {
  if (counter === 255) return 255;
  const baseval = counter - LFU_INIT_VAL < 0 ? 0 : counter - LFU_INIT_VAL;
  const p = 1 / (baseval * logFactor + 1);
  return Math.random() < p ? counter + 1 : counter;
}
