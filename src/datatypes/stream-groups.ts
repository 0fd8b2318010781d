// Consumer groups of a stream: each group has a last-delivered ID, an entries-read counter, a pending
// entries list (PEL: entry ID -> NACK {consumer, delivery time, delivery count}) and its consumers, each
// with its own PEL view sharing the group's NACK objects. Counterpart: streamCG, streamConsumer and
// streamNACK in Redis's stream.h / t_stream.c.
import type { StreamId } from './stream-id.js';

/** entries-read when unknown (Redis's SCG_INVALID_ENTRIES_READ). */
export const INVALID_ENTRIES_READ = -1;

/** A pending (delivered, not yet acknowledged) entry. */
export class StreamNACK {
  constructor(
    /** Unix ms of the last delivery. */
    public deliveryTime: number,
    public deliveryCount: number,
    /** Null only transiently (XCLAIM FORCE creates it before assigning an owner). */
    public consumer: StreamConsumer | null,
  ) {}
}

/**
 * A map from entry ID to value kept in ID order: a Map for lookups plus a sorted key array. Deleted
 * keys stay in the array (skipped when iterating) until they outnumber the live ones, so deleting in
 * any order is amortised O(1) and appending in ID order is O(1).
 */
export class PendingList<T> {
  private readonly map = new Map<StreamId, T>();
  private keys: StreamId[] = [];
  private dead = 0;

  get size(): number {
    return this.map.size;
  }

  get(id: StreamId): T | undefined {
    return this.map.get(id);
  }

  has(id: StreamId): boolean {
    return this.map.has(id);
  }

  /** Inserts or replaces. */
  set(id: StreamId, v: T): void {
    if (this.map.has(id)) {
      this.map.set(id, v);
      return;
    }
    this.compact();
    this.map.set(id, v);
    const keys = this.keys;
    const n = keys.length;
    if (n === 0 || keys[n - 1] < id) {
      keys.push(id);
      return;
    }
    const i = this.lowerBound(id);
    if (keys[i] === id) {
      this.dead--;
      return;
    }
    keys.splice(i, 0, id);
  }

  delete(id: StreamId): boolean {
    if (!this.map.delete(id)) return false;
    this.dead++;
    return true;
  }

  /** Index of the first key >= id in the key array (live or not). */
  private lowerBound(id: StreamId): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops deleted keys when they outnumber live ones (never during an iteration: see cursor()). */
  private compact(): void {
    if (this.dead > 32 && this.dead > this.map.size) {
      const map = this.map;
      this.keys = this.keys.filter((k) => map.has(k));
      this.dead = 0;
    }
  }

  first(): StreamId | undefined {
    for (const k of this.keys) if (this.map.has(k)) return k;
    return undefined;
  }

  last(): StreamId | undefined {
    const keys = this.keys;
    for (let i = keys.length - 1; i >= 0; i--) if (this.map.has(keys[i])) return keys[i];
    return undefined;
  }

  /**
   * Live IDs >= `from` in order. Deleting (also the current ID) while iterating is safe; inserting is
   * not.
   */
  *from(from: StreamId): IterableIterator<StreamId> {
    this.compact();
    const keys = this.keys;
    for (let i = this.lowerBound(from); i < keys.length; i++) {
      const k = keys[i];
      if (this.map.has(k)) yield k;
    }
  }

  /** Calls visit for every live entry in ID order (no iterator or pair per entry). */
  forEach(visit: (id: StreamId, v: T) => void): void {
    const keys = this.keys;
    const map = this.map;
    for (let i = 0; i < keys.length; i++) {
      const v = map.get(keys[i]);
      if (v !== undefined) visit(keys[i], v);
    }
  }

  /** Every live entry in ID order. */
  *entries(): IterableIterator<[StreamId, T]> {
    for (const k of this.keys) {
      const v = this.map.get(k);
      if (v !== undefined) yield [k, v];
    }
  }
}

export class StreamConsumer {
  readonly pel = new PendingList<StreamNACK>();
  constructor(
    readonly name: string,
    /** Unix ms of the last interaction (any read or claim attempt). */
    public seenTime: number,
    /** Unix ms of the last successful delivery or claim; -1 if never. */
    public activeTime = -1,
  ) {}
}

export class StreamGroup {
  readonly pel = new PendingList<StreamNACK>();
  readonly consumers = new Map<string, StreamConsumer>();
  constructor(
    readonly name: string,
    public lastId: StreamId,
    /** Logical read counter of lastId, or INVALID_ENTRIES_READ. */
    public entriesRead: number,
  ) {}

  /** Consumers in Redis's order (radix tree: by name bytes). */
  sortedConsumers(): StreamConsumer[] {
    return [...this.consumers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Creates a consumer; null if it exists. */
  createConsumer(name: string, now: number): StreamConsumer | null {
    if (this.consumers.has(name)) return null;
    const c = new StreamConsumer(name, now);
    this.consumers.set(name, c);
    return c;
  }

  /** Deletes a consumer and its pending entries from the group PEL (streamDelConsumer). */
  deleteConsumer(c: StreamConsumer): number {
    const pending = c.pel.size;
    for (const [id] of c.pel.entries()) this.pel.delete(id);
    this.consumers.delete(c.name);
    return pending;
  }

  /** Removes a pending entry from the group and its owner. */
  ack(id: StreamId): boolean {
    const nack = this.pel.get(id);
    if (nack === undefined) return false;
    this.pel.delete(id);
    nack.consumer?.pel.delete(id);
    return true;
  }

  clone(): StreamGroup {
    const g = new StreamGroup(this.name, this.lastId, this.entriesRead);
    const copies = new Map<StreamNACK, StreamNACK>();
    for (const [id, n] of this.pel.entries()) {
      const c = new StreamNACK(n.deliveryTime, n.deliveryCount, null);
      copies.set(n, c);
      g.pel.set(id, c);
    }
    for (const c of this.consumers.values()) {
      const nc = new StreamConsumer(c.name, c.seenTime, c.activeTime);
      g.consumers.set(c.name, nc);
      for (const [id, n] of c.pel.entries()) {
        const copy = copies.get(n)!;
        copy.consumer = nc;
        nc.pel.set(id, copy);
      }
    }
    return g;
  }
}
