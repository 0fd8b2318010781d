// The hash value: field -> value, binary safe (latin1 strings), with O(1) get/set/delete, O(1) uniform
// random sampling for HRANDFIELD and a Map whose iterator serves HSCAN's cursors.
// Counterpart: the OBJ_HASH type of Redis's t_hash.c (listpack / dict encodings).
//
// Two layouts, both chosen for memory:
// - Small: up to SMALL pairs live in one exact-size array [field0, value0, field1, ...] in insertion
//   order, searched linearly (a bounded cost, like Redis's listpack). A Map and its table cost several
//   hundred bytes, which would make the common many-small-hashes dataset several times Redis's size.
// - Indexed: `index` maps a field to the position of its pair in a dense sequence of pairs. The Map's
//   values are small integers (no object per field) and the field string is shared by both. A delete
//   moves the last pair into the hole (swap-remove), so the sequence stays dense for random picks. It
//   is stored in pages of PAGE slots: one big JS array grows by half its size at a time and its unused
//   tail costs up to a third of it, while a page list wastes at most part of one page. The first page
//   grows like any array; later pages are allocated whole. Measured at a million 12-byte fields with
//   10-byte values: about 110 B per field (Redis 7.0: 72).
// Both keep insertion order with deletes closing the gap (the Map's iteration order), which is exactly
// the order of a listpack, so HGETALL and friends on a small hash answer in the same order as Redis.
//
// The encoding is a label: Redis's listpack/hashtable switch (hash-max-listpack-entries and
// hash-max-listpack-value) is tracked so OBJECT ENCODING and HSCAN's one-shot reply for small hashes
// behave as in Redis; once "hashtable" a hash never goes back, and it is always indexed (HSCAN's cursors
// iterate the Map). This class satisfies keyspace's TypedValue structurally (datatypes sits below
// keyspace and imports nothing from it).

const SMALL = 16;
const SHIFT = 12;
const PAGE = 1 << SHIFT;
const MASK = PAGE - 1;
/** The page list of every small hash (never written: a hash gets its own list when indexed). */
const NO_PAGES: string[][] = [];

export class HashValue {
  /** The small layout; null once indexed. */
  private flat: string[] | null = [];
  private index: Map<string, number> | null = null;
  private pages: string[][] = NO_PAGES;
  private listpack = true;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;

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

  /** Switches to the hashtable encoding for good (hashTypeConvert). */
  convert(): void {
    this.listpack = false;
    this.indexed();
  }

  get size(): number {
    return this.flat !== null ? this.flat.length >> 1 : this.index!.size;
  }

  /** Position of a field's pair in the small layout, or -1. */
  private find(flat: string[], field: string): number {
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === field) return i;
    return -1;
  }

  /** Moves a small hash to the indexed layout: its array becomes the first page as it is. */
  private indexed(): Map<string, number> {
    if (this.index !== null) return this.index;
    const flat = this.flat!;
    const index = new Map<string, number>();
    for (let i = 0; i < flat.length; i += 2) index.set(flat[i], i);
    this.index = index;
    this.pages = [flat];
    this.flat = null;
    return index;
  }

  get(field: string): string | undefined {
    const flat = this.flat;
    if (flat !== null) {
      const i = this.find(flat, field);
      return i < 0 ? undefined : flat[i + 1];
    }
    const i = this.index!.get(field);
    return i === undefined ? undefined : this.pages[i >>> SHIFT][(i & MASK) + 1];
  }

  has(field: string): boolean {
    const flat = this.flat;
    return flat !== null ? this.find(flat, field) >= 0 : this.index!.has(field);
  }

  /** Sets a field; true when it was new. */
  set(field: string, value: string): boolean {
    const flat = this.flat;
    if (flat !== null) {
      const i = this.find(flat, field);
      if (i >= 0) {
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
        return true;
      }
    }
    const index = this.indexed();
    const i = index.get(field);
    if (i !== undefined) {
      this.pages[i >>> SHIFT][(i & MASK) + 1] = value;
      return false;
    }
    const pos = 2 * index.size;
    index.set(field, pos);
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
    const flat = this.flat;
    if (flat !== null) {
      const i = this.find(flat, field);
      if (i < 0) return false;
      flat.splice(i, 2);
      return true;
    }
    const index = this.index!;
    const i = index.get(field);
    if (i === undefined) return false;
    const last = 2 * (index.size - 1);
    index.delete(field);
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
      index.set(moved, i);
    }
    return true;
  }

  /** The n-th pair (0 <= n < size) in no particular order: for random picks. */
  fieldAt(n: number): string {
    const i = 2 * n;
    return this.flat !== null ? this.flat[i] : this.pages[i >>> SHIFT][i & MASK];
  }

  valueAt(n: number): string {
    const i = 2 * n + 1;
    return this.flat !== null ? this.flat[i] : this.pages[i >>> SHIFT][i & MASK];
  }

  /** A uniformly chosen pair number for fieldAt/valueAt. */
  randomPosition(): number {
    return Math.floor(Math.random() * this.size);
  }

  /** Fields and values in iteration (insertion) order. */
  *entries(): IterableIterator<[string, string]> {
    const flat = this.flat;
    if (flat !== null) {
      for (let i = 0; i < flat.length; i += 2) yield [flat[i], flat[i + 1]];
      return;
    }
    for (const [f, i] of this.index!) yield [f, this.pages[i >>> SHIFT][(i & MASK) + 1]];
  }

  /** Calls visit for every pair in iteration order (no iterator allocation per pair). */
  forEach(visit: (field: string, value: string) => void): void {
    const flat = this.flat;
    if (flat !== null) {
      for (let i = 0; i < flat.length; i += 2) visit(flat[i], flat[i + 1]);
      return;
    }
    const pages = this.pages;
    this.index!.forEach((i, f) => visit(f, pages[i >>> SHIFT][(i & MASK) + 1]));
  }

  /**
   * The Map that SCAN cursors iterate (a small hash is indexed first): its entries are
   * [field, position]; read the value with valueOfPosition at visit time.
   */
  get scanSource(): Map<string, number> {
    return this.indexed();
  }

  valueOfPosition(position: number): string {
    return this.pages[position >>> SHIFT][(position & MASK) + 1];
  }

  /** An independent copy with the same encoding and layout (COPY). */
  clone(): HashValue {
    const c = new HashValue();
    c.listpack = this.listpack;
    if (this.flat !== null) {
      c.flat = this.flat.slice();
    } else {
      c.flat = null;
      c.index = new Map(this.index!);
      c.pages = this.pages.map((p) => p.slice());
    }
    return c;
  }
}
