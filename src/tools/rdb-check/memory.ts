// What a key read from an RDB file costs in a Redis server's memory, estimated the way MEMORY USAGE
// counts it (objectComputeSize in Redis's object.c, with jemalloc's size classes): the key's dict entry
// and sds, the value object and its encoding's allocations. Also the in-memory encoding name (as OBJECT
// ENCODING reports it) for the stored RDB type, the element count and the largest element's length —
// the columns of rdb-tools' memory report.
import type { RdbKeyRecord } from '../../persistence/rdb/reader.js';
import type { RdbValue } from '../../persistence/rdb/value-reader.js';

/** jemalloc's allocation size for a request of n bytes (4 classes per doubling above 128). */
export function mallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const group = 2 ** Math.floor(Math.log2(n - 1));
  const step = group / 4;
  return Math.ceil(n / step) * step;
}

/** Allocation of an sds string of len bytes (header type chosen by length, as sdsnewlen does). */
function sdsSize(len: number, keyLike = false): number {
  const hdr = len < 32 && (keyLike || len > 0) ? 1 : len < 256 ? 3 : len < 65536 ? 5 : len < 2 ** 32 ? 9 : 17;
  return mallocSize(hdr + len + 1);
}

const ROBJ = 16;
const DICT_ENTRY = 24;
const DICT = 56;
const QUICKLIST = 48;
const QUICKLIST_NODE = 32;
const LP_HEADER = 7; // 6-byte header + end byte
const LIST_NODE_BYTES = 8192; // list-max-listpack-size -2

function isInt64(s: string): boolean {
  if (s.length === 0 || s.length > 20) return false;
  if (!/^(0|-?[1-9][0-9]*)$/.test(s)) return false;
  const v = BigInt(s);
  return v >= -(2n ** 63n) && v < 2n ** 63n;
}

function backlen(n: number): number {
  return n < 128 ? 1 : n < 16384 ? 2 : n < 2097152 ? 3 : n < 268435456 ? 4 : 5;
}

/** Bytes one element takes in a listpack (encoding, data and back-length). */
function lpEntrySize(s: string): number {
  let n: number;
  if (isInt64(s)) {
    const v = Number(s);
    n = v >= 0 && v <= 127 ? 1 : v >= -4096 && v < 4096 ? 2 : v >= -32768 && v < 32768 ? 3 : v >= -8388608 && v < 8388608 ? 4 : v >= -2147483648 && v < 2147483648 ? 5 : 9;
  } else {
    const len = s.length;
    n = (len < 64 ? 1 : len < 4096 ? 2 : 5) + len;
  }
  return n + backlen(n);
}

function lpSize(elems: string[]): number {
  let n = LP_HEADER;
  for (const e of elems) n += lpEntrySize(e);
  return n;
}

/** Expected allocation of a skiplist node: 24 bytes plus 16 per level, level l with probability 0.75 * 0.25^(l-1). */
const SKIPLIST_NODE = (() => {
  let e = 0;
  for (let l = 1; l <= 32; l++) e += 0.75 * 0.25 ** (l - 1) * mallocSize(24 + 16 * l);
  return e;
})();

/**
 * What Redis counts for a stream radix tree of n keys (16-byte IDs): the IDs and a fixed 244 bytes per
 * node. A tree of one key has two nodes; larger trees (keys sharing a prefix) are counted as two per key.
 */
function raxUsage(n: number): number {
  const nodes = n === 0 ? 1 : 2 * n;
  return 16 * n + 244 * nodes;
}

/** Slots of a dict holding n entries after loading (the next power of two, at least 4). */
function dictSlots(n: number): number {
  let s = 4;
  while (s < n) s *= 2;
  return s;
}

function scoreText(s: number): string {
  if (s === Infinity) return 'inf';
  if (s === -Infinity) return '-inf';
  return Number.isInteger(s) && Math.abs(s) < 1e17 ? String(s) : String(s);
}

/** The encoding OBJECT ENCODING reports for a value stored with this RDB type. */
export function memoryEncoding(rec: RdbKeyRecord): string {
  const v = rec.value;
  switch (v.type) {
    case 'string':
      return isInt64(v.value) ? 'int' : v.value.length <= 44 ? 'embstr' : 'raw';
    case 'list':
      return 'quicklist';
    case 'set':
      return rec.encoding === 'set-intset' ? 'intset' : rec.encoding === 'set-listpack' ? 'listpack' : 'hashtable';
    case 'zset':
      return rec.encoding === 'zset-listpack' || rec.encoding === 'zset-ziplist' ? 'listpack' : 'skiplist';
    case 'hash':
      return rec.encoding === 'hash-listpack' || rec.encoding === 'hash-ziplist' || rec.encoding === 'hash-zipmap' ? 'listpack' : 'hashtable';
    case 'stream':
      return 'stream';
  }
}

function valueBytes(v: RdbValue, encoding: string): number {
  switch (v.type) {
    case 'string': {
      const len = v.value.length;
      if (encoding === 'int') return ROBJ;
      if (encoding === 'embstr') return mallocSize(ROBJ + 3 + len + 1);
      return ROBJ + sdsSize(len);
    }
    case 'list': {
      let total = ROBJ + QUICKLIST;
      let node = LP_HEADER;
      for (const item of v.items) {
        const e = lpEntrySize(item);
        if (node > LP_HEADER && node + e > LIST_NODE_BYTES) {
          total += QUICKLIST_NODE + mallocSize(node);
          node = LP_HEADER;
        }
        node += e;
      }
      if (node > LP_HEADER) total += QUICKLIST_NODE + mallocSize(node);
      return total;
    }
    case 'set': {
      const m = v.members;
      if (encoding === 'intset') {
        let width = 2;
        for (const s of m) {
          const n = Number(s);
          if (n < -2147483648 || n > 2147483647) width = 8;
          else if ((n < -32768 || n > 32767) && width < 4) width = 4;
        }
        return ROBJ + mallocSize(8 + width * m.length);
      }
      if (encoding === 'listpack') return ROBJ + mallocSize(lpSize(m));
      let total = ROBJ + DICT + 8 * dictSlots(m.length);
      for (const s of m) total += DICT_ENTRY + sdsSize(s.length);
      return total;
    }
    case 'zset': {
      const { members, scores } = v;
      if (encoding === 'listpack') {
        const flat: string[] = [];
        for (let i = 0; i < members.length; i++) flat.push(members[i], scoreText(scores[i]));
        return ROBJ + mallocSize(lpSize(flat));
      }
      // zset + skiplist + dict + the header node (32 levels), then per member its sds, dict entry and
      // skiplist node (24 bytes + 16 per level; levels are random, so the expected allocation is used).
      let total = ROBJ + 16 + 32 + DICT + 8 * dictSlots(members.length) + mallocSize(24 + 32 * 16);
      for (const m of members) total += sdsSize(m.length) + DICT_ENTRY + SKIPLIST_NODE;
      return Math.round(total);
    }
    case 'hash': {
      const p = v.pairs;
      if (encoding === 'listpack') return ROBJ + mallocSize(lpSize(p));
      let total = ROBJ + DICT + 8 * dictSlots(p.length / 2);
      for (let i = 0; i < p.length; i += 2) total += DICT_ENTRY + sdsSize(p[i].length) + sdsSize(p[i + 1].length);
      return total;
    }
    case 'stream': {
      // As MEMORY USAGE counts a stream: the stream struct, its radix tree (16 bytes per stored ID and a
      // fixed 244 per rax node), each listpack's allocation; per group its struct, PEL tree and NACKs;
      // per consumer its struct, name and PEL tree.
      const s = v.stream;
      let total = ROBJ + 80 + raxUsage(s.nodes.length);
      for (const n of s.nodes) total += mallocSize(n.listpack.length);
      for (const g of s.groups) {
        total += 40 + raxUsage(g.pending.length) + 24 * g.pending.length;
        for (const c of g.consumers) total += 24 + c.name.length + raxUsage(c.pending.length);
      }
      return total;
    }
  }
}

export interface KeyStats {
  /** Estimated bytes, as MEMORY USAGE counts them. */
  size: number;
  encoding: string;
  elements: number;
  largest: number;
}

export function keyStats(rec: RdbKeyRecord): KeyStats {
  const v = rec.value;
  const encoding = memoryEncoding(rec);
  const size = valueBytes(v, encoding) + sdsSize(rec.key.length, true) + DICT_ENTRY;
  let elements = 0;
  let largest = 0;
  const scan = (arr: string[]): void => {
    for (const s of arr) if (s.length > largest) largest = s.length;
  };
  switch (v.type) {
    case 'string':
      elements = v.value.length;
      largest = v.value.length;
      break;
    case 'list':
      elements = v.items.length;
      scan(v.items);
      break;
    case 'set':
      elements = v.members.length;
      scan(v.members);
      break;
    case 'zset':
      elements = v.members.length;
      scan(v.members);
      break;
    case 'hash':
      elements = v.pairs.length / 2;
      scan(v.pairs);
      break;
    case 'stream':
      elements = v.stream.length;
      for (const e of v.stream.entries) scan(e.fields);
      break;
  }
  return { size, encoding, elements, largest };
}
