// Estimated bytes keys and values take in this process's heap: MEMORY USAGE and the used_memory
// accounting that eviction runs on (src/keyspace/accounting.ts). The figures model V8's layout on a
// 64-bit build with pointer compression off, calibrated against the live heap after a full collection
// (test/eviction/accounting-heap.test.ts):
// - a one-byte string is a 16-byte header plus its bytes rounded up to 8;
// - a Map (OrderedHashMap) costs 28 bytes per slot of its power-of-two capacity (three words of entry,
//   half a bucket word), so a Map is charged by its capacity, not its size;
// - a JS array grown by pushes carries about 20% slack; a Buffer is its bytes plus about 80 of object.
// Aggregates are sampled like Redis's objectComputeSize: element strings of `samples` elements (0 =
// all) scaled to the size; the structure around them follows each datatype's layout.
import { MutableString, type RValue } from './value.js';
import { ListValue } from '../datatypes/list.js';
import { HashValue } from '../datatypes/hash.js';
import { SetValue } from '../datatypes/set.js';
import { ZsetValue } from '../datatypes/zset.js';
import { StreamValue } from '../datatypes/stream.js';

const WORD = 8;
/** One Map/Set entry's share at a typical fill: what MEMORY USAGE charges a key for its dict entry. */
const MAP_ENTRY = 3 * WORD + WORD;
const MAP_SLOT = 28;
const MAP_HEADER = 48;
const OBJECT = 4 * WORD;
const BUFFER = 80;
/** A heap number (expiry times and most scores are not small integers). */
const HEAP_NUMBER = 16;
/** Fixed cost of each aggregate's own objects (measured, see the header). */
const LIST_BASE = 136;
const HASH_SMALL_BASE = 112;
const HASH_INDEXED_BASE = 380;
const SET_BASE = 100;
const ZSET_BASE = 700;
/** A stream node's object, master ID and master fields beside its listpack Buffer. */
const STREAM_NODE = 300;
const STREAM_BASE = 256;
/** Hashes of at most this many fields keep one flat array (src/datatypes/hash.ts). */
const HASH_SMALL = 16;
const LIST_MIN_CAPACITY = 8;

export function stringBytes(s: string): number {
  return 16 + ((s.length + 7) & ~7);
}

/** 2^e without Math.pow (which `2 ** e` becomes when e is not a constant). */
function pow2(e: number): number {
  return e < 31 ? 1 << e : 2 ** e;
}

/** Smallest power of two at or above n (n >= 1). */
function ceilPow2(n: number): number {
  return n <= 1 ? 1 : pow2(32 - Math.clz32(n - 1));
}

/** Power-of-two capacity a JS Map holding n entries has (it starts at 4 and doubles when full). */
function mapCapacity(n: number): number {
  return n <= 4 ? 4 : ceilPow2(n);
}

/** A Map holding n entries: its header and its capacity's slots. */
export function mapBytes(n: number): number {
  return MAP_HEADER + MAP_SLOT * mapCapacity(n);
}

/** A JS array of n slots grown by pushes. */
function arrayBytes(n: number): number {
  return 16 + WORD * Math.ceil(n * 1.2);
}

/** The key's own share for MEMORY USAGE: its string, its dict entry and its slot in the sampling array. */
export function keyBytes(key: string, hasExpire: boolean): number {
  return stringBytes(key) + MAP_ENTRY + WORD + (hasExpire ? MAP_ENTRY + HEAP_NUMBER : 0);
}

/**
 * What the accounting remembers in a big aggregate of its last sampling: [size then, string bytes per
 * element, re-prices since]. Re-pricing after every write to a big value would sample its elements
 * every time; while its size stays within 1/32 of the sampled size the per-element figure is reused,
 * and it is sampled again every 32 re-prices anyway (values overwritten in place change it too). Kept
 * in the value itself: a side table (a WeakMap) cost a hash lookup on every write.
 */
export interface PriceMemo {
  priceMemo: [number, number, number] | null;
}
/** Aggregates smaller than this are always sampled again (cheap, and a few elements move the average). */
const CACHED_FROM = 256;
/** The size may drift by 1/SIZE_DRIFT of the sampled size, for at most CACHE_REUSE re-prices. */
const SIZE_DRIFT = 32;
const CACHE_REUSE = 32;

/** The string bytes of an aggregate of n elements scaled from its memo, or -1 when it must be sampled. */
function fromMemo(v: PriceMemo, n: number): number {
  if (n < CACHED_FROM) return -1;
  const c = v.priceMemo;
  if (c !== null && Math.abs(n - c[0]) * SIZE_DRIFT < c[0] && ++c[2] < CACHE_REUSE) return Math.round(c[1] * n);
  return -1;
}

/** Records a sampling in the value's memo; returns the sampled bytes. */
function remember(v: PriceMemo, n: number, strings: number): number {
  if (n < CACHED_FROM) return strings;
  const c = v.priceMemo;
  if (c !== null) {
    c[0] = n;
    c[1] = strings / n;
    c[2] = 0;
  } else v.priceMemo = [n, strings / n, 0];
  return strings;
}

/** Something with elements at positions 0..n-1 (a list, a set, a sorted set by rank). */
interface Positional {
  memberAt(i: number): string;
}

/**
 * The bytes of element strings, from `k` of `n` elements (scaled to n). No closure: it runs after every
 * write to a small aggregate, and a closure over the value would be an allocation each time.
 */
function sampledStrings(v: Positional, n: number, k: number, spread: boolean): number {
  if (n === 0 || k === 0) return 0;
  let sum = 0;
  if (spread && k < n) {
    // Positions spread over the whole value, always the same ones for the same size.
    const step = n / k;
    for (let j = 0; j < k; j++) sum += stringBytes(v.memberAt(Math.floor(j * step)));
  } else {
    for (let i = 0; i < k; i++) sum += stringBytes(v.memberAt(i));
  }
  return k === n ? sum : Math.round((sum / k) * n);
}

/**
 * A value's bytes. samples: how many elements' strings to look at (0 = all); spread: take them from
 * across the value rather than the first ones (the accounting's choice; MEMORY USAGE reads the first);
 * memo: reuse and keep the value's PriceMemo (the accounting, which re-prices after every write).
 */
export function valueBytes(v: RValue, samples: number, spread = false, memo = false): number {
  if (typeof v === 'string') return stringBytes(v);
  if (v instanceof MutableString) return BUFFER + v.buf.length;
  if (v instanceof ListValue) {
    const n = v.length;
    // A long list's nodes are their buffers: known exactly, whatever the elements.
    if (v.isPacked) return LIST_BASE + v.nodeBytes;
    const cap = n <= LIST_MIN_CAPACITY ? LIST_MIN_CAPACITY : ceilPow2(n);
    let strings = memo ? fromMemo(v, n) : -1;
    if (strings < 0) {
      const k = samples <= 0 ? n : Math.min(n, samples);
      strings = sampledStrings(v, n, k, spread);
      if (memo) remember(v, n, strings);
    }
    return LIST_BASE + WORD * cap + strings;
  }
  if (v instanceof HashValue) {
    const n = v.size;
    // The small layout keeps its strings' bytes as they change: exact, and no walk.
    if (n <= HASH_SMALL && v.isListpack && v.isFlat) return HASH_SMALL_BASE + 2 * WORD * n + v.flatBytes;
    let strings = memo ? fromMemo(v, n) : -1;
    if (strings < 0) {
      const k = samples <= 0 ? n : Math.min(n, samples);
      const sum = k > 0 ? v.sampleBytes(k, spread, stringBytes) : 0;
      strings = k === n || k === 0 ? sum : Math.round((sum / k) * n);
      if (memo) remember(v, n, strings);
    }
    if (n <= HASH_SMALL && v.isListpack) return HASH_SMALL_BASE + 2 * WORD * n + strings;
    // The Map, plus the pair pages once random picks moved the hash to its sampled layout.
    return HASH_INDEXED_BASE + mapBytes(n) + (v.isSampled ? arrayBytes(2 * n) : 0) + strings;
  }
  if (v instanceof SetValue) {
    const n = v.size;
    let strings = memo ? fromMemo(v, n) : -1;
    if (strings < 0) {
      const k = samples <= 0 ? n : Math.min(n, samples);
      strings = sampledStrings(v, n, k, spread);
      if (memo) remember(v, n, strings);
    }
    const table = v.encoding() === 'hashtable' ? mapBytes(n) : 0;
    return SET_BASE + table + arrayBytes(n) + strings;
  }
  if (v instanceof ZsetValue) {
    const n = v.size;
    let strings = memo ? fromMemo(v, n) : -1;
    if (strings < 0) {
      const k = samples <= 0 ? n : Math.min(n, samples);
      strings = sampledStrings(v, n, k, spread);
      if (memo) remember(v, n, strings);
    }
    // The member map with its scores, and the ordered blocks (a member array and a score array).
    return ZSET_BASE + mapBytes(n) + HEAP_NUMBER * n + 2 * arrayBytes(n) + strings;
  }
  if (v instanceof StreamValue) return streamBytes(v, samples);
  return OBJECT;
}

/** A stream: its nodes (listpacks in Buffers) and consumer groups with their pending entries. */
function streamBytes(v: StreamValue, samples: number): number {
  const nodes = v.nodes;
  const n = nodes.length;
  const k = samples <= 0 ? n : Math.min(n, Math.max(samples, 2));
  let sum = STREAM_BASE + arrayBytes(n);
  if (n > 0) {
    let lp = 0;
    if (k >= n) for (let i = 0; i < n; i++) lp += nodes[i].lp.length;
    else {
      // The last node is the one growing; the others are full nodes of about the same size.
      const step = (n - 1) / (k - 1);
      for (let j = 0; j < k - 1; j++) lp += nodes[Math.floor(j * step)].lp.length;
      lp = Math.round((lp / (k - 1)) * (n - 1)) + nodes[n - 1].lp.length;
    }
    sum += n * (BUFFER + STREAM_NODE) + lp;
  }
  if (v.groups !== null) {
    for (const g of v.groups.values()) sum += OBJECT + MAP_ENTRY + g.pel.size * (MAP_ENTRY + OBJECT);
  }
  return sum;
}

/** MEMORY USAGE: the key, its value and their bookkeeping. */
export function usageBytes(key: string, v: RValue, hasExpire: boolean, samples: number): number {
  return keyBytes(key, hasExpire) + valueBytes(v, samples);
}
