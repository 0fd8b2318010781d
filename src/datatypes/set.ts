// The set value: unique members (binary safe latin1 strings) with O(1) uniform random picks for
// SPOP/SRANDMEMBER and, once large, O(1) add/remove/membership and a Map whose iterator serves SSCAN.
// Counterpart: the OBJ_SET type of Redis's t_set.c (intset / listpack / hashtable encodings).
//
// The encoding follows Redis 7.2's one-way conversions, and so does the layout, which keeps small sets
// compact (a Map costs about 170 bytes even for three members):
// - intset: `dense` holds canonical int64 strings in ascending numeric order; lookups bisect and
//   inserts splice, as intsetAdd moves memory. At most set-max-intset-entries members.
// - listpack: `dense` in insertion order, lookups scan, deletes close the gap, which is exactly a
//   listpack's order. At most set-max-listpack-entries members of at most set-max-listpack-value bytes.
// - hashtable: `index` maps a member to its position in `dense`; a delete moves the last member into
//   the hole (swap-remove) so `dense` stays a uniform sampling space. Map values are small integers
//   (no object per member) and the member string is shared by both.
// The limits are passed in at each write (the caller reads the live configuration). This class
// satisfies keyspace's TypedValue structurally (datatypes sits below keyspace and imports nothing from it).
import { parseI64, parseSafeInt } from '../util/number.js';
import { notifyElement, watched } from './watch.js';

/** The configuration that drives encoding conversions, read at write time. */
export interface SetLimits {
  /** set-max-intset-entries. */
  intsetEntries: number;
  /** set-max-listpack-entries. */
  listpackEntries: number;
  /** set-max-listpack-value. */
  listpackValue: number;
}

const INTSET = 0;
const LISTPACK = 1;
const HASHTABLE = 2;
type Encoding = typeof INTSET | typeof LISTPACK | typeof HASHTABLE;
const ENCODING_NAMES = ['intset', 'listpack', 'hashtable'];

/** Redis caps the intset size at 2^30 whatever the configuration says (intsetMaxEntries). */
const INTSET_HARD_MAX = 1 << 30;

/** string2ll: could this member live in an intset? */
export function isIntMember(s: string): boolean {
  if (s.length <= 15) return parseSafeInt(s) !== null;
  return parseI64(s) !== null;
}

/** Orders canonical integer strings numerically without converting them (sign, then length, then digits). */
export function compareIntMembers(a: string, b: string): number {
  const na = a.charCodeAt(0) === 45;
  const nb = b.charCodeAt(0) === 45;
  if (na !== nb) return na ? -1 : 1;
  const c = a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return na ? -c : c;
}

export class SetValue {
  /** Members; see the header for the order each encoding keeps. */
  private dense: string[] = [];
  /** member -> position in `dense`, only in the hashtable encoding. */
  private index: Map<string, number> | null = null;
  private enc: Encoding = INTSET;
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;
  /** The accounting's last sampling of this value (src/keyspace/memory.ts). */
  priceMemo: [number, number, number] | null = null;

  /** On the prototype rather than in every value. */
  get type(): 'set' {
    return 'set';
  }

  /**
   * setTypeCreate: the first member and the number of members about to be added decide the starting
   * encoding, so a large SADD goes straight to a hashtable.
   */
  static create(first: string, sizeHint: number, limits: SetLimits): SetValue {
    const s = new SetValue();
    if (isIntMember(first) && sizeHint <= Math.min(limits.intsetEntries, INTSET_HARD_MAX)) return s;
    if (sizeHint <= limits.listpackEntries) s.enc = LISTPACK;
    else s.toHashtable();
    return s;
  }

  /** An empty set in the intset encoding, as Redis starts the result of a STORE operation. */
  static empty(): SetValue {
    return new SetValue();
  }

  /** An empty set already in the hashtable encoding (temporary results of SUNION/SDIFF). */
  static emptyHashtable(): SetValue {
    const s = new SetValue();
    s.toHashtable();
    return s;
  }

  encoding(): string {
    return ENCODING_NAMES[this.enc];
  }

  get isIntset(): boolean {
    return this.enc === INTSET;
  }

  /** intset and listpack sets are small: SSCAN returns them whole in one call. */
  get isSmall(): boolean {
    return this.enc !== HASHTABLE;
  }

  get size(): number {
    return this.dense.length;
  }

  has(member: string): boolean {
    if (this.index !== null) return this.index.has(member);
    if (this.enc === LISTPACK) return this.dense.includes(member);
    return isIntMember(member) && this.bisect(member) >= 0;
  }

  /**
   * setTypeMaybeConvert: before adding `sizeHint` members, a set that would surely outgrow its
   * encoding becomes a hashtable at once (even if the members turn out to be present already).
   */
  maybeConvert(sizeHint: number, limits: SetLimits): void {
    if (
      (this.enc === LISTPACK && sizeHint > limits.listpackEntries) ||
      (this.enc === INTSET && sizeHint > Math.min(limits.intsetEntries, INTSET_HARD_MAX))
    ) {
      this.toHashtable();
    }
  }

  /** setTypeAdd: adds a member, converting the encoding as Redis 7.2 does; true when it was new. */
  add(member: string, limits: SetLimits): boolean {
    if (watched.size !== 0) notifyElement(this, member);
    const dense = this.dense;
    const n = dense.length;
    if (this.enc === INTSET) {
      if (isIntMember(member)) {
        const at = this.bisect(member);
        if (at >= 0) return false;
        if (n + 1 <= Math.min(limits.intsetEntries, INTSET_HARD_MAX)) {
          dense.splice(-at - 1, 0, member);
          return true;
        }
        this.toHashtable();
      } else if (n < limits.listpackEntries && member.length <= limits.listpackValue && this.maxIntLength() <= limits.listpackValue) {
        // The listpack is built by walking the intset, so it starts in ascending order.
        this.enc = LISTPACK;
        dense.push(member);
        return true;
      } else {
        this.toHashtable();
      }
    } else if (this.enc === LISTPACK) {
      if (dense.includes(member)) return false;
      if (n < limits.listpackEntries && member.length <= limits.listpackValue) {
        dense.push(member);
        return true;
      }
      this.toHashtable();
    }
    const index = this.index!;
    if (index.has(member)) return false;
    index.set(member, n);
    dense.push(member);
    return true;
  }

  /** Removes a member; true when it was present. */
  delete(member: string): boolean {
    if (watched.size !== 0) notifyElement(this, member);
    const dense = this.dense;
    const index = this.index;
    if (index === null) {
      const at = this.enc === LISTPACK ? dense.indexOf(member) : isIntMember(member) ? this.bisect(member) : -1;
      if (at < 0) return false;
      dense.splice(at, 1);
      return true;
    }
    const i = index.get(member);
    if (i === undefined) return false;
    index.delete(member);
    const last = dense.length - 1;
    if (i !== last) {
      const moved = dense[last];
      dense[i] = moved;
      index.set(moved, i);
    }
    dense.length = last;
    return true;
  }

  /**
   * Drops the spare capacity arrays keep after growing; callers do it once after a batch of adds to a
   * small set, where the slack would otherwise be a large share of the value.
   */
  trim(): void {
    if (this.index === null) this.dense = this.dense.slice();
  }

  /** A uniformly chosen member (the set must not be empty). */
  random(): string {
    return this.dense[Math.floor(Math.random() * this.dense.length)];
  }

  /** Removes and returns a uniformly chosen member (the set must not be empty). */
  popRandom(): string {
    const m = this.random();
    this.delete(m);
    return m;
  }

  /**
   * `count` distinct members chosen uniformly, 0 < count < size, in random order. Near the set size a
   * partial shuffle of a copy; otherwise rejection sampling of positions (expected O(count)).
   */
  sampleDistinct(count: number): string[] {
    const dense = this.dense;
    const size = dense.length;
    const out: string[] = new Array(count);
    if (count * 3 > size) {
      const copy = dense.slice();
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(Math.random() * (size - i));
        const t = copy[j];
        copy[j] = copy[i];
        copy[i] = t;
        out[i] = t;
      }
      return out;
    }
    const picked = new Set<number>();
    let k = 0;
    while (k < count) {
      const j = Math.floor(Math.random() * size);
      if (picked.has(j)) continue;
      picked.add(j);
      out[k++] = dense[j];
    }
    return out;
  }

  /** The members in Redis's iteration order: ascending for an intset, listpack order, or Map order. */
  /** The member at a position (0 <= n < size), for deterministic size sampling. */
  memberAt(n: number): string {
    return this.dense[n];
  }

  members(): string[] {
    return this.index === null ? this.dense.slice() : Array.from(this.index.keys());
  }

  /** Calls visit for every member in iteration order (the set must not change meanwhile). */
  forEach(visit: (member: string) => void): void {
    if (this.index === null) for (const m of this.dense) visit(m);
    else this.index.forEach((_i, m) => visit(m));
  }

  /**
   * The Map that SCAN cursors iterate: its entries are [member, position]. Only a hashtable has one;
   * a small set (which SSCAN answers whole) gets a throwaway copy.
   */
  get scanSource(): Map<string, number> {
    return this.index ?? new Map(this.dense.map((m, i) => [m, i]));
  }

  /** An independent copy with the same encoding (COPY). */
  clone(): SetValue {
    const c = new SetValue();
    c.dense = this.dense.slice();
    c.index = this.index === null ? null : new Map(this.index);
    c.enc = this.enc;
    return c;
  }

  /** Position of an integer member in the intset, or -(insertion point) - 1 when absent. */
  private bisect(member: string): number {
    const dense = this.dense;
    let lo = 0;
    let hi = dense.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareIntMembers(dense[mid], member);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** The longest decimal form among the intset's members: its extremes, the first and last. */
  private maxIntLength(): number {
    const n = this.dense.length;
    return n === 0 ? 0 : Math.max(this.dense[0].length, this.dense[n - 1].length);
  }

  private toHashtable(): void {
    if (this.index === null) {
      const index = new Map<string, number>();
      const dense = this.dense;
      for (let i = 0; i < dense.length; i++) index.set(dense[i], i);
      this.index = index;
    }
    this.enc = HASHTABLE;
  }
}
