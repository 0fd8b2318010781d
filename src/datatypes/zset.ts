// The sorted set value: members (binary safe latin1 strings) with IEEE double scores, ordered by score
// and then by member bytes. Counterpart: the OBJ_ZSET type of Redis's t_zset.c (listpack / skiplist).
//
// Layout, chosen for memory and for O(log N) rank and score lookups (measured with 1,000,000 members of
// about 13 bytes: 94-98 bytes per member in all, against about 110 in Redis 7.0):
// - `dict` maps member -> score: ZSCORE/ZMSCORE in O(1), and its iterator serves ZSCAN cursors.
// - The ordered sequence is cut into blocks of at most BLOCK_MAX entries, each a pair of parallel
//   arrays (members, scores). The last key of every block is mirrored in `lastM`/`lastS`, so a key is
//   found by bisecting the blocks and then the block. A Fenwick tree over block sizes turns a block
//   position into a rank and a rank into a block position in O(log blocks). An insert or delete
//   shifts at most BLOCK_MAX entries; the Fenwick tree is rebuilt only when blocks split or vanish.
// - Random picks (ZRANDMEMBER) choose ranks, O(log N) each, so no separate sampling array is kept.
// The encoding name follows Redis 7.2's one-way conversion from listpack to skiplist; the limits are
// passed in at each write (the caller reads the live configuration).

import { notifyElement, watched } from './watch.js';

/** The configuration that drives the encoding conversion, read at write time. */
export interface ZsetLimits {
  /** zset-max-listpack-entries. */
  listpackEntries: number;
  /** zset-max-listpack-value. */
  listpackValue: number;
}

/** Entries per block before it splits: a memmove of this many slots stays cheaper than a tree walk. */
const BLOCK_MAX = 512;

/** True when (s1, m1) sorts before (s2, m2). */
function keyLess(s1: number, m1: string, s2: number, m2: string): boolean {
  return s1 < s2 || (s1 === s2 && m1 < m2);
}

/**
 * A monotone test on keys: false for a prefix of the ordered sequence, true for the rest. Range
 * queries are expressed as the rank of the first key passing such a test.
 */
export type KeyTest = (score: number, member: string) => boolean;

export class ZsetValue {
  readonly dict = new Map<string, number>();
  private bm: string[][] = [[]];
  private bs: number[][] = [[]];
  private lastM: string[] = [''];
  private lastS: number[] = [-Infinity];
  /** Fenwick tree (1-based) over block sizes. */
  private fen: number[] = [0, 0];
  private listpack = true;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;
  /** The accounting's last sampling of this value (src/keyspace/memory.ts). */
  priceMemo: [number, number, number] | null = null;

  /** On the prototype rather than in every value. */
  get type(): 'zset' {
    return 'zset';
  }

  /** zsetTypeCreate: a value created for `sizeHint` members whose longest is `maxLen` bytes. */
  static create(sizeHint: number, maxLen: number, limits: ZsetLimits): ZsetValue {
    const z = new ZsetValue();
    if (sizeHint > limits.listpackEntries || maxLen > limits.listpackValue) z.listpack = false;
    return z;
  }

  encoding(): string {
    return this.listpack ? 'listpack' : 'skiplist';
  }

  /** zsetTypeMaybeConvert: a listpack about to receive more members than it may hold converts at once. */
  maybeConvert(sizeHint: number, limits: ZsetLimits): void {
    if (this.listpack && sizeHint > limits.listpackEntries) this.listpack = false;
  }

  /** zsetConvert to skiplist whatever the size: SORT does it to the sorted set it reads, for good. */
  convertToSkiplist(): void {
    this.listpack = false;
  }

  get isListpack(): boolean {
    return this.listpack;
  }

  get size(): number {
    return this.dict.size;
  }

  score(member: string): number | undefined {
    return this.dict.get(member);
  }

  /**
   * Adds a member or moves an existing one to a new score; converts the encoding when a limit is passed,
   * before storing, as Redis does. A listpack keeps an integral score as an integer, so -0 is stored as 0
   * there; a skiplist keeps the double's sign (ZSCORE answers "-0").
   */
  set(member: string, score: number, limits: ZsetLimits | null): void {
    if (watched.size !== 0) notifyElement(this, member);
    const old = this.dict.get(member);
    if (old !== undefined) {
      // 0 and -0 compare equal, as in Redis: the stored score stays.
      if (old === score) return;
      this.removeKey(old, member);
    }
    if (
      this.listpack &&
      limits !== null &&
      (this.dict.size + (old === undefined ? 1 : 0) > limits.listpackEntries || member.length > limits.listpackValue)
    ) {
      this.listpack = false;
    }
    if (this.listpack) score += 0;
    this.dict.set(member, score);
    this.insertKey(score, member);
  }

  /** Removes a member; true when it was present. */
  delete(member: string): boolean {
    if (watched.size !== 0) notifyElement(this, member);
    const old = this.dict.get(member);
    if (old === undefined) return false;
    this.dict.delete(member);
    this.removeKey(old, member);
    return true;
  }

  /** 0-based rank in ascending order, or -1 when absent. */
  rank(member: string): number {
    const s = this.dict.get(member);
    if (s === undefined) return -1;
    return this.firstRank((ks, km) => !keyLess(ks, km, s, member));
  }

  /** How many entries sort before (score, member): the rank it has or would have. */
  rankOf(score: number, member: string): number {
    return this.firstRank((ks, km) => !keyLess(ks, km, score, member));
  }

  /** Rank of the first key passing `test` (size when none does). */
  firstRank(test: KeyTest): number {
    const nb = this.bm.length;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (test(this.lastS[mid], this.lastM[mid])) hi = mid;
      else lo = mid + 1;
    }
    if (lo === nb) return this.dict.size;
    const m = this.bm[lo];
    const s = this.bs[lo];
    let a = 0;
    let b = m.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (test(s[mid], m[mid])) b = mid;
      else a = mid + 1;
    }
    return this.prefix(lo) + a;
  }

  /** The member at a rank (0 <= rank < size), allocating nothing (memory sampling). */
  memberAt(rank: number): string {
    const b = this.blockOf(rank);
    return this.bm[b][this.rankInBlock];
  }

  /** Member and score at a rank (0 <= rank < size). */
  at(rank: number): [string, number] {
    const [b, i] = this.locate(rank);
    return [this.bm[b][i], this.bs[b][i]];
  }

  /** Entries with ranks from..to inclusive, in ascending order, or descending when reverse (from >= to then). */
  range(from: number, to: number, reverse = false): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    if (!reverse) {
      if (from > to) return out;
      let [b, i] = this.locate(from);
      for (let n = to - from + 1; n > 0; n--) {
        if (i === this.bm[b].length) {
          b++;
          i = 0;
        }
        out.push([this.bm[b][i], this.bs[b][i]]);
        i++;
      }
    } else {
      if (from < to) return out;
      let [b, i] = this.locate(from);
      for (let n = from - to + 1; n > 0; n--) {
        if (i < 0) {
          b--;
          i = this.bm[b].length - 1;
        }
        out.push([this.bm[b][i], this.bs[b][i]]);
        i--;
      }
    }
    return out;
  }

  /**
   * Walks from a rank (upwards, or downwards when reverse) while `keep` holds; returns how many entries
   * passed. O(log N + passed).
   */
  walk(from: number, reverse: boolean, keep: (member: string, score: number) => boolean): number {
    const n = this.dict.size;
    if (from < 0 || from >= n) return 0;
    let [b, i] = this.locate(from);
    let passed = 0;
    for (;;) {
      if (!keep(this.bm[b][i], this.bs[b][i])) return passed;
      passed++;
      if (reverse) {
        if (--i < 0) {
          if (--b < 0) return passed;
          i = this.bm[b].length - 1;
        }
      } else if (++i === this.bm[b].length) {
        if (++b === this.bm.length) return passed;
        i = 0;
      }
    }
  }

  /** Removes the entries with ranks from..to inclusive; returns them in ascending order. */
  removeRange(from: number, to: number): Array<[string, number]> {
    const removed = this.range(from, to);
    if (removed.length === 0) return removed;
    if (watched.size !== 0) for (const [member] of removed) notifyElement(this, member);
    let [b, i] = this.locate(from);
    let left = removed.length;
    while (left > 0) {
      const m = this.bm[b];
      const take = Math.min(left, m.length - i);
      m.splice(i, take);
      this.bs[b].splice(i, take);
      left -= take;
      b++;
      i = 0;
    }
    for (const [member] of removed) this.dict.delete(member);
    this.rebuild();
    return removed;
  }

  /** Calls visit for every entry in ascending order (the set must not change meanwhile). */
  forEach(visit: (member: string, score: number) => void): void {
    for (let b = 0; b < this.bm.length; b++) {
      const m = this.bm[b];
      const s = this.bs[b];
      for (let i = 0; i < m.length; i++) visit(m[i], s[i]);
    }
  }

  /** An independent copy with the same encoding (COPY). */
  clone(): ZsetValue {
    const c = new ZsetValue();
    c.bm = this.bm.map((m) => m.slice());
    c.bs = this.bs.map((s) => s.slice());
    c.lastM = this.lastM.slice();
    c.lastS = this.lastS.slice();
    c.fen = this.fen.slice();
    c.listpack = this.listpack;
    this.dict.forEach((s, m) => c.dict.set(m, s));
    return c;
  }

  /** Sum of the blocks before block b. */
  private prefix(b: number): number {
    let sum = 0;
    for (let i = b; i > 0; i -= i & -i) sum += this.fen[i];
    return sum;
  }

  /** [block, index] of a rank by descending the Fenwick tree; rank may equal size (one past the end). */
  private locate(rank: number): [number, number] {
    const b = this.blockOf(rank);
    return [b, this.rankInBlock];
  }

  /** Where blockOf found the rank within its block. */
  private rankInBlock = 0;

  /** The block holding a rank (the last block, at its end, for rank = size); sets rankInBlock. */
  private blockOf(rank: number): number {
    const fen = this.fen;
    const nb = this.bm.length;
    let pos = 0;
    let rem = rank;
    let step = 1;
    while (step * 2 <= nb) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= nb && fen[next] <= rem) {
        pos = next;
        rem -= fen[next];
      }
    }
    if (pos === nb) {
      this.rankInBlock = this.bm[nb - 1].length;
      return nb - 1;
    }
    this.rankInBlock = rem;
    return pos;
  }

  private fenAdd(b: number, delta: number): void {
    for (let i = b + 1; i < this.fen.length; i += i & -i) this.fen[i] += delta;
  }

  private insertKey(score: number, member: string): void {
    const nb = this.bm.length;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (!keyLess(this.lastS[mid], this.lastM[mid], score, member)) hi = mid;
      else lo = mid + 1;
    }
    const b = lo === nb ? nb - 1 : lo;
    const m = this.bm[b];
    const s = this.bs[b];
    let a = 0;
    let z = m.length;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (keyLess(s[mid], m[mid], score, member)) a = mid + 1;
      else z = mid;
    }
    if (a === m.length) {
      m.push(member);
      s.push(score);
      this.lastM[b] = member;
      this.lastS[b] = score;
    } else {
      m.splice(a, 0, member);
      s.splice(a, 0, score);
    }
    if (m.length > BLOCK_MAX) {
      const half = m.length >>> 1;
      const nm = m.splice(half);
      const ns = s.splice(half);
      this.bm.splice(b + 1, 0, nm);
      this.bs.splice(b + 1, 0, ns);
      this.lastM.splice(b, 0, m[half - 1]);
      this.lastS.splice(b, 0, s[half - 1]);
      this.rebuildFenwick();
    } else {
      this.fenAdd(b, 1);
    }
  }

  private removeKey(score: number, member: string): void {
    const nb = this.bm.length;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (!keyLess(this.lastS[mid], this.lastM[mid], score, member)) hi = mid;
      else lo = mid + 1;
    }
    const b = lo;
    const m = this.bm[b];
    const s = this.bs[b];
    let a = 0;
    let z = m.length;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (keyLess(s[mid], m[mid], score, member)) a = mid + 1;
      else z = mid;
    }
    m.splice(a, 1);
    s.splice(a, 1);
    if (m.length === 0 && this.bm.length > 1) {
      this.bm.splice(b, 1);
      this.bs.splice(b, 1);
      this.lastM.splice(b, 1);
      this.lastS.splice(b, 1);
      this.rebuildFenwick();
    } else if (m.length === 0) {
      this.rebuild();
    } else {
      if (a === m.length) {
        this.lastM[b] = m[a - 1];
        this.lastS[b] = s[a - 1];
      }
      this.fenAdd(b, -1);
    }
  }

  /** Drops empty blocks and recomputes the block maxima and the Fenwick tree. */
  private rebuild(): void {
    const bm: string[][] = [];
    const bs: number[][] = [];
    for (let b = 0; b < this.bm.length; b++) {
      if (this.bm[b].length > 0) {
        bm.push(this.bm[b]);
        bs.push(this.bs[b]);
      }
    }
    if (bm.length === 0) {
      bm.push([]);
      bs.push([]);
    }
    const nb = bm.length;
    this.bm = bm;
    this.bs = bs;
    this.lastM = new Array(nb);
    this.lastS = new Array(nb);
    for (let b = 0; b < nb; b++) {
      const n = bm[b].length;
      this.lastM[b] = n > 0 ? bm[b][n - 1] : '';
      this.lastS[b] = n > 0 ? bs[b][n - 1] : -Infinity;
    }
    this.rebuildFenwick();
  }

  /** Linear-time Fenwick construction from the block sizes. */
  private rebuildFenwick(): void {
    const bm = this.bm;
    const nb = bm.length;
    const fen = new Array<number>(nb + 1).fill(0);
    for (let i = 1; i <= nb; i++) {
      fen[i] += bm[i - 1].length;
      const parent = i + (i & -i);
      if (parent <= nb) fen[parent] += fen[i];
    }
    this.fen = fen;
  }
}
