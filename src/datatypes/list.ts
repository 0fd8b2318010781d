// The list value: a ring buffer of latin1 strings (power-of-two capacity, a head index, grown by
// doubling and shrunk by halving), so pushes and pops at either end are amortised O(1) and any index is
// O(1). Redis counterpart: the listpack / quicklist pair behind t_list.c's listType* API.
//
// Redis 7.2 keeps small lists as one listpack and large ones as a quicklist. The storage here is the same
// for both; what is tracked is the size the list would have as a listpack, so OBJECT ENCODING can follow
// the same conversion rules (listTypeTryConversion in t_list.c, quicklistNodeLimit in quicklist.c).
import type { TypedValue } from '../keyspace/value.js';
import { parseI64, parseSafeInt } from '../util/number.js';

/** A listpack's fixed header (total bytes + element count) plus its end byte. */
const LP_EMPTY_BYTES = 7;
/** A node of a positive (count-limited) fill still never exceeds this many bytes. */
const SIZE_SAFETY_LIMIT = 8192;
/** Node byte limits for fill -1 .. -5. */
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
const MIN_CAPACITY = 8;

/** Bytes the integer encoding of a listpack entry takes (without its back-length). */
function intEncodingBytes(v: number | bigint): number {
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}

/** Bytes one element takes in a listpack: its encoding, then the back-length of that encoding. */
export function listpackEntryBytes(s: string): number {
  const n = s.length;
  let enc: number;
  const iv = n === 0 || n > 20 ? null : n <= 15 ? parseSafeInt(s) : parseI64(s);
  if (iv !== null) enc = intEncodingBytes(iv);
  else enc = n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
  const back = enc <= 127 ? 1 : enc < 16383 ? 2 : enc < 2097151 ? 3 : enc < 268435455 ? 4 : 5;
  return enc + back;
}

/** The byte and count limits of one quicklist node for a list-max-listpack-size value. */
function nodeLimit(fill: number): { bytes: number; count: number } {
  if (fill >= 0) return { bytes: SIZE_SAFETY_LIMIT, count: fill === 0 ? 1 : fill };
  const level = Math.min(-fill - 1, OPTIMIZATION_LEVEL.length - 1);
  return { bytes: OPTIMIZATION_LEVEL[level], count: Infinity };
}

export class ListValue implements TypedValue {
  readonly type = 'list' as const;
  private items: (string | undefined)[];
  private mask: number;
  private head = 0;
  private len = 0;
  /** What the elements would occupy as one listpack (lpBytes), kept for the encoding rules. */
  packedBytes = LP_EMPTY_BYTES;
  /** True once the list outgrew a single listpack. */
  quicklist = false;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;
  /** The accounting's last sampling of this value (src/keyspace/memory.ts). */
  priceMemo: [number, number, number] | null = null;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity) cap *= 2;
    this.items = new Array<string | undefined>(cap);
    this.mask = cap - 1;
  }

  static of(elements: readonly string[]): ListValue {
    const l = new ListValue(elements.length);
    for (let i = 0; i < elements.length; i++) l.pushTail(elements[i]);
    return l;
  }

  get length(): number {
    return this.len;
  }

  encoding(): string {
    return this.quicklist ? 'quicklist' : 'listpack';
  }

  clone(): ListValue {
    const c = new ListValue(this.len);
    for (let i = 0; i < this.len; i++) c.items[i] = this.items[(this.head + i) & this.mask];
    c.len = this.len;
    c.packedBytes = this.packedBytes;
    c.quicklist = this.quicklist;
    return c;
  }

  /** The element at index i (0 <= i < length). */
  at(i: number): string {
    return this.items[(this.head + i) & this.mask] as string;
  }

  /** at(i) under the name the memory sampling reads positions by (src/keyspace/memory.ts). */
  memberAt(i: number): string {
    return this.at(i);
  }

  /** Replaces the element at index i (0 <= i < length). */
  set(i: number, v: string): void {
    const slot = (this.head + i) & this.mask;
    this.packedBytes += listpackEntryBytes(v) - listpackEntryBytes(this.items[slot] as string);
    this.items[slot] = v;
  }

  pushHead(v: string): void {
    if (this.len === this.items.length) this.resize(this.items.length * 2);
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = v;
    this.len++;
    this.packedBytes += listpackEntryBytes(v);
  }

  pushTail(v: string): void {
    if (this.len === this.items.length) this.resize(this.items.length * 2);
    this.items[(this.head + this.len) & this.mask] = v;
    this.len++;
    this.packedBytes += listpackEntryBytes(v);
  }

  /** Removes and returns the first element, or undefined when empty. */
  popHead(): string | undefined {
    if (this.len === 0) return undefined;
    const v = this.items[this.head] as string;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.len--;
    this.packedBytes -= listpackEntryBytes(v);
    this.maybeShrink();
    return v;
  }

  /** Removes and returns the last element, or undefined when empty. */
  popTail(): string | undefined {
    if (this.len === 0) return undefined;
    const slot = (this.head + this.len - 1) & this.mask;
    const v = this.items[slot] as string;
    this.items[slot] = undefined;
    this.len--;
    this.packedBytes -= listpackEntryBytes(v);
    this.maybeShrink();
    return v;
  }

  /** Elements start..end inclusive (already clamped to the list), last to first when reverse. */
  range(start: number, end: number, reverse = false): string[] {
    const out = new Array<string>(end - start + 1);
    if (reverse) for (let i = end, o = 0; i >= start; i--) out[o++] = this.at(i);
    else for (let i = start, o = 0; i <= end; i++) out[o++] = this.at(i);
    return out;
  }

  /** Drops n elements from the head. */
  removeHead(n: number): void {
    for (let i = 0; i < n; i++) {
      const slot = (this.head + i) & this.mask;
      this.packedBytes -= listpackEntryBytes(this.items[slot] as string);
      this.items[slot] = undefined;
    }
    this.head = (this.head + n) & this.mask;
    this.len -= n;
    this.maybeShrink();
  }

  /** Drops n elements from the tail. */
  removeTail(n: number): void {
    for (let i = this.len - n; i < this.len; i++) {
      const slot = (this.head + i) & this.mask;
      this.packedBytes -= listpackEntryBytes(this.items[slot] as string);
      this.items[slot] = undefined;
    }
    this.len -= n;
    this.maybeShrink();
  }

  /** Inserts v so that it ends up at index i (0 <= i <= length), moving the shorter side. */
  insertAt(i: number, v: string): void {
    if (i === 0) return this.pushHead(v);
    if (i === this.len) return this.pushTail(v);
    if (this.len === this.items.length) this.resize(this.items.length * 2);
    if (i < this.len - i) {
      this.head = (this.head - 1) & this.mask;
      for (let j = 0; j < i; j++) this.items[(this.head + j) & this.mask] = this.items[(this.head + j + 1) & this.mask];
    } else {
      for (let j = this.len; j > i; j--) this.items[(this.head + j) & this.mask] = this.items[(this.head + j - 1) & this.mask];
    }
    this.items[(this.head + i) & this.mask] = v;
    this.len++;
    this.packedBytes += listpackEntryBytes(v);
  }

  /** Index of the first element equal to v, or -1. */
  indexOf(v: string): number {
    for (let i = 0; i < this.len; i++) if (this.items[(this.head + i) & this.mask] === v) return i;
    return -1;
  }

  /**
   * Removes elements equal to v, at most `limit` of them (0 = all), scanning from the head, or from the
   * tail when fromTail. One compaction pass: O(length). Returns how many were removed.
   */
  removeMatching(v: string, limit: number, fromTail: boolean): number {
    const n = this.len;
    const keep = new Array<boolean>(n);
    let removed = 0;
    for (let k = 0; k < n; k++) {
      const i = fromTail ? n - 1 - k : k;
      const hit = (limit === 0 || removed < limit) && this.at(i) === v;
      if (hit) removed++;
      keep[i] = !hit;
    }
    if (removed === 0) return 0;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (keep[i]) {
        this.items[(this.head + w) & this.mask] = this.at(i);
        w++;
      }
    }
    for (let i = w; i < n; i++) this.items[(this.head + i) & this.mask] = undefined;
    this.len = w;
    this.packedBytes -= removed * listpackEntryBytes(v);
    this.maybeShrink();
    return removed;
  }

  /**
   * listTypeTryConversionAppend: before adding `addCount` elements of `addBytes` raw bytes, a listpack that
   * would exceed one node's limit becomes a quicklist.
   */
  growEncoding(addBytes: number, addCount: number, fill: number): void {
    if (this.quicklist) return;
    const lim = nodeLimit(fill);
    if (this.packedBytes + addBytes > lim.bytes || this.len + addCount > lim.count) this.quicklist = true;
  }

  /**
   * listTypeTryConversion(LIST_CONV_SHRINKING): a quicklist that fits in half a node goes back to a
   * listpack. The half keeps a list near the limit from flipping on every push and pop.
   */
  shrinkEncoding(fill: number): void {
    if (!this.quicklist) return;
    const lim = nodeLimit(fill);
    // A count-limited fill halves only the count; the byte bound then stands in for "fits one node".
    const bytes = fill >= 0 ? lim.bytes : lim.bytes / 2;
    if (this.packedBytes <= bytes && this.len <= Math.floor(lim.count / 2)) this.quicklist = false;
  }

  private maybeShrink(): void {
    const cap = this.items.length;
    if (cap > MIN_CAPACITY && this.len < cap >>> 2) this.resize(cap >>> 1);
  }

  private resize(cap: number): void {
    const next = new Array<string | undefined>(cap);
    for (let i = 0; i < this.len; i++) next[i] = this.items[(this.head + i) & this.mask];
    this.items = next;
    this.mask = cap - 1;
    this.head = 0;
  }
}
