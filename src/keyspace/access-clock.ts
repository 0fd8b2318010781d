// Per-database key access clock behind OBJECT IDLETIME and OBJECT FREQ (and, later, LRU/LFU eviction).
// Counterpart: the 24-bit `lru` field of every robj (object.c, evict.c: LRU_CLOCK, updateLFU,
// LFULogIncr, LFUDecrAndReturn).
//
// Keys are stored as plain JS strings with no per-key header to hang a clock on, and a side Map keyed
// by name would cost ~50 bytes plus a copy of the key for every key. Instead the clock is a hashed
// table of 32-bit slots, sized to the next power of two at or above the key count (4-8 bytes per key):
// a key's slot holds the most recent access of any key hashing there. So a reported idle time is never
// longer than the truth, and is shorter only when the key shares its slot with a more recently used
// key; with the table at most full, most keys have a slot of their own. The same slot holds either
// seconds (LRU policies and no eviction) or Redis's LFU layout (16-bit minutes, 8-bit log counter);
// as in Redis, switching policy at run time reinterprets old data until keys are accessed again.
//
// Slot value 0 means "never stamped": such keys count as accessed when the table was created.

const MIN_SLOTS = 1024;
const LFU_INIT_VAL = 5;

export interface ClockConfig {
  /** maxmemory-policy is one of the LFU policies. */
  lfu: boolean;
  /** lfu-log-factor */
  logFactor: number;
  /** lfu-decay-time, in minutes */
  decayTime: number;
}

/** FNV-1a over the key's bytes; keys over 64 bytes hash their first and last 32 and their length. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  const n = key.length;
  if (n <= 64) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 32; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    for (let i = n - 32; i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ (n & 0xffff), 0x01000193);
  }
  return h >>> 0;
}

function lfuMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60000) & 0xffff;
}

export class AccessClock {
  private slots = new Uint32Array(MIN_SLOTS);
  private mask = MIN_SLOTS - 1;
  /** Seconds (unix) that slot value 1 stands for. */
  private base: number;

  constructor(nowMs: number) {
    this.base = Math.floor(nowMs / 1000) - 1;
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

  /** A key was read or written (Redis's lookupKey side effect): LRU stamp or LFU increment. */
  touch(key: string, nowMs: number, cfg: ClockConfig): void {
    const i = hashKey(key) & this.mask;
    if (cfg.lfu) {
      const counter = this.lfuIncrement(this.decayed(this.slots[i], nowMs, cfg), cfg.logFactor);
      this.slots[i] = ((lfuMinutes(nowMs) << 8) | counter) >>> 0;
    } else {
      this.slots[i] = Math.floor(nowMs / 1000) - this.base;
    }
  }

  /** A new value was stored under the key (createObject): fresh LRU stamp or LFU_INIT_VAL. */
  created(key: string, nowMs: number, cfg: ClockConfig): void {
    const i = hashKey(key) & this.mask;
    this.slots[i] = cfg.lfu ? ((lfuMinutes(nowMs) << 8) | LFU_INIT_VAL) >>> 0 : Math.floor(nowMs / 1000) - this.base;
  }

  /** The value moved to another key (RENAME/MOVE keep the object and so its access data). */
  carry(from: AccessClock, fromKey: string, toKey: string): void {
    this.slots[hashKey(toKey) & this.mask] = from.slots[hashKey(fromKey) & from.mask];
  }

  /** OBJECT IDLETIME: whole seconds since the key's last access. */
  idleSeconds(key: string, nowMs: number): number {
    const v = this.slots[hashKey(key) & this.mask];
    const last = this.base + (v === 0 ? 1 : v);
    const idle = Math.floor(nowMs / 1000) - last;
    return idle > 0 ? idle : 0;
  }

  /** OBJECT FREQ: the LFU counter after decay (LFUDecrAndReturn). */
  frequency(key: string, nowMs: number, cfg: ClockConfig): number {
    return this.decayed(this.slots[hashKey(key) & this.mask], nowMs, cfg);
  }

  /**
   * objectSetLRUOrLFU (RESTORE IDLETIME/FREQ, RDB IDLE/FREQ opcodes): under LFU sets the counter when
   * freq >= 0; otherwise sets the access time idleSeconds ago when idleSeconds >= 0.
   */
  stamp(key: string, nowMs: number, cfg: ClockConfig, idleSeconds: number, freq: number): void {
    const i = hashKey(key) & this.mask;
    if (cfg.lfu) {
      if (freq >= 0) this.slots[i] = ((lfuMinutes(nowMs) << 8) | (freq & 255)) >>> 0;
      return;
    }
    if (idleSeconds < 0) return;
    const v = Math.floor(nowMs / 1000) - idleSeconds - this.base;
    if (v < 1) {
      // Older than the table's base: move the base back and shift the stamps already recorded.
      const shift = 1 - v;
      const slots = this.slots;
      for (let k = 0; k < slots.length; k++) if (slots[k] !== 0) slots[k] += shift;
      this.base -= shift;
      this.slots[i] = 1;
      return;
    }
    this.slots[i] = v;
  }

  /** Forgets everything (FLUSHDB / FLUSHALL). */
  reset(nowMs: number): void {
    this.slots = new Uint32Array(MIN_SLOTS);
    this.mask = MIN_SLOTS - 1;
    this.base = Math.floor(nowMs / 1000) - 1;
  }

  private decayed(v: number, nowMs: number, cfg: ClockConfig): number {
    const ldt = v >>> 8;
    const counter = v & 255;
    if (cfg.decayTime === 0) return counter;
    const now = lfuMinutes(nowMs);
    const elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
    const periods = Math.floor(elapsed / cfg.decayTime);
    return periods > counter ? 0 : counter - periods;
  }

  /** Logarithmic increment: the higher the counter, the less likely an access raises it. */
  private lfuIncrement(counter: number, logFactor: number): number {
    if (counter === 255) return 255;
    const baseval = counter - LFU_INIT_VAL < 0 ? 0 : counter - LFU_INIT_VAL;
    const p = 1 / (baseval * logFactor + 1);
    return Math.random() < p ? counter + 1 : counter;
  }
}
