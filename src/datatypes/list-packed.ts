// The storage of a long list: its elements packed as bytes into nodes of at most NODE_BYTES, so a list
// of a million short elements is a few thousand buffers rather than a million strings the garbage
// collector must copy and trace. Redis counterpart: the quicklist (a linked list of listpacks).
//
// A node is a Buffer with its used bytes in [start, end): room is kept at both ends so a push at either
// end of the list writes in place. An entry is its length, its bytes and its length again, so entries
// can be walked from either end:
//   length < 128:  [len] bytes [len]
//   otherwise:     [0xff] [len u32le] bytes [len u32le] [0xff]
// The nodes form a ring (power-of-two capacity, a head index), so adding or dropping a node at either
// end is O(1). An element longer than a node gets a node of its own (Redis's plain nodes).
//
// Reading by index walks nodes from the nearer end, or from where the previous read ended (`finger`),
// so a scan by increasing index (LPOS, DEBUG DIGEST, going back to the ring) is O(1) per element.
import { latin1 } from '../protocol/request-parser.js';
import type { ReplyWriter } from '../protocol/reply.js';

/** The bytes a node's entries may take (an element longer than this has a node of its own). */
export const NODE_BYTES = 4096;
/** Capacity of the first node of a list that starts packed small. */
const MIN_NODE = 64;
const LONG = 0xff;
/** What one node costs besides its bytes: the node object, the Buffer and its backing store's bookkeeping. */
export const NODE_OVERHEAD = 240;
const MIN_RING = 4;

class Node {
  /** The buffer is shared with a copy (cloneShared): it is copied before its bytes are written. */
  shared = false;
  constructor(
    public buf: Buffer,
    public start: number,
    public end: number,
    public count: number,
  ) {}
}

function entrySize(n: number): number {
  return n < 128 ? n + 2 : n + 10;
}

function readU32(b: Buffer, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}

function writeU32(b: Buffer, p: number, v: number): void {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
  b[p + 2] = (v >>> 16) & 0xff;
  b[p + 3] = (v >>> 24) & 0xff;
}

/** Writes v as an entry at p; returns the offset after it. */
function writeEntry(b: Buffer, p: number, v: string): number {
  const n = v.length;
  if (n < 128) {
    b[p++] = n;
    if (n <= 32) for (let i = 0; i < n; i++) b[p++] = v.charCodeAt(i);
    else p += b.latin1Write(v, p);
    b[p++] = n;
    return p;
  }
  b[p] = LONG;
  writeU32(b, p + 1, n);
  p += 5;
  p += b.latin1Write(v, p);
  writeU32(b, p, n);
  b[p + 4] = LONG;
  return p + 5;
}

/** Size of the entry starting at p. */
function sizeAt(b: Buffer, p: number): number {
  const h = b[p];
  return h < 128 ? h + 2 : readU32(b, p + 1) + 10;
}

/** Start of the entry ending at e. */
function startBefore(b: Buffer, e: number): number {
  const t = b[e - 1];
  return t < 128 ? e - t - 2 : e - readU32(b, e - 5) - 10;
}

/** The string of the entry starting at p. */
function stringAt(b: Buffer, p: number): string {
  const h = b[p];
  if (h < 128) return h <= 32 ? latin1(b, p + 1, p + 1 + h) : b.latin1Slice(p + 1, p + 1 + h);
  const n = readU32(b, p + 1);
  return b.latin1Slice(p + 5, p + 5 + n);
}

/** True when the entry starting at p holds exactly v. */
function entryEquals(b: Buffer, p: number, v: string): boolean {
  const h = b[p];
  let n: number;
  if (h < 128) {
    n = h;
    p += 1;
  } else {
    n = readU32(b, p + 1);
    p += 5;
  }
  if (n !== v.length) return false;
  for (let i = 0; i < n; i++) if (b[p + i] !== v.charCodeAt(i)) return false;
  return true;
}

function ceilPow2(n: number): number {
  let c = MIN_NODE;
  while (c < n) c *= 2;
  return c;
}

export class PackedList {
  private ring: (Node | undefined)[] = new Array<Node | undefined>(MIN_RING);
  private mask = MIN_RING - 1;
  private head = 0;
  /** Nodes in use. */
  private nodes = 0;
  /** Elements. */
  length = 0;
  /** Bytes of the nodes' buffers (their capacities). */
  private bufferBytes = 0;
  // The finger: the node (ring position from the head) and element index of the last read, and the
  // entry within it. Valid until the next change.
  private fValid = false;
  private fNode = 0;
  private fFirst = 0;
  private fIdx = 0;
  private fOff = 0;

  /** Heap and backing-store bytes of the nodes and the ring (used_memory, MEMORY USAGE). */
  get heapBytes(): number {
    return 16 + 8 * this.ring.length + this.nodes * NODE_OVERHEAD + this.bufferBytes;
  }

  /** Number of nodes (for tests and OBJECT-like reports). */
  get nodeCount(): number {
    return this.nodes;
  }

  private node(k: number): Node {
    return this.ring[(this.head + k) & this.mask] as Node;
  }

  private growRing(): void {
    const cap = this.ring.length * 2;
    const next = new Array<Node | undefined>(cap);
    for (let k = 0; k < this.nodes; k++) next[k] = this.ring[(this.head + k) & this.mask];
    this.ring = next;
    this.mask = cap - 1;
    this.head = 0;
  }

  private shrinkRing(): void {
    const cap = this.ring.length;
    if (cap <= MIN_RING || this.nodes >= cap >>> 2) return;
    const next = new Array<Node | undefined>(cap >>> 1);
    for (let k = 0; k < this.nodes; k++) next[k] = this.ring[(this.head + k) & this.mask];
    this.ring = next;
    this.mask = (cap >>> 1) - 1;
    this.head = 0;
  }

  private newNode(cap: number, atHead: boolean): Node {
    const n = new Node(Buffer.allocUnsafeSlow(cap), atHead ? cap : 0, atHead ? cap : 0, 0);
    this.bufferBytes += cap;
    return n;
  }

  /** Inserts a node at ring position k (0..nodes). */
  private insertNode(k: number, n: Node): void {
    if (this.nodes === this.ring.length) this.growRing();
    const r = this.ring;
    const m = this.mask;
    if (k === 0) {
      this.head = (this.head - 1) & m;
      r[this.head] = n;
    } else {
      for (let j = this.nodes; j > k; j--) r[(this.head + j) & m] = r[(this.head + j - 1) & m];
      r[(this.head + k) & m] = n;
    }
    this.nodes++;
  }

  /** Removes the node at ring position k. */
  private dropNode(k: number): void {
    const r = this.ring;
    const m = this.mask;
    const n = r[(this.head + k) & m] as Node;
    this.bufferBytes -= n.buf.length;
    if (k === 0) {
      r[this.head] = undefined;
      this.head = (this.head + 1) & m;
    } else {
      for (let j = k; j < this.nodes - 1; j++) r[(this.head + j) & m] = r[(this.head + j + 1) & m];
      r[(this.head + this.nodes - 1) & m] = undefined;
    }
    this.nodes--;
    this.shrinkRing();
  }

  /**
   * Makes room for `size` more bytes at one end of node n (whose entries stay within NODE_BYTES with
   * them): moves its bytes within its buffer or into a bigger one, leaving a quarter of the free room
   * at the other end.
   */
  private makeRoom(n: Node, size: number, atHead: boolean): void {
    const used = n.end - n.start;
    const total = used + size;
    const cap = n.buf.length;
    let next = cap;
    if (total > cap || (total * 4 > cap * 3 && cap < NODE_BYTES)) next = Math.min(NODE_BYTES, ceilPow2(total * 2));
    if (next < total) next = total;
    const other = (next - total) >> 2;
    const start = atHead ? next - other - used : other;
    if (next === cap) {
      n.buf.copyWithin(start, n.start, n.end);
    } else {
      const b = Buffer.allocUnsafeSlow(next);
      n.buf.copy(b, start, n.start, n.end);
      this.bufferBytes += next - cap;
      n.buf = b;
    }
    n.start = start;
    n.end = start + used;
  }

  pushTail(v: string): void {
    const size = entrySize(v.length);
    let n = this.nodes === 0 ? undefined : this.node(this.nodes - 1);
    if (n === undefined || n.end - n.start + size > NODE_BYTES) {
      n = this.newNode(this.nodes === 0 ? ceilPow2(size) : Math.max(NODE_BYTES, size), false);
      this.insertNode(this.nodes, n);
    } else {
      if (n.shared) this.unshare(n);
      if (n.end + size > n.buf.length) this.makeRoom(n, size, false);
    }
    n.end = writeEntry(n.buf, n.end, v);
    n.count++;
    this.length++;
    this.fValid = false;
  }

  pushHead(v: string): void {
    const size = entrySize(v.length);
    let n = this.nodes === 0 ? undefined : this.node(0);
    if (n === undefined || n.end - n.start + size > NODE_BYTES) {
      n = this.newNode(this.nodes === 0 ? ceilPow2(size) : Math.max(NODE_BYTES, size), true);
      this.insertNode(0, n);
    } else {
      if (n.shared) this.unshare(n);
      if (n.start < size) this.makeRoom(n, size, true);
    }
    n.start -= size;
    writeEntry(n.buf, n.start, v);
    n.count++;
    this.length++;
    this.fValid = false;
  }

  popHead(): string | undefined {
    if (this.length === 0) return undefined;
    const n = this.node(0);
    const v = stringAt(n.buf, n.start);
    n.start += sizeAt(n.buf, n.start);
    this.removedFrom(0, n);
    return v;
  }

  popTail(): string | undefined {
    if (this.length === 0) return undefined;
    const n = this.node(this.nodes - 1);
    const p = startBefore(n.buf, n.end);
    const v = stringAt(n.buf, p);
    n.end = p;
    this.removedFrom(this.nodes - 1, n);
    return v;
  }

  /** After one entry left node n (at ring position k). */
  private removedFrom(k: number, n: Node): void {
    n.count--;
    this.length--;
    this.fValid = false;
    if (n.count === 0) this.dropNode(k);
  }

  /** Drops n elements from the head. */
  removeHead(count: number): void {
    this.fValid = false;
    this.length -= count;
    while (count > 0) {
      const n = this.node(0);
      if (count >= n.count) {
        count -= n.count;
        this.dropNode(0);
        continue;
      }
      let p = n.start;
      for (let i = 0; i < count; i++) p += sizeAt(n.buf, p);
      n.start = p;
      n.count -= count;
      count = 0;
    }
  }

  /** Drops n elements from the tail. */
  removeTail(count: number): void {
    this.fValid = false;
    this.length -= count;
    while (count > 0) {
      const n = this.node(this.nodes - 1);
      if (count >= n.count) {
        count -= n.count;
        this.dropNode(this.nodes - 1);
        continue;
      }
      let p = n.end;
      for (let i = 0; i < count; i++) p = startBefore(n.buf, p);
      n.end = p;
      n.count -= count;
      count = 0;
    }
  }

  /** Points the finger at element i (0 <= i < length): fNode, fFirst, fIdx, fOff. */
  private locate(i: number): void {
    let k: number;
    let first: number;
    if (this.fValid && i >= this.fFirst) {
      k = this.fNode;
      first = this.fFirst;
      if (i - first > this.length - i) {
        k = this.nodes - 1;
        first = this.length - this.node(k).count;
        this.fValid = false;
      }
    } else if (this.fValid && this.fFirst - i <= i) {
      k = this.fNode;
      first = this.fFirst;
    } else if (i < this.length - i) {
      k = 0;
      first = 0;
    } else {
      k = this.nodes - 1;
      first = this.length - this.node(k).count;
    }
    while (i < first) {
      k--;
      first -= this.node(k).count;
    }
    let n = this.node(k);
    while (i >= first + n.count) {
      first += n.count;
      k++;
      n = this.node(k);
    }
    const j = i - first;
    // Within the node: from the finger's entry when it is in this node, else from the nearer end.
    let idx: number;
    let off: number;
    if (this.fValid && this.fNode === k && Math.abs(this.fIdx - j) < Math.min(j, n.count - j)) {
      idx = this.fIdx;
      off = this.fOff;
    } else if (j <= n.count - j) {
      idx = 0;
      off = n.start;
    } else {
      idx = n.count;
      off = n.end;
    }
    const b = n.buf;
    while (idx < j) {
      off += sizeAt(b, off);
      idx++;
    }
    while (idx > j) {
      off = startBefore(b, off);
      idx--;
    }
    this.fValid = true;
    this.fNode = k;
    this.fFirst = first;
    this.fIdx = j;
    this.fOff = off;
  }

  at(i: number): string {
    this.locate(i);
    return stringAt(this.node(this.fNode).buf, this.fOff);
  }

  /** Elements start..end inclusive (within the list), last to first when reverse. */
  range(start: number, end: number, reverse: boolean): string[] {
    const count = end - start + 1;
    const out = new Array<string>(count);
    this.locate(start);
    let k = this.fNode;
    let n = this.node(k);
    let p = this.fOff;
    for (let o = 0; o < count; o++) {
      while (p >= n.end) {
        n = this.node(++k);
        p = n.start;
      }
      out[reverse ? count - 1 - o : o] = stringAt(n.buf, p);
      p += sizeAt(n.buf, p);
    }
    return out;
  }

  /** Writes elements start..end (within the list) as bulk strings, straight from the nodes. */
  writeRange(out: ReplyWriter, start: number, end: number): void {
    const count = end - start + 1;
    this.locate(start);
    let k = this.fNode;
    let n = this.node(k);
    let p = this.fOff;
    for (let o = 0; o < count; o++) {
      while (p >= n.end) {
        n = this.node(++k);
        p = n.start;
      }
      const b = n.buf;
      const h = b[p];
      if (h < 128) {
        out.bulkBytes(b, p + 1, h);
        p += h + 2;
      } else {
        const len = readU32(b, p + 1);
        out.bulkBytes(b, p + 5, len);
        p += len + 10;
      }
    }
  }

  /** Calls fn with every element from the head (no array of them). */
  forEach(fn: (v: string) => void): void {
    for (let k = 0; k < this.nodes; k++) {
      const n = this.node(k);
      const b = n.buf;
      for (let p = n.start; p < n.end; p += sizeAt(b, p)) fn(stringAt(b, p));
    }
  }

  /** Index of the first element equal to v, or -1. */
  indexOf(v: string): number {
    let i = 0;
    for (let k = 0; k < this.nodes; k++) {
      const n = this.node(k);
      const b = n.buf;
      for (let p = n.start; p < n.end; p += sizeAt(b, p), i++) if (entryEquals(b, p, v)) return i;
    }
    return -1;
  }

  /** Replaces element i. */
  set(i: number, v: string): void {
    this.locate(i);
    const k = this.fNode;
    const n = this.node(k);
    if (n.shared) this.unshare(n);
    const p = this.fOff;
    const old = sizeAt(n.buf, p);
    if (old === entrySize(v.length)) writeEntry(n.buf, p, v);
    else this.splice(k, p, old, v);
    this.fValid = false;
  }

  /** Inserts v so that it becomes element i (0 <= i <= length). */
  insertAt(i: number, v: string): void {
    if (i === 0) return this.pushHead(v);
    if (i === this.length) return this.pushTail(v);
    this.locate(i);
    this.splice(this.fNode, this.fOff, 0, v);
    this.length++;
    this.fValid = false;
  }

  /**
   * Replaces `del` bytes (zero or one entry) at offset p of node k with the entry of v: in place when the
   * node still fits, else the node is split at p.
   */
  private splice(k: number, p: number, del: number, v: string): void {
    const n = this.node(k);
    if (n.shared) this.unshare(n);
    const size = entrySize(v.length);
    const used = n.end - n.start - del + size;
    const b = n.buf;
    if (used <= NODE_BYTES || (n.count === 1 && del > 0)) {
      if (del === 0) n.count++;
      const tail = n.end - (p + del);
      if (n.start + used <= b.length) {
        b.copyWithin(p + size, p + del, n.end);
        writeEntry(b, p, v);
        n.end = p + size + tail;
      } else {
        const cap = Math.max(used, Math.min(NODE_BYTES, ceilPow2(used + (used >> 2))));
        const nb = Buffer.allocUnsafeSlow(cap);
        const before = p - n.start;
        b.copy(nb, 0, n.start, p);
        writeEntry(nb, before, v);
        b.copy(nb, before + size, p + del, n.end);
        this.bufferBytes += cap - b.length;
        n.buf = nb;
        n.start = 0;
        n.end = used;
      }
      return;
    }
    // Split: the entries before p (with v) stay, the ones after move to a new node after this one.
    let before = 0;
    for (let q = n.start; q < p; q += sizeAt(b, q)) before++;
    const after = n.count - before - (del > 0 ? 1 : 0);
    const right = this.newNode(Math.max(MIN_NODE, ceilPow2(n.end - p - del)), false);
    b.copy(right.buf, 0, p + del, n.end);
    right.end = n.end - p - del;
    right.count = after;
    n.end = p;
    n.count = before;
    if (after > 0) this.insertNode(k + 1, right);
    else this.bufferBytes -= right.buf.length;
    // v joins the left node when it fits there, else it gets a node of its own between the two.
    if (before > 0 && n.end - n.start + size <= NODE_BYTES) {
      if (n.end + size > b.length) this.makeRoom(n, size, false);
      n.end = writeEntry(n.buf, n.end, v);
      n.count++;
    } else {
      const mid = this.newNode(Math.max(MIN_NODE, ceilPow2(size)), false);
      mid.end = writeEntry(mid.buf, 0, v);
      mid.count = 1;
      this.insertNode(before > 0 ? k + 1 : k, mid);
      if (before === 0) this.dropNode(k + 1);
    }
  }

  /**
   * Removes elements equal to v, at most `limit` of them (0 = all), counted from the head, or from the
   * tail when fromTail; the survivors are repacked into full nodes. Returns how many were removed.
   */
  removeMatching(v: string, limit: number, fromTail: boolean): number {
    let matches = 0;
    for (let k = 0; k < this.nodes; k++) {
      const n = this.node(k);
      for (let p = n.start; p < n.end; p += sizeAt(n.buf, p)) if (entryEquals(n.buf, p, v)) matches++;
    }
    if (matches === 0) return 0;
    const remove = limit === 0 ? matches : Math.min(limit, matches);
    // From the tail: the first (matches - remove) matches from the head are kept.
    let keepFirst = fromTail ? matches - remove : 0;
    let left = remove;
    const old = this.ring;
    const oldHead = this.head;
    const oldMask = this.mask;
    const oldNodes = this.nodes;
    this.reset();
    for (let k = 0; k < oldNodes; k++) {
      const n = old[(oldHead + k) & oldMask] as Node;
      const b = n.buf;
      for (let p = n.start; p < n.end; ) {
        const s = sizeAt(b, p);
        if (left > 0 && entryEquals(b, p, v)) {
          if (keepFirst > 0) keepFirst--;
          else {
            left--;
            p += s;
            continue;
          }
        }
        this.appendRaw(b, p, s);
        p += s;
      }
    }
    return remove;
  }

  private reset(): void {
    this.ring = new Array<Node | undefined>(MIN_RING);
    this.mask = MIN_RING - 1;
    this.head = 0;
    this.nodes = 0;
    this.length = 0;
    this.bufferBytes = 0;
    this.fValid = false;
  }

  /** Appends an entry's bytes as they are (a repack). */
  private appendRaw(src: Buffer, p: number, size: number): void {
    let n = this.nodes === 0 ? undefined : this.node(this.nodes - 1);
    if (n === undefined || n.end - n.start + size > NODE_BYTES) {
      n = this.newNode(Math.max(NODE_BYTES, size), false);
      this.insertNode(this.nodes, n);
    }
    src.copy(n.buf, n.end, p, p + size);
    n.end += size;
    n.count++;
    this.length++;
  }

  /** Gives node n a buffer of its own (same capacity and offsets) before its bytes are written. */
  private unshare(n: Node): void {
    const b = Buffer.allocUnsafeSlow(n.buf.length);
    n.buf.copy(b, n.start, n.start, n.end);
    n.buf = b;
    n.shared = false;
  }

  /**
   * A copy sharing this list's node buffers, O(nodes): each side copies a node's buffer before it
   * first writes to it (pops and trims only move a node's bounds). What a background save takes of a
   * long list about to change before its turn; a million elements are some 4000 nodes.
   */
  cloneShared(): PackedList {
    const c = new PackedList();
    for (let k = 0; k < this.nodes; k++) {
      const n = this.node(k);
      n.shared = true;
      const m = new Node(n.buf, n.start, n.end, n.count);
      m.shared = true;
      c.insertNode(c.nodes, m);
      c.bufferBytes += n.buf.length;
    }
    c.length = this.length;
    return c;
  }

  clone(): PackedList {
    const c = new PackedList();
    for (let k = 0; k < this.nodes; k++) {
      const n = this.node(k);
      const used = n.end - n.start;
      const m = c.newNode(Math.max(MIN_NODE, used), false);
      n.buf.copy(m.buf, 0, n.start, n.end);
      m.end = used;
      m.count = n.count;
      c.insertNode(c.nodes, m);
    }
    c.length = this.length;
    return c;
  }

  /** Checks the structure (tests): counts, entry boundaries and node sizes. */
  verify(): void {
    let total = 0;
    let bytes = 0;
    for (let k = 0; k < this.nodes; k++) {
      const n = this.node(k);
      let c = 0;
      let p = n.start;
      while (p < n.end) {
        const s = sizeAt(n.buf, p);
        if (startBefore(n.buf, p + s) !== p) throw new Error(`node ${k}: entry at ${p} does not end where it starts`);
        p += s;
        c++;
      }
      if (p !== n.end) throw new Error(`node ${k}: entries overrun the node`);
      if (c !== n.count || c === 0) throw new Error(`node ${k}: count ${n.count}, entries ${c}`);
      if (n.end - n.start > NODE_BYTES && c > 1) throw new Error(`node ${k}: ${n.end - n.start} bytes in ${c} entries`);
      total += c;
      bytes += n.buf.length;
    }
    if (total !== this.length) throw new Error(`length ${this.length}, entries ${total}`);
    if (bytes !== this.bufferBytes) throw new Error(`buffer bytes ${this.bufferBytes}, counted ${bytes}`);
  }
}
