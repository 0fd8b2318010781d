// Iteration over a stream's entries between two IDs, forwards or backwards, node by node: a binary
// search finds the first node, entries are decoded from the listpack in place, tombstones are skipped
// unless asked for, and the current entry can be deleted (XDEL). Counterpart: streamIteratorStart /
// streamIteratorGetID / streamIteratorGetField / streamIteratorRemoveEntry (t_stream.c).
import type { StreamValue } from './stream.js';
import { FLAG_DELETED, entry, type StreamNode } from './stream-node.js';
import { MIN_ID, makeId, u64Text, word, type StreamId } from './stream-id.js';

/**
 * Walks entries in ID order (or reverse) between two IDs. After next() returns true, id()/idText()/
 * fields() describe the current entry and remove() deletes it (XDEL).
 */
export class StreamIterator {
  private nodeIndex: number;
  private node: StreamNode | null = null;
  /** Offset of the next entry to read (reverse: -1 when the node is done). */
  private pos = 0;
  private curOffset = 0;
  private done = false;
  private cur = { msHi: 0, msLo: 0, seqHi: 0, seqLo: 0, flags: 0, numFields: 0, fieldsAt: 0 };
  private curId: StreamId | null = null;

  constructor(
    private readonly s: StreamValue,
    private readonly start: StreamId,
    private readonly end: StreamId,
    private readonly rev: boolean,
    private readonly skipTombstones: boolean,
  ) {
    if (!rev) {
      this.nodeIndex = start !== MIN_ID ? Math.max(0, s.nodeIndexFor(start)) : 0;
    } else {
      // No node starts at or before `end`: nothing in range.
      this.nodeIndex = end !== MIN_ID ? s.nodeIndexFor(end) : s.nodes.length - 1;
    }
  }

  private enterNode(): boolean {
    const nodes = this.s.nodes;
    if (this.nodeIndex < 0 || this.nodeIndex >= nodes.length) {
      this.done = true;
      return false;
    }
    const node = nodes[this.nodeIndex];
    this.node = node;
    this.pos = this.rev ? node.lastEntryStart() : node.entriesStart;
    return true;
  }

  next(): boolean {
    if (this.done) return false;
    const sHi = word(this.start, 0), sLo = word(this.start, 4), sSh = word(this.start, 8), sSl = word(this.start, 12);
    const eHi = word(this.end, 0), eLo = word(this.end, 4), eSh = word(this.end, 8), eSl = word(this.end, 12);
    for (;;) {
      if (this.node === null && !this.enterNode()) return false;
      const node = this.node!;
      let p: number;
      if (!this.rev) {
        p = this.pos;
        if (node.lp[p] === 0xff) {
          this.node = null;
          this.nodeIndex++;
          continue;
        }
        this.pos = node.readEntry(p);
      } else {
        if (this.pos < 0) {
          this.node = null;
          this.nodeIndex--;
          continue;
        }
        p = this.pos;
        this.pos = node.prevEntryStart(p);
        node.readEntry(p);
      }
      const deleted = (entry.flags & FLAG_DELETED) !== 0;
      const geStart = cmp4(entry.msHi, entry.msLo, entry.seqHi, entry.seqLo, sHi, sLo, sSh, sSl) >= 0;
      const leEnd = cmp4(entry.msHi, entry.msLo, entry.seqHi, entry.seqLo, eHi, eLo, eSh, eSl) <= 0;
      if (!this.rev) {
        if (geStart && (!this.skipTombstones || !deleted)) {
          if (!leEnd) {
            this.done = true;
            return false;
          }
          this.capture(p);
          return true;
        }
      } else if (leEnd && (!this.skipTombstones || !deleted)) {
        if (!geStart) {
          this.done = true;
          return false;
        }
        this.capture(p);
        return true;
      }
    }
  }

  private capture(p: number): void {
    const c = this.cur;
    c.msHi = entry.msHi;
    c.msLo = entry.msLo;
    c.seqHi = entry.seqHi;
    c.seqLo = entry.seqLo;
    c.flags = entry.flags;
    c.numFields = entry.numFields;
    c.fieldsAt = entry.fieldsAt;
    this.curOffset = p;
    this.curId = null;
  }

  id(): StreamId {
    if (this.curId === null) {
      const c = this.cur;
      this.curId = makeId(c.msHi, c.msLo, c.seqHi, c.seqLo);
    }
    return this.curId;
  }

  /** "<ms>-<seq>" of the current entry. */
  idText(): string {
    const c = this.cur;
    return `${u64Text(c.msHi, c.msLo)}-${u64Text(c.seqHi, c.seqLo)}`;
  }

  fields(): string[] {
    const c = this.cur;
    entry.flags = c.flags;
    entry.numFields = c.numFields;
    entry.fieldsAt = c.fieldsAt;
    return this.node!.entryFields();
  }

  /** True when the current entry is a tombstone (only with skipTombstones off). */
  isDeleted(): boolean {
    return (this.cur.flags & FLAG_DELETED) !== 0;
  }

  /** streamIteratorRemoveEntry: deletes the current entry and continues after it. */
  remove(): void {
    const node = this.node!;
    const s = this.s;
    if (node.count === 1) {
      s.nodes.splice(this.nodeIndex, 1);
      this.node = null;
      if (this.rev) this.nodeIndex--;
    } else {
      node.markDeleted(this.curOffset);
      const before = node.entriesStart;
      node.setCounts(node.count - 1, node.deleted + 1);
      const shift = node.entriesStart - before;
      if (shift !== 0) {
        // The head counters changed size: entry offsets moved.
        if (!this.rev || this.pos >= 0) this.pos += shift;
      }
    }
    s.length--;
  }
}

function cmp4(a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number): number {
  if (a !== e) return a < e ? -1 : 1;
  if (b !== f) return b < f ? -1 : 1;
  if (c !== g) return c < g ? -1 : 1;
  if (d !== h) return d < h ? -1 : 1;
  return 0;
}
