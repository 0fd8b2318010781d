// One node of a stream: a listpack laid out exactly as Redis's streamAppendItem writes it, so it can be
// saved to and loaded from RDB unchanged:
//
//   count | deleted | num-fields | field_1 .. field_N | 0 |  entry  entry ...
//   entry = flags | ms-diff | seq-diff | [num-fields | field value ...] or [value ...] | lp-count
//
// IDs are stored as differences from the node's master ID (the first ID ever added to the node);
// entries whose fields equal the master fields store only their values (SAMEFIELDS flag). Deleted
// entries stay in place with the DELETED flag until the whole node goes.
// Counterpart: the listpack half of Redis's t_stream.c (streamAppendItem, lpGetEdgeStreamID, iterator).
import {
  LP_HDR_SIZE, allocBuffer, backlenSize, el, elementText, intEntrySize, readElement,
  readText, setHeader, writeElement, writeInt, writeInt64,
} from './stream-listpack.js';
import { makeId, word, type StreamId } from './stream-id.js';

export const FLAG_DELETED = 1;
export const FLAG_SAMEFIELDS = 2;
const TWO32 = 4294967296;
const MIN_CAPACITY = 64;

/** Registers filled by StreamNode.readEntry(). */
export const entry = {
  flags: 0,
  msHi: 0,
  msLo: 0,
  seqHi: 0,
  seqLo: 0,
  numFields: 0,
  /** Offset of the first field (or first value for SAMEFIELDS entries). */
  fieldsAt: 0,
  /** Offset of the next entry (or of the terminator). */
  next: 0,
};

/** (aHi,aLo) - (bHi,bLo) modulo 2^64, written to diffHi/diffLo. */
let diffHi = 0;
let diffLo = 0;
function sub64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  let lo = aLo - bLo;
  let borrow = 0;
  if (lo < 0) {
    lo += TWO32;
    borrow = 1;
  }
  diffLo = lo;
  diffHi = (aHi - bHi - borrow) >>> 0;
}

export class StreamNode {
  /** Master ID: the first ID added to this node (Redis's radix tree key). */
  readonly masterId: StreamId;
  // The master ID's u32 halves kept as int32 (small integers need no heap box); read with >>> 0.
  private readonly mMsHi: number;
  private readonly mMsLo: number;
  private readonly mSeqHi: number;
  private readonly mSeqLo: number;
  /** Listpack bytes; capacity may exceed `bytes`. */
  lp: Buffer;
  /** Bytes in use (the listpack's total-bytes header). */
  bytes = 0;
  /** Listpack elements (header's element count). */
  elements = 0;
  /** Live entries. */
  count = 0;
  /** Entries flagged deleted. */
  deleted = 0;
  readonly masterFields: string[];
  /** Offset of the first entry. */
  entriesStart = 0;
  /** `lp` is read by another holder (share()): it is copied before its bytes are written. */
  private shared = false;

  private constructor(masterId: StreamId, masterFields: string[], lp: Buffer) {
    this.masterId = masterId;
    this.mMsHi = word(masterId, 0) | 0;
    this.mMsLo = word(masterId, 4) | 0;
    this.mSeqHi = word(masterId, 8) | 0;
    this.mSeqLo = word(masterId, 12) | 0;
    this.masterFields = masterFields;
    this.lp = lp;
  }

  /** A node holding one entry (ID given as four u32 halves); its fields become the master fields. */
  static create(id: StreamId, argv: readonly string[], start: number, maxEntries: number, prev: StreamNode | null): StreamNode {
    const numFields = (argv.length - start) >> 1;
    // Consecutive nodes usually share their field names: the previous node's array is reused.
    const fields: string[] = prev !== null && prev.sameFields(argv, start) ? prev.masterFields : new Array(numFields);
    let bound = 64;
    for (let i = 0; i < numFields; i++) {
      if (fields !== prev?.masterFields) fields[i] = argv[start + 2 * i];
      bound += fields[i].length + 10;
    }
    const entryBound = entryUpperBound(argv, start);
    // Room for a full node of similar entries up front, so a node is rarely copied while it fills.
    const cap = maxEntries > 0 ? Math.min(8192, bound + entryBound * maxEntries) : bound + entryBound * 16;
    const node = new StreamNode(id, fields, allocBuffer(Math.max(MIN_CAPACITY, cap)));
    node.reserve(bound + entryBound);
    const buf = node.lp;
    let p = LP_HDR_SIZE;
    p += writeInt(buf, p, 1);
    p += writeInt(buf, p, 0);
    p += writeInt(buf, p, numFields);
    for (let i = 0; i < numFields; i++) p += writeElement(buf, p, fields[i]);
    p += writeInt(buf, p, 0);
    node.entriesStart = p;
    node.elements = 4 + numFields;
    node.bytes = p + 1;
    node.count = 0;
    node.appendEntry(word(id, 0), word(id, 4), word(id, 8), word(id, 12), argv, start, true);
    return node;
  }

  /**
   * Rebuilds a node from a listpack (an RDB load): `masterId` is the radix tree key stored beside it.
   * The bytes are copied.
   */
  static fromListpack(masterId: StreamId, listpack: Uint8Array): StreamNode {
    const lp = allocBuffer(Math.max(listpack.length, 8));
    lp.set(listpack);
    let p = LP_HDR_SIZE;
    readElement(lp, p);
    const count = el.num;
    p = el.next;
    readElement(lp, p);
    const deleted = el.num;
    p = el.next;
    readElement(lp, p);
    const nf = el.num;
    p = el.next;
    const fields: string[] = [];
    for (let i = 0; i < nf; i++) {
      fields.push(readText(lp, p));
      p = el.next;
    }
    readElement(lp, p);
    p = el.next;
    const node = new StreamNode(masterId, fields, lp);
    node.entriesStart = p;
    node.count = count;
    node.deleted = deleted;
    node.bytes = listpack.length;
    node.elements = lp[4] | (lp[5] << 8);
    if (node.elements === 65535) node.elements = countElements(lp);
    return node;
  }

  /** The listpack as Redis stores it (a view of the used bytes). */
  listpack(): Buffer {
    return this.lp.subarray(0, this.bytes);
  }

  /** Releases spare capacity (a full node, as lpShrinkToFit). */
  shrinkToFit(): void {
    if (this.lp.length > this.bytes) {
      const nb = allocBuffer(this.bytes);
      this.lp.copy(nb, 0, 0, this.bytes);
      this.lp = nb;
    }
  }

  private reserve(total: number): void {
    if (this.lp.length >= total) return;
    let cap = Math.max(this.lp.length, MIN_CAPACITY);
    while (cap < total) cap *= 2;
    const nb = allocBuffer(cap);
    this.lp.copy(nb, 0, 0, this.bytes);
    this.lp = nb;
  }

  /** True when the entry's fields are exactly the master fields. */
  sameFields(argv: readonly string[], start: number): boolean {
    const mf = this.masterFields;
    if ((argv.length - start) >> 1 !== mf.length) return false;
    for (let i = 0; i < mf.length; i++) if (argv[start + 2 * i] !== mf[i]) return false;
    return true;
  }

  /** Appends an entry (the caller checked the node has room and the ID is larger than lastId). */
  append(msHi: number, msLo: number, seqHi: number, seqLo: number, argv: readonly string[], start: number): void {
    if (this.shared) this.unshare();
    const same = this.sameFields(argv, start);
    this.setCounts(this.count + 1, this.deleted);
    this.count--;
    this.appendEntry(msHi, msLo, seqHi, seqLo, argv, start, same);
  }

  private appendEntry(
    msHi: number, msLo: number, seqHi: number, seqLo: number, argv: readonly string[], start: number, same: boolean,
  ): void {
    const numFields = (argv.length - start) >> 1;
    this.reserve(this.bytes + entryUpperBound(argv, start));
    const buf = this.lp;
    let p = this.bytes - 1;
    p += writeInt(buf, p, same ? FLAG_SAMEFIELDS : 0);
    sub64(msHi, msLo, this.mMsHi >>> 0, this.mMsLo >>> 0);
    p += writeInt64(buf, p, diffHi, diffLo);
    sub64(seqHi, seqLo, this.mSeqHi >>> 0, this.mSeqLo >>> 0);
    p += writeInt64(buf, p, diffHi, diffLo);
    if (!same) p += writeInt(buf, p, numFields);
    for (let i = 0; i < numFields; i++) {
      if (!same) p += writeElement(buf, p, argv[start + 2 * i]);
      p += writeElement(buf, p, argv[start + 2 * i + 1]);
    }
    const lpCount = same ? numFields + 3 : 2 * numFields + 4;
    p += writeInt(buf, p, lpCount);
    buf[p] = 0xff;
    this.bytes = p + 1;
    this.elements += lpCount + 1;
    this.count++;
    setHeader(buf, this.bytes, this.elements);
  }

  /** Rewrites the count and deleted integers at the head (their encodings may change size). */
  setCounts(count: number, deleted: number): void {
    if (this.shared) this.unshare();
    if (count < 128 && this.count < 128 && deleted === this.deleted) {
      // The common case: a one-byte count rewritten in place.
      this.lp[LP_HDR_SIZE] = count;
      this.count = count;
      return;
    }
    const buf = this.lp;
    const oldLen = intEntrySize(this.count) + intEntrySize(this.deleted);
    const newLen = intEntrySize(count) + intEntrySize(deleted);
    if (newLen !== oldLen) {
      const delta = newLen - oldLen;
      this.reserve(this.bytes + delta);
      const b = this.lp;
      b.copy(b, LP_HDR_SIZE + newLen, LP_HDR_SIZE + oldLen, this.bytes);
      this.bytes += delta;
      this.entriesStart += delta;
    }
    const b = this.lp === buf ? buf : this.lp;
    let p = LP_HDR_SIZE;
    p += writeInt(b, p, count);
    writeInt(b, p, deleted);
    this.count = count;
    this.deleted = deleted;
    setHeader(b, this.bytes, this.elements);
  }

  /**
   * Decodes the entry at `p` into `entry` (ID, flags, field count, where its fields start) and
   * returns the offset of the next entry.
   */
  readEntry(p: number): number {
    const buf = this.lp;
    readElement(buf, p);
    entry.flags = el.num;
    readElement(buf, el.next);
    let lo = (this.mMsLo >>> 0) + el.lo;
    let carry = lo >= TWO32 ? 1 : 0;
    entry.msLo = lo - carry * TWO32;
    entry.msHi = ((this.mMsHi >>> 0) + el.hi + carry) >>> 0;
    readElement(buf, el.next);
    lo = (this.mSeqLo >>> 0) + el.lo;
    carry = lo >= TWO32 ? 1 : 0;
    entry.seqLo = lo - carry * TWO32;
    entry.seqHi = ((this.mSeqHi >>> 0) + el.hi + carry) >>> 0;
    let q = el.next;
    let toSkip: number;
    if (entry.flags & FLAG_SAMEFIELDS) {
      entry.numFields = this.masterFields.length;
      toSkip = entry.numFields;
    } else {
      readElement(buf, q);
      entry.numFields = el.num;
      q = el.next;
      toSkip = entry.numFields * 2;
    }
    entry.fieldsAt = q;
    for (let i = 0; i < toSkip; i++) q = skipElement(buf, q);
    q = skipElement(buf, q); // lp-count
    entry.next = q;
    return q;
  }

  /** Field/value pairs of the entry last read with readEntry(). */
  entryFields(): string[] {
    const buf = this.lp;
    const n = entry.numFields;
    const out: string[] = new Array(n * 2);
    let q = entry.fieldsAt;
    if (entry.flags & FLAG_SAMEFIELDS) {
      const mf = this.masterFields;
      for (let i = 0; i < n; i++) {
        out[2 * i] = mf[i];
        out[2 * i + 1] = readText(buf, q);
        q = el.next;
      }
    } else {
      for (let i = 0; i < 2 * n; i++) {
        out[i] = readText(buf, q);
        q = el.next;
      }
    }
    return out;
  }

  /** ID of the last entry in the node, tombstone or not (lpGetEdgeStreamID). */
  lastEntryId(): StreamId {
    this.readEntry(this.lastEntryStart());
    return makeId(entry.msHi, entry.msLo, entry.seqHi, entry.seqLo);
  }

  /** Offset of the last entry, or -1 when the node has none; found backwards in O(1) entries. */
  lastEntryStart(): number {
    return this.entryBefore(this.bytes - 1);
  }

  /** Offset of the entry before the one starting at `p`, or -1 at the master entry. */
  prevEntryStart(p: number): number {
    return this.entryBefore(p);
  }

  /** The entry that ends right before offset `p`, via its lp-count and the elements' back-lengths. */
  private entryBefore(p: number): number {
    const buf = this.lp;
    let q = prevElementStart(buf, p);
    readElement(buf, q);
    const n = el.num;
    if (n === 0) return -1; // the master entry's terminator
    for (let i = 0; i < n; i++) q = prevElementStart(buf, q);
    return q;
  }

  /** Flags the entry starting at `p` deleted (flags 0/2 -> 1/3: same one-byte encoding). */
  markDeleted(p: number): void {
    if (this.shared) this.unshare();
    this.lp[p] |= FLAG_DELETED;
  }

  /** Another holder reads the listpack bytes as they are now: copy them before writing to them. */
  share(): void {
    this.shared = true;
  }

  private unshare(): void {
    const nb = allocBuffer(this.lp.length);
    this.lp.copy(nb, 0, 0, this.bytes);
    this.lp = nb;
    this.shared = false;
  }

  clone(): StreamNode {
    const n = StreamNode.fromListpack(this.masterId, this.listpack());
    return n;
  }
}

/** Bytes an entry can take at most: flags, two 64-bit IDs, counts, each element with a 5-byte header and back-length. */
function entryUpperBound(argv: readonly string[], start: number): number {
  let n = 40;
  for (let i = start; i < argv.length; i++) n += argv[i].length + 10;
  return n;
}

/** Start of the element that ends right before offset `p` (its back-length is read right to left). */
function prevElementStart(buf: Uint8Array, p: number): number {
  let q = p - 1;
  let len = 0;
  let mul = 1;
  for (;;) {
    const b = buf[q];
    len += (b & 127) * mul;
    if ((b & 128) === 0) break;
    mul *= 128;
    q--;
  }
  return q - len;
}

/** Offset after the element at `p`, without decoding strings. */
export function skipElement(buf: Uint8Array, p: number): number {
  const b = buf[p];
  let encLen: number;
  if ((b & 0x80) === 0) encLen = 1;
  else if ((b & 0xc0) === 0x80) encLen = 1 + (b & 0x3f);
  else if ((b & 0xe0) === 0xc0) encLen = 2;
  else if ((b & 0xf0) === 0xe0) encLen = 2 + (((b & 0x0f) << 8) | buf[p + 1]);
  else if (b === 0xf1) encLen = 3;
  else if (b === 0xf2) encLen = 4;
  else if (b === 0xf3) encLen = 5;
  else if (b === 0xf4) encLen = 9;
  else if (b === 0xf0) encLen = 5 + ((buf[p + 1] | (buf[p + 2] << 8) | (buf[p + 3] << 16) | (buf[p + 4] << 24)) >>> 0);
  else throw new Error(`listpack: bad encoding byte ${b}`);
  return p + encLen + backlenSize(encLen);
}

function countElements(buf: Uint8Array): number {
  let n = 0;
  let p = LP_HDR_SIZE;
  while (buf[p] !== 0xff) {
    p = skipElement(buf, p);
    n++;
  }
  return n;
}

export { elementText };
