// The list value. A short list is a ring buffer of latin1 strings (power-of-two capacity, a head index,
// grown by doubling and shrunk by halving); past PACK_ABOVE elements its elements are packed as bytes
// into nodes (src/datatypes/list-packed.ts), as Redis turns a listpack into a quicklist, so a long list
// is a few thousand buffers instead of one string per element for the garbage collector to copy and
// trace. Either way pushes and pops at both ends are amortised O(1). Redis counterpart: the listpack /
// quicklist pair behind t_list.c's listType* API.
//
// Redis 7.2 keeps small lists as one listpack and large ones as a quicklist. What is tracked here is the
// size the list would have as a listpack, so OBJECT ENCODING follows the same conversion rules
// (listTypeTryConversion in t_list.c, quicklistNodeLimit in quicklist.c) whatever the storage.
import type { TypedValue } from '../keyspace/value.js';
import { parseI64, parseSafeInt } from '../util/number.js';
import { PackedList } from './list-packed.js';
import { ViewReply, type Reply, type ReplyWriter } from '../protocol/reply.js';

/** A listpack's fixed header (total bytes + element count) plus its end byte. */
const LP_EMPTY_BYTES = 7;
/** A node of a positive (count-limited) fill still never exceeds this many bytes. */
const SIZE_SAFETY_LIMIT = 8192;
/** Node byte limits for fill -1 .. -5. */
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
const MIN_CAPACITY = 8;
/** A list longer than this is packed into nodes. */
export const PACK_ABOVE = 64;
/** A packed list this short goes back to the ring (the gap keeps a list near one bound from flipping). */
const UNPACK_AT = 16;
const NO_ITEMS: (string | undefined)[] = [];

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
  // The ring (while packed === null).
  private items: (string | undefined)[];
  private mask: number;
  private head = 0;
  private len = 0;
  /** The nodes of a long list (then the ring is empty). */
  private packed: PackedList | null = null;
  /** What the elements would occupy as one listpack (lpBytes), kept for the encoding rules. */
  packedBytes = LP_EMPTY_BYTES;
  /** True once the list outgrew a single listpack. */
  quicklist = false;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;
  /** The accounting's last sampling of this value (src/keyspace/memory.ts). */
  priceMemo: [number, number, number] | null = null;

  constructor(capacity = MIN_CAPACITY) {
    if (capacity > PACK_ABOVE) {
      this.items = NO_ITEMS;
      this.mask = 0;
      this.packed = new PackedList();
      return;
    }
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

  /** True while the elements are packed into nodes (a long list). */
  get isPacked(): boolean {
    return this.packed !== null;
  }

  /** Bytes of a packed list's nodes (0 for a short list): the accounting prices them exactly. */
  get nodeBytes(): number {
    return this.packed === null ? 0 : this.packed.heapBytes;
  }

  encoding(): string {
    return this.quicklist ? 'quicklist' : 'listpack';
  }

  clone(): ListValue {
    return this.copy(false);
  }

  /**
   * A copy that shares a packed list's node buffers until either side writes to a node (see
   * PackedList.cloneShared): O(nodes) rather than O(bytes). For a background save's copy.
   */
  cloneShared(): ListValue {
    return this.copy(true);
  }

  private copy(shared: boolean): ListValue {
    const c = new ListValue(this.packed === null ? this.len : MIN_CAPACITY);
    if (this.packed !== null) {
      c.items = NO_ITEMS;
      c.mask = 0;
      c.packed = shared ? this.packed.cloneShared() : this.packed.clone();
    } else {
      for (let i = 0; i < this.len; i++) c.items[i] = this.items[(this.head + i) & this.mask];
    }
    c.len = this.len;
    c.packedBytes = this.packedBytes;
    c.quicklist = this.quicklist;
    return c;
  }

  /** The element at index i (0 <= i < length). Reads by increasing index cost O(1) each. */
  at(i: number): string {
    if (this.packed !== null) return this.packed.at(i);
    return this.items[(this.head + i) & this.mask] as string;
  }

  /** at(i) under the name the memory sampling reads positions by (src/keyspace/memory.ts; a short list only: a packed one is priced by its nodes). */
  memberAt(i: number): string {
    return this.at(i);
  }

  /** Replaces the element at index i (0 <= i < length). */
  set(i: number, v: string): void {
    if (this.packed !== null) {
      this.packedBytes += listpackEntryBytes(v) - listpackEntryBytes(this.packed.at(i));
      this.packed.set(i, v);
      return;
    }
    const slot = (this.head + i) & this.mask;
    this.packedBytes += listpackEntryBytes(v) - listpackEntryBytes(this.items[slot] as string);
    this.items[slot] = v;
  }

  pushHead(v: string): void {
    this.packedBytes += listpackEntryBytes(v);
    if (this.packed === null) {
      if (this.len < PACK_ABOVE) {
        if (this.len === this.items.length) this.resize(this.items.length * 2);
        this.head = (this.head - 1) & this.mask;
        this.items[this.head] = v;
        this.len++;
        return;
      }
      this.pack();
    }
    (this.packed as PackedList).pushHead(v);
    this.len++;
  }

  pushTail(v: string): void {
    this.packedBytes += listpackEntryBytes(v);
    if (this.packed === null) {
      if (this.len < PACK_ABOVE) {
        if (this.len === this.items.length) this.resize(this.items.length * 2);
        this.items[(this.head + this.len) & this.mask] = v;
        this.len++;
        return;
      }
      this.pack();
    }
    (this.packed as PackedList).pushTail(v);
    this.len++;
  }

  /** Removes and returns the first element, or undefined when empty. */
  popHead(): string | undefined {
    if (this.len === 0) return undefined;
    let v: string;
    if (this.packed !== null) {
      v = this.packed.popHead() as string;
      this.len--;
    } else {
      v = this.items[this.head] as string;
      this.items[this.head] = undefined;
      this.head = (this.head + 1) & this.mask;
      this.len--;
    }
    this.packedBytes -= listpackEntryBytes(v);
    this.maybeShrink();
    return v;
  }

  /** Removes and returns the last element, or undefined when empty. */
  popTail(): string | undefined {
    if (this.len === 0) return undefined;
    let v: string;
    if (this.packed !== null) {
      v = this.packed.popTail() as string;
      this.len--;
    } else {
      const slot = (this.head + this.len - 1) & this.mask;
      v = this.items[slot] as string;
      this.items[slot] = undefined;
      this.len--;
    }
    this.packedBytes -= listpackEntryBytes(v);
    this.maybeShrink();
    return v;
  }

  /** Elements start..end inclusive (already clamped to the list), last to first when reverse. */
  range(start: number, end: number, reverse = false): string[] {
    if (this.packed !== null) return this.packed.range(start, end, reverse);
    const out = new Array<string>(end - start + 1);
    if (reverse) for (let i = end, o = 0; i >= start; i--) out[o++] = this.at(i);
    else for (let i = start, o = 0; i <= end; i++) out[o++] = this.at(i);
    return out;
  }

  /**
   * Elements start..end (clamped) as a reply: for a packed list one that copies their bytes from the
   * nodes as it is written, when the caller encodes it at once (CommandContext.replyNow).
   */
  rangeReply(start: number, end: number, replyNow: boolean): Reply {
    if (replyNow && this.packed !== null) return new ListRangeReply(this, this.packed, start, end);
    return this.range(start, end);
  }

  /** Drops n elements from the head. */
  removeHead(n: number): void {
    if (this.packed !== null) {
      if (n === 0) return;
      this.packedBytes -= this.bytesOf(0, n);
      this.packed.removeHead(n);
      this.len -= n;
      this.maybeShrink();
      return;
    }
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
    if (this.packed !== null) {
      if (n === 0) return;
      this.packedBytes -= this.bytesOf(this.len - n, n);
      this.packed.removeTail(n);
      this.len -= n;
      this.maybeShrink();
      return;
    }
    for (let i = this.len - n; i < this.len; i++) {
      const slot = (this.head + i) & this.mask;
      this.packedBytes -= listpackEntryBytes(this.items[slot] as string);
      this.items[slot] = undefined;
    }
    this.len -= n;
    this.maybeShrink();
  }

  /** The listpack bytes of elements from..from+n-1. */
  private bytesOf(from: number, n: number): number {
    let b = 0;
    for (let i = 0; i < n; i++) b += listpackEntryBytes(this.at(from + i));
    return b;
  }

  /** Inserts v so that it ends up at index i (0 <= i <= length), moving the shorter side. */
  insertAt(i: number, v: string): void {
    if (i === 0) return this.pushHead(v);
    if (i === this.len) return this.pushTail(v);
    if (this.packed === null && this.len === PACK_ABOVE) this.pack();
    if (this.packed !== null) {
      this.packed.insertAt(i, v);
      this.len++;
      this.packedBytes += listpackEntryBytes(v);
      return;
    }
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
    if (this.packed !== null) return this.packed.indexOf(v);
    for (let i = 0; i < this.len; i++) if (this.items[(this.head + i) & this.mask] === v) return i;
    return -1;
  }

  /**
   * Removes elements equal to v, at most `limit` of them (0 = all), scanning from the head, or from the
   * tail when fromTail. One compaction pass: O(length). Returns how many were removed.
   */
  removeMatching(v: string, limit: number, fromTail: boolean): number {
    if (this.packed !== null) {
      const removed = this.packed.removeMatching(v, limit, fromTail);
      this.len -= removed;
      this.packedBytes -= removed * listpackEntryBytes(v);
      this.maybeShrink();
      return removed;
    }
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

  /** Checks a packed list's nodes (tests). */
  verify(): void {
    if (this.packed !== null && this.packed.length !== this.len) throw new Error(`length ${this.len}, nodes hold ${this.packed.length}`);
    this.packed?.verify();
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

  /** Moves the ring's elements into nodes (the list grew past PACK_ABOVE). */
  private pack(): void {
    const p = new PackedList();
    for (let i = 0; i < this.len; i++) p.pushTail(this.items[(this.head + i) & this.mask] as string);
    this.packed = p;
    this.items = NO_ITEMS;
    this.mask = 0;
    this.head = 0;
  }

  private maybeShrink(): void {
    if (this.packed !== null) {
      if (this.len > UNPACK_AT) return;
      // Back to the ring: the nodes' fixed costs outweigh a few strings.
      const p = this.packed;
      this.packed = null;
      let cap = MIN_CAPACITY;
      while (cap < this.len) cap *= 2;
      this.items = new Array<string | undefined>(cap);
      this.mask = cap - 1;
      this.head = 0;
      for (let i = 0; i < this.len; i++) this.items[i] = p.at(i);
      return;
    }
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

/** LRANGE of a packed list, written from its nodes (see ViewReply). */
class ListRangeReply extends ViewReply {
  constructor(
    private readonly list: ListValue,
    private readonly packed: PackedList,
    private readonly start: number,
    private readonly end: number,
  ) {
    super();
  }

  writeTo(out: ReplyWriter): void {
    out.header(42, this.end - this.start + 1);
    this.packed.writeRange(out, this.start, this.end);
  }

  materialize(): Reply {
    return this.list.range(this.start, this.end);
  }
}
