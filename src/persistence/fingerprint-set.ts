// A set of keys held as 64-bit fingerprints in one typed array (open addressing, linear probing): what a
// background save remembers about the keys it has written. A JS Set of a million keys is ~30 MB of
// tables on the JS heap that every minor collection during the save has to copy or scan (several ms per
// pause) and grows by rehashing; this table lives outside the heap, costs 8 bytes per slot, and its
// growth rehashes fingerprints only.
//
// Two different keys share a fingerprint with probability about 2^-64 per pair: with a million keys in
// the set, a lookup of an absent key answers "present" about once in 10^13 lookups.

const EMPTY = 0;

/** Two independent 32-bit hashes over every byte of the key, each finished with a full avalanche. */
function fingerprint(key: string, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const n = key.length;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out[0] = mix(a ^ n);
  out[1] = mix(b + Math.imul(n, 0x27d4eb2f));
}

/** murmur3's fmix32. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class FingerprintSet {
  /** Pairs [hi, lo]; [0, 0] marks an empty slot (a key fingerprinting to it is stored as [0, 1]). */
  private slots: Uint32Array;
  private mask: number;
  private count = 0;
  private readonly fp = new Uint32Array(2);

  /** Sized for `expected` keys without growing. */
  constructor(expected = 0) {
    let cap = 16;
    while (cap * 0.7 < expected) cap *= 2;
    this.slots = new Uint32Array(2 * cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  has(key: string): boolean {
    const fp = this.fp;
    fingerprint(key, fp);
    if (fp[0] === EMPTY && fp[1] === EMPTY) fp[1] = 1;
    return this.find(fp[0], fp[1]) < 0;
  }

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    const fp = this.fp;
    fingerprint(key, fp);
    if (fp[0] === EMPTY && fp[1] === EMPTY) fp[1] = 1;
    const hi = fp[0];
    const lo = fp[1];
    const at = this.find(hi, lo);
    if (at < 0) return false;
    this.slots[at] = hi;
    this.slots[at + 1] = lo;
    if (++this.count > (this.mask + 1) * 0.7) this.grow();
    return true;
  }

  /** The slot index (x2) where the fingerprint is missing from, or -1 when present. */
  private find(hi: number, lo: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const h = slots[2 * i];
      const l = slots[2 * i + 1];
      if (h === EMPTY && l === EMPTY) return 2 * i;
      if (h === hi && l === lo) return -1;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = 2 * (this.mask + 1);
    const slots = new Uint32Array(2 * cap);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const hi = old[j];
      const lo = old[j + 1];
      if (hi === EMPTY && lo === EMPTY) continue;
      let i = lo & mask;
      while (slots[2 * i] !== EMPTY || slots[2 * i + 1] !== EMPTY) i = (i + 1) & mask;
      slots[2 * i] = hi;
      slots[2 * i + 1] = lo;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
