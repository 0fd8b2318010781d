// The stream value: an ordered array of nodes (listpacks of up to stream-node-max-entries entries /
// stream-node-max-bytes bytes, see stream-node.ts) searched by binary search on their master IDs, plus
// the stream's counters and its consumer groups. XADD appends to the tail node (amortised O(1)), a
// range read seeks its first node in O(log N) and walks entries in order, XDEL flags an entry deleted
// inside its node (a node whose entries are all deleted is dropped), and trimming drops whole nodes
// from the head (`~`) or flags single entries (`=`).
// Counterpart: Redis's stream.h / t_stream.c (a radix tree of listpacks keyed by master ID).
//
// API for persistence: nodes (master ID + listpack bytes, exactly Redis's RDB node payloads),
// length, lastId, firstId, maxDeletedId, entriesAdded, groups (name, lastId, entriesRead, PEL with
// delivery time/count, consumers with seenTime/activeTime and their PEL IDs); StreamValue.fromParts()
// rebuilds a value from those parts.
import type { TypedValue } from '../keyspace/value.js';
import { StreamNode, entry, FLAG_DELETED } from './stream-node.js';
import { StreamIterator } from './stream-iterator.js';
import { StreamGroup, INVALID_ENTRIES_READ } from './stream-groups.js';
import { MAX_ID, MIN_ID, idMs, idOf, incrId, makeId, word, type StreamId } from './stream-id.js';

export { StreamGroup, StreamConsumer, StreamNACK, PendingList, INVALID_ENTRIES_READ } from './stream-groups.js';
export { StreamNode } from './stream-node.js';
export { StreamIterator } from './stream-iterator.js';

const LISTPACK_MAX_SIZE = 1 << 30;

/** Node limits read from the configuration at write time. */
export interface NodeLimits {
  maxBytes: number;
  maxEntries: number;
}

/** Trimming arguments of XADD / XTRIM (streamAddTrimArgs). */
export interface TrimArgs {
  strategy: 'maxlen' | 'minid';
  maxlen: number;
  minid: StreamId;
  approx: boolean;
  /** Most entries to remove; 0 = no limit. */
  limit: number;
}

export interface StreamParts {
  nodes: Array<{ masterId: StreamId; listpack: Uint8Array }>;
  length: number;
  lastId: StreamId;
  firstId: StreamId;
  maxDeletedId: StreamId;
  entriesAdded: number;
  groups: StreamGroup[];
}

export class StreamValue implements TypedValue {
  readonly type = 'stream' as const;
  nodes: StreamNode[] = [];
  length = 0;
  lastId: StreamId = MIN_ID;
  /** First live entry ID when the stream is not empty (recorded-first-entry-id). */
  firstId: StreamId = MIN_ID;
  maxDeletedId: StreamId = MIN_ID;
  entriesAdded = 0;
  /** Created on demand. */
  groups: Map<string, StreamGroup> | null = null;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;

  encoding(): string {
    return 'stream';
  }

  static fromParts(p: StreamParts): StreamValue {
    const s = new StreamValue();
    for (const n of p.nodes) s.nodes.push(StreamNode.fromListpack(n.masterId, n.listpack));
    s.length = p.length;
    s.lastId = p.lastId;
    s.firstId = p.firstId;
    s.maxDeletedId = p.maxDeletedId;
    s.entriesAdded = p.entriesAdded;
    if (p.groups.length) {
      s.groups = new Map();
      for (const g of p.groups) s.groups.set(g.name, g);
    }
    return s;
  }

  clone(): StreamValue {
    const s = new StreamValue();
    s.nodes = this.nodes.map((n) => n.clone());
    s.length = this.length;
    s.lastId = this.lastId;
    s.firstId = this.firstId;
    s.maxDeletedId = this.maxDeletedId;
    s.entriesAdded = this.entriesAdded;
    if (this.groups) {
      s.groups = new Map();
      for (const [name, g] of this.groups) s.groups.set(name, g.clone());
    }
    return s;
  }

  /** streamNextID: now in ms, or the last ID's ms with the next sequence; null if exhausted. */
  nextId(nowMs: number): StreamId | null {
    const last = this.lastId;
    if (word(last, 0) < 0x200000 && nowMs > idMs(last)) return idOf(nowMs, 0);
    return incrId(last);
  }

  /**
   * streamAppendItem: adds fields/values argv[start..] under `id` (already checked > lastId).
   * Returns false if the elements are too large for a listpack.
   */
  append(id: StreamId, argv: readonly string[], start: number, limits: NodeLimits): boolean {
    let total = 0;
    for (let i = start; i < argv.length; i++) total += argv[i].length;
    if (total > LISTPACK_MAX_SIZE) return false;
    const nodes = this.nodes;
    const last = nodes.length ? nodes[nodes.length - 1] : null;
    let tail = last;
    if (tail !== null) {
      let maxBytes = limits.maxBytes;
      if (maxBytes === 0 || maxBytes > LISTPACK_MAX_SIZE) maxBytes = LISTPACK_MAX_SIZE;
      if (tail.bytes + total >= maxBytes) tail = null;
      else if (limits.maxEntries && tail.count + tail.deleted >= limits.maxEntries) {
        tail.shrinkToFit();
        tail = null;
      }
    }
    if (tail === null) nodes.push(StreamNode.create(id, argv, start, limits.maxEntries, last));
    else tail.append(word(id, 0), word(id, 4), word(id, 8), word(id, 12), argv, start);
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
    if (this.length === 1) this.firstId = id;
    return true;
  }

  /** Index of the last node whose master ID <= id, or -1. */
  nodeIndexFor(id: StreamId): number {
    const nodes = this.nodes;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[mid].masterId <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Iterates entries with start <= ID <= end (tombstones skipped unless asked). */
  iterate(start: StreamId, end: StreamId, rev = false, skipTombstones = true): StreamIterator {
    return new StreamIterator(this, start, end, rev, skipTombstones);
  }

  /** True when a live entry has this ID (streamEntryExists). */
  has(id: StreamId): boolean {
    return this.iterate(id, id).next();
  }

  /** The field/value pairs of a live entry, or null. */
  get(id: StreamId): string[] | null {
    const it = this.iterate(id, id);
    return it.next() ? it.fields() : null;
  }

  /** streamDeleteItem: flags the entry deleted; the counters first/max-deleted are the caller's. */
  deleteEntry(id: StreamId): boolean {
    const it = this.iterate(id, id);
    if (!it.next()) return false;
    it.remove();
    return true;
  }

  /** streamGetEdgeID: first or last entry ID, including tombstones unless skipTombstones. */
  edgeId(first: boolean, skipTombstones: boolean): StreamId {
    const it = this.iterate(MIN_ID, MAX_ID, !first, skipTombstones);
    if (it.next()) return it.id();
    return first ? MAX_ID : MIN_ID;
  }

  /** streamLastValidID: the last live entry's ID (0-0 when empty). */
  lastValidId(): StreamId {
    const it = this.iterate(MIN_ID, MAX_ID, true);
    return it.next() ? it.id() : MIN_ID;
  }

  /** XDEL bookkeeping after deletions: first ID and max deleted ID. */
  deleteIds(ids: StreamId[]): number {
    let deleted = 0;
    let firstEntry = false;
    for (const id of ids) {
      if (this.deleteEntry(id)) {
        if (id === this.firstId) firstEntry = true;
        if (id > this.maxDeletedId) this.maxDeletedId = id;
        deleted++;
      }
    }
    if (deleted) {
      if (this.length === 0) this.firstId = MIN_ID;
      else if (firstEntry) this.firstId = this.edgeId(true, true);
    }
    return deleted;
  }

  /** streamTrim: returns the number of entries removed. */
  trim(args: TrimArgs): number {
    const nodes = this.nodes;
    let deleted = 0;
    let i = 0;
    for (; i < nodes.length; i++) {
      if (args.strategy === 'maxlen' && this.length <= args.maxlen) break;
      const node = nodes[i];
      const entries = node.count;
      if (args.limit && deleted + entries > args.limit) break;
      const removeNode = args.strategy === 'maxlen' ? this.length - entries >= args.maxlen : node.lastEntryId() < args.minid;
      if (removeNode) {
        this.length -= entries;
        deleted += entries;
        continue;
      }
      if (args.approx) break;
      let fromNode = 0;
      let p = node.entriesStart;
      const buf = node.lp;
      while (buf[p] !== 0xff) {
        const next = node.readEntry(p);
        if (args.strategy === 'maxlen') {
          if (this.length <= args.maxlen) break;
        } else if (makeId(entry.msHi, entry.msLo, entry.seqHi, entry.seqLo) >= args.minid) break;
        if (!(entry.flags & FLAG_DELETED)) {
          node.markDeleted(p);
          fromNode++;
          this.length--;
        }
        p = next;
      }
      deleted += fromNode;
      node.setCounts(node.count - fromNode, node.deleted + fromNode);
      break;
    }
    if (i > 0) nodes.splice(0, i);
    if (this.length === 0) this.firstId = MIN_ID;
    else if (deleted) this.firstId = this.edgeId(true, true);
    return deleted;
  }

  // ---- consumer groups -------------------------------------------------------------------------

  group(name: string): StreamGroup | undefined {
    return this.groups?.get(name);
  }

  /** streamCreateCG: null when the name exists. */
  createGroup(name: string, lastId: StreamId, entriesRead: number): StreamGroup | null {
    if (this.groups === null) this.groups = new Map();
    if (this.groups.has(name)) return null;
    const g = new StreamGroup(name, lastId, entriesRead);
    this.groups.set(name, g);
    return g;
  }

  destroyGroup(name: string): boolean {
    return this.groups?.delete(name) ?? false;
  }

  /** Groups in Redis's order (by name bytes). */
  sortedGroups(): StreamGroup[] {
    if (!this.groups) return [];
    return [...this.groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** streamRangeHasTombstones: might [start, end] hold a deleted entry? */
  rangeHasTombstones(start: StreamId, end: StreamId = MAX_ID): boolean {
    if (this.length === 0 || this.maxDeletedId === MIN_ID) return false;
    if (this.firstId > this.maxDeletedId) return false;
    return start <= this.maxDeletedId && this.maxDeletedId <= end;
  }

  /** streamEstimateDistanceFromFirstEverEntry: the logical read counter of `id`, or -1 if unknown. */
  estimateDistance(id: StreamId): number {
    if (!this.entriesAdded) return 0;
    if (!this.length && id <= this.lastId) return this.entriesAdded;
    if (id === this.lastId) return this.entriesAdded;
    if (id > this.lastId) return INVALID_ENTRIES_READ;
    if (this.maxDeletedId === MIN_ID || this.maxDeletedId < this.firstId) {
      if (id < this.firstId) return this.entriesAdded - this.length;
      if (id === this.firstId) return this.entriesAdded - this.length + 1;
    }
    return INVALID_ENTRIES_READ;
  }

  /** streamReplyWithCGLag: the group's lag, or null when it cannot be known. */
  groupLag(g: StreamGroup): number | null {
    if (!this.entriesAdded) return 0;
    if (g.entriesRead !== INVALID_ENTRIES_READ && !this.rangeHasTombstones(g.lastId)) return this.entriesAdded - g.entriesRead;
    const read = this.estimateDistance(g.lastId);
    return read !== INVALID_ENTRIES_READ ? this.entriesAdded - read : null;
  }

  /** Number of nodes Redis's radix tree would have for these master IDs (XINFO radix-tree-nodes). */
  radixTreeNodes(): number {
    const keys = this.nodes.map((n) => n.masterId);
    if (keys.length === 0) return 1;
    return countRaxNodes(keys, 0, keys.length, 0, true);
  }
}

/**
 * Nodes of a radix tree holding sorted 16-byte keys: every branching point, every node right below
 * one (a chain of single children is one compressed node) and every leaf.
 */
function countRaxNodes(keys: StreamId[], lo: number, hi: number, depth: number, counted: boolean): number {
  if (depth === 16) return 1;
  let n = 0;
  let groups = 0;
  let i = lo;
  const parts: Array<[number, number]> = [];
  while (i < hi) {
    const c = keys[i].charCodeAt(depth);
    let j = i + 1;
    while (j < hi && keys[j].charCodeAt(depth) === c) j++;
    parts.push([i, j]);
    groups++;
    i = j;
  }
  if (groups > 1) {
    n += 1;
    for (const [a, b] of parts) n += countRaxNodes(keys, a, b, depth + 1, true);
    return n;
  }
  return (counted ? 1 : 0) + countRaxNodes(keys, lo, hi, depth + 1, false);
}
