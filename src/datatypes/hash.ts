// The hash value: field -> value, binary safe (latin1 strings), with O(1) get/set/delete, O(1) uniform
// random sampling for HRANDFIELD and a Map whose iterator serves HSCAN's cursors.
// Counterpart: the OBJ_HASH type of Redis's t_hash.c (listpack / dict encodings).
//
// Three layouts, all chosen for memory:
// - Small: up to SMALL pairs live in one exact-size array [field0, value0, field1, ...] in insertion
//   order, searched linearly (a bounded cost, like Redis's listpack). A Map and its table cost several
//   hundred bytes, which would make the common many-small-hashes dataset several times Redis's size.
// - Plain: a Map from field to value, nothing else. Measured at a million 12-byte fields with 10-byte
//   values: about 93 B per field (Redis 7.0: 72). A Map has no O(1) way to pick a random entry, so
//   the first random pick (HRANDFIELD) moves the hash to the sampled layout, once.
// - Sampled: the same Map now maps a field to the position of its pair in a dense sequence of pairs
//   (small integers, no object per field; the field string is shared by both). A delete moves the
//   last pair into the hole (swap-remove), so the sequence stays dense for random picks. It is stored
//   in pages of PAGE slots: one big JS array grows by half its size at a time and its unused tail
//   costs up to a third of it, while a page list wastes at most part of one page. The first page
//   grows like any array; later pages are allocated whole. About 110 B per field. The move keeps
//   the Map itself (its values are replaced in place), so HSCAN cursors iterating it carry on.
// All keep insertion order with deletes closing the gap (the Map's iteration order), which is exactly
// the order of a listpack, so HGETALL and friends on a small hash answer in the same order as Redis.
//
// The encoding is a label: Redis's listpack/hashtable switch (hash-max-listpack-entries and
// hash-max-listpack-value) is tracked so OBJECT ENCODING and HSCAN's one-shot reply for small hashes
// behave as in Redis; once "hashtable" a hash never goes back, and it always has its Map (HSCAN's cursors
// iterate it). This class satisfies keyspace's TypedValue structurally (datatypes sits below
// keyspace and imports nothing from it).

import { notifyElement, watched } from './watch.js';

/** A one-byte string's heap bytes: 16 of header, its bytes rounded up to 8 (src/keyspace/memory.ts). */
function stringBytes(s: string): number {
  return 16 + ((s.length + 7) & ~7);
}

const SMALL = 16;
const SHIFT = 12;
const PAGE = 1 << SHIFT;
const MASK = PAGE - 1;
/** The page list of every hash without the sampled layout (never written: a hash gets its own list). */
const NO_PAGES: string[][] = [];

export class HashValue {
  /** The small layout; null once the hash has its Map. */
  private flat: string[] | null = [];
  /** field -> value (plain layout) or field -> pair position (sampled layout). */
  private map: Map<string, string | number> | null = null;
  /** The sampled layout's pairs; NO_PAGES while plain or small. */
  private pages: string[][] = NO_PAGES;
  private sampled = false;
  private listpack = true;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;
  /** The accounting's last sampling of this value (src/keyspace/memory.ts). */
  priceMemo: [number, number, number] | null = null;
  /**
   * While the small layout holds the pairs: the heap bytes of their strings, kept as they change, so
   * the accounting prices a small hash after every write without walking it.
   */
  flatBytes = 0;

  /** On the prototype, not in every instance: small hashes are many. */
  get type(): 'hash' {
    return 'hash';
  }

  encoding(): string {
    return this.listpack ? 'listpack' : 'hashtable';
  }

  get isListpack(): boolean {
    return this.listpack;
  }

  /** True while the pairs are in the small layout (flatBytes is kept). */
  get isFlat(): boolean {
    return this.flat !== null;
  }

  /** True when the hash keeps its pairs in the sampled layout (random positions are O(1)). */
  get isSampled(): boolean {
    return this.sampled;
  }

  /** Switches to the hashtable encoding for good (hashTypeConvert). */
  convert(): void {
    this.listpack = false;
    this.mapped();
  }

  get size(): number {
    return this.flat !== null ? this.flat.length >> 1 : this.map!.size;
  }

  /** Position of a field's pair in the small layout, or -1. */
  private find(flat: string[], field: string): number {
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === field) return i;
    return -1;
  }

  /** Moves a small hash to the plain layout. */
  private mapped(): Map<string, string | number> {
    if (this.map !== null) return this.map;
    const flat = this.flat!;
    const map = new Map<string, string | number>();
    for (let i = 0; i < flat.length; i += 2) map.set(flat[i], flat[i + 1]);
    this.map = map;
    this.flat = null;
    return map;
  }

  /** Moves a plain hash to the sampled layout (the first random pick): O(n), once. */
  private toSampled(): void {
    const map = this.map!;
    const pages: string[][] = [[]];
    let pos = 0;
    // Replacing the value of a present key keeps the Map's order and table: open cursors carry on.
    for (const [field, value] of map) {
      if (pos < PAGE) {
        pages[0].push(field, value as string);
      } else {
        const p = pos >>> SHIFT;
        if (p === pages.length) pages.push(new Array<string>(PAGE));
        pages[p][pos & MASK] = field;
        pages[p][(pos & MASK) + 1] = value as string;
      }
      map.set(field, pos);
      pos += 2;
    }
    this.pages = pages;
    this.sampled = true;
  }

  get(field: string): string | undefined {
    const flat = this.flat;
    if (flat !== null) {
      const i = this.find(flat, field);
      return i < 0 ? undefined : flat[i + 1];
    }
    const x = this.map!.get(field);
    if (!this.sampled || x === undefined) return x as string | undefined;
    const i = x as number;
    return this.pages[i >>> SHIFT][(i & MASK) + 1];
  }

  has(field: string): boolean {
    const flat = this.flat;
    return flat !== null ? this.find(flat, field) >= 0 : this.map!.has(field);
  }

  /** Sets a field; true when it was new. */
  set(field: string, value: string): boolean {
    if (watched.size !== 0) notifyElement(this, field);
    const flat = this.flat;
    if (flat !== null) {
      const i = this.find(flat, field);
      if (i >= 0) {
        this.flatBytes += stringBytes(value) - stringBytes(flat[i + 1]);
        flat[i + 1] = value;
        return false;
      }
      const n = flat.length;
      if (n < 2 * SMALL) {
        // Copied into an exact-size array: growing by push would reserve 16 spare slots per hash.
        const next = new Array<string>(n + 2);
        for (let j = 0; j < n; j++) next[j] = flat[j];
        next[n] = field;
        next[n + 1] = value;
        this.flat = next;
        this.flatBytes += stringBytes(field) + stringBytes(value);
        return true;
      }
    }
    const map = this.mapped();
    if (!this.sampled) {
      const size = map.size;
      map.set(field, value);
      return map.size !== size;
    }
    const i = map.get(field) as number | undefined;
    if (i !== undefined) {
      this.pages[i >>> SHIFT][(i & MASK) + 1] = value;
      return false;
    }
    const pos = 2 * map.size;
    map.set(field, pos);
    if (pos < PAGE) {
      this.pages[0].push(field, value);
    } else {
      const p = pos >>> SHIFT;
      if (p === this.pages.length) this.pages.push(new Array<string>(PAGE));
      const page = this.pages[p];
      const o = pos & MASK;
      page[o] = field;
      page[o + 1] = value;
    }
    return true;
  }

  /** Removes a field; true when it existed. */
  delete(field: string): boolean {
    if (watched.size !== 0) notifyElement(this, field);
    const flat = this.flat;
    if (flat !== null) {
      const i = this.find(flat, field);
      if (i < 0) return false;
      this.flatBytes -= stringBytes(flat[i]) + stringBytes(flat[i + 1]);
      flat.splice(i, 2);
      return true;
    }
    const map = this.map!;
    if (!this.sampled) return map.delete(field);
    const i = map.get(field) as number | undefined;
    if (i === undefined) return false;
    const last = 2 * (map.size - 1);
    map.delete(field);
    const pages = this.pages;
    const tail = pages[last >>> SHIFT];
    const t = last & MASK;
    const moved = tail[t];
    const value = tail[t + 1];
    if (last < PAGE) {
      tail.length = last;
    } else if (t === 0) {
      pages.pop();
    } else {
      // Cleared so the page does not keep the removed strings alive.
      tail[t] = tail[t + 1] = undefined as unknown as string;
    }
    if (i !== last) {
      const page = pages[i >>> SHIFT];
      const o = i & MASK;
      page[o] = moved;
      page[o + 1] = value;
      map.set(moved, i);
    }
    return true;
  }

  /**
   * The n-th pair (0 <= n < size) in no particular order, for random picks: a plain hash moves to the
   * sampled layout first. Call randomPosition (or this) before reading positions.
   */
  fieldAt(n: number): string {
    const i = 2 * n;
    if (this.flat !== null) return this.flat[i];
    if (!this.sampled) this.toSampled();
    return this.pages[i >>> SHIFT][i & MASK];
  }

  valueAt(n: number): string {
    const i = 2 * n + 1;
    if (this.flat !== null) return this.flat[i];
    if (!this.sampled) this.toSampled();
    return this.pages[i >>> SHIFT][i & MASK];
  }

  /** A uniformly chosen pair number for fieldAt/valueAt. */
  randomPosition(): number {
    if (this.flat === null && !this.sampled) this.toSampled();
    return Math.floor(Math.random() * this.size);
  }

  /**
   * The summed `size` of up to `k` pairs' fields and values, for memory estimates, never moving the hash
   * to another layout: spread over the hash when asked and positions are O(1) (small and sampled
   * layouts), else the first ones. Allocates nothing on the small and sampled layouts (it runs after
   * every write to a small hash).
   */
  sampleBytes(k: number, spread: boolean, size: (s: string) => number): number {
    const n = this.size;
    let sum = 0;
    const flat = this.flat;
    if (flat !== null) {
      if (k >= n) {
        for (let i = 0; i < flat.length; i++) sum += size(flat[i]);
        return sum;
      }
      const step = spread ? n / k : 1;
      for (let j = 0; j < k; j++) {
        const i = 2 * Math.floor(j * step);
        sum += size(flat[i]) + size(flat[i + 1]);
      }
      return sum;
    }
    if (this.sampled) {
      const pages = this.pages;
      const all = k >= n;
      const step = all ? 1 : spread ? n / k : 1;
      const m = all ? n : k;
      for (let j = 0; j < m; j++) {
        const i = 2 * Math.floor(j * step);
        sum += size(pages[i >>> SHIFT][i & MASK]) + size(pages[(i + 1) >>> SHIFT][(i + 1) & MASK]);
      }
      return sum;
    }
    let j = 0;
    for (const [f, v] of this.map! as Map<string, string>) {
      if (j++ === k) break;
      sum += size(f) + size(v);
    }
    return sum;
  }

  /** Fields and values in iteration (insertion) order. */
  *entries(): IterableIterator<[string, string]> {
    const flat = this.flat;
    if (flat !== null) {
      for (let i = 0; i < flat.length; i += 2) yield [flat[i], flat[i + 1]];
      return;
    }
    if (!this.sampled) {
      yield* this.map! as Map<string, string>;
      return;
    }
    for (const [f, i] of this.map! as Map<string, number>) yield [f, this.pages[i >>> SHIFT][(i & MASK) + 1]];
  }

  /** Calls visit for every pair in iteration order (no iterator allocation per pair). */
  forEach(visit: (field: string, value: string) => void): void {
    const flat = this.flat;
    if (flat !== null) {
      for (let i = 0; i < flat.length; i += 2) visit(flat[i], flat[i + 1]);
      return;
    }
    if (!this.sampled) {
      (this.map! as Map<string, string>).forEach((v, f) => visit(f, v));
      return;
    }
    const pages = this.pages;
    (this.map! as Map<string, number>).forEach((i, f) => visit(f, pages[i >>> SHIFT][(i & MASK) + 1]));
  }

  /**
   * The Map that SCAN cursors iterate (a small hash gets its Map first): read an entry's value with
   * scanValue at visit time.
   */
  get scanSource(): Map<string, string | number> {
    return this.mapped();
  }

  /** The value of a scanSource entry (its Map value: the value itself, or its pair's position). */
  scanValue(x: string | number): string {
    if (typeof x === 'string') return x;
    return this.pages[x >>> SHIFT][(x & MASK) + 1];
  }

  /** An independent copy with the same encoding and layout (COPY). */
  clone(): HashValue {
    const c = new HashValue();
    c.listpack = this.listpack;
    if (this.flat !== null) {
      c.flat = this.flat.slice();
      c.flatBytes = this.flatBytes;
    } else {
      c.flat = null;
      c.map = new Map(this.map!);
      c.sampled = this.sampled;
      if (this.sampled) c.pages = this.pages.map((p) => p.slice());
    }
    return c;
  }
}
