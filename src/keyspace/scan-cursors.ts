// SCAN cursors over JS Maps and Sets. A JS Map/Set iterator stays valid while entries are added and
// deleted and visits every entry present for the whole iteration exactly once, which gives SCAN's
// guarantee. A cursor number names a parked iterator; each call consumes its cursor and issues a new
// one, so a retried call with an old cursor restarts the scan (still returning every element at least
// once) rather than skipping elements. The table is bounded: the oldest parked iterators are dropped,
// and an unknown cursor likewise restarts from the beginning.
// Counterpart: dictScan's stateless reverse-binary cursor in Redis's dict.c.

type Source = Map<unknown, unknown> | Set<unknown>;

interface Parked {
  source: Source;
  it: Iterator<unknown>;
  pending: IteratorResult<unknown>;
}

export class ScanCursors {
  private table = new Map<bigint, Parked>();
  private nextId: bigint;

  constructor(readonly limit = 16384) {
    // Start somewhere arbitrary so a cursor from before a restart is unlikely to name a new scan.
    this.nextId = BigInt(1 + Math.floor(Math.random() * 0x7fffffff)) << 16n;
  }

  get size(): number {
    return this.table.size;
  }

  /**
   * Visits up to `count` entries of `source` continuing from `cursor` (0 = start); `visit` receives the
   * Map's [key, value] pairs or the Set's members. Returns the next cursor, 0n when the scan is complete.
   */
  scan<T>(cursor: bigint, source: Map<unknown, unknown> | Set<unknown>, count: number, visit: (entry: T) => void): bigint {
    let it: Iterator<unknown> | undefined;
    let r: IteratorResult<unknown> | undefined;
    if (cursor !== 0n) {
      const p = this.table.get(cursor);
      if (p !== undefined) {
        this.table.delete(cursor);
        if (p.source === source) {
          it = p.it;
          r = p.pending;
        }
      }
    }
    if (it === undefined) {
      it = source instanceof Map ? source.entries() : source.values();
      r = it.next();
    }
    for (let i = 0; i < count; i++) {
      if (r!.done) return 0n;
      visit(r!.value as T);
      r = it.next();
    }
    if (r!.done) return 0n;
    const id = this.nextId++;
    this.table.set(id, { source, it, pending: r! });
    if (this.table.size > this.limit) {
      const oldest = this.table.keys().next().value as bigint;
      this.table.delete(oldest);
    }
    return id;
  }

  /** Drops every parked iterator over `source` (a flushed dictionary must not stay pinned). */
  forget(source: Map<unknown, unknown> | Set<unknown>): void {
    for (const [id, p] of this.table) if (p.source === source) this.table.delete(id);
  }

  clear(): void {
    this.table.clear();
  }
}
