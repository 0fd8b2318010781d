// Decoding one value of a given RDB type byte into a neutral form (rdbLoadObject in Redis's rdb.c):
// strings as latin1 JS strings, lists/sets as arrays, sorted sets as parallel member/score arrays,
// hashes as flat field/value arrays, streams as RdbStream. Every RDB 1-11 encoding is accepted; module
// values are refused with a clear reason.
import type { Cursor } from './cursor.js';
import { QUICKLIST_NODE, RDB_TYPE, rdbTypeName } from './constants.js';
import { BlobError, decodeIntset, decodeListpack, decodeZiplist, decodeZipmap } from './blobs.js';
import { readStream, type RdbStream } from './stream.js';
import { parseDouble } from '../../util/number.js';

export type RdbValue =
  | { type: 'string'; value: string }
  | { type: 'list'; items: string[] }
  | { type: 'set'; members: string[] }
  | { type: 'zset'; members: string[]; scores: number[] }
  | { type: 'hash'; pairs: string[] }
  | { type: 'stream'; stream: RdbStream };

export type RdbValueType = RdbValue['type'];

/** The Redis type a type byte stands for, or null when it is not a known value type. */
export function valueTypeOf(t: number): RdbValueType | 'module' | null {
  switch (t) {
    case RDB_TYPE.STRING: return 'string';
    case RDB_TYPE.LIST: case RDB_TYPE.LIST_ZIPLIST: case RDB_TYPE.LIST_QUICKLIST: case RDB_TYPE.LIST_QUICKLIST_2: return 'list';
    case RDB_TYPE.SET: case RDB_TYPE.SET_INTSET: case RDB_TYPE.SET_LISTPACK: return 'set';
    case RDB_TYPE.ZSET: case RDB_TYPE.ZSET_2: case RDB_TYPE.ZSET_ZIPLIST: case RDB_TYPE.ZSET_LISTPACK: return 'zset';
    case RDB_TYPE.HASH: case RDB_TYPE.HASH_ZIPMAP: case RDB_TYPE.HASH_ZIPLIST: case RDB_TYPE.HASH_LISTPACK: return 'hash';
    case RDB_TYPE.STREAM_LISTPACKS: case RDB_TYPE.STREAM_LISTPACKS_2: case RDB_TYPE.STREAM_LISTPACKS_3: return 'stream';
    case RDB_TYPE.MODULE_PRE_GA: case RDB_TYPE.MODULE_2: return 'module';
    default: return null;
  }
}

/** Decodes a packed blob read at `at`, turning structural problems into an RdbError there. */
function blob(c: Cursor, at: number, what: string, decode: (b: Buffer) => string[]): string[] {
  const b = c.stringBytes();
  try {
    return decode(b);
  } catch (e) {
    if (e instanceof BlobError) c.fail(`${what} integrity check failed: ${e.message}`, at);
    throw e;
  }
}

function scoreOf(c: Cursor, s: string, at: number): number {
  const v = parseDouble(s);
  if (v === null) c.fail(`Invalid sorted set score '${s}'`, at);
  return v;
}

function pairsToZset(c: Cursor, flat: string[], at: number): RdbValue {
  if (flat.length % 2 !== 0) c.fail('Sorted set blob has an odd number of elements', at);
  const n = flat.length / 2;
  const members = new Array<string>(n);
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    members[i] = flat[2 * i];
    scores[i] = scoreOf(c, flat[2 * i + 1], at);
  }
  return { type: 'zset', members, scores };
}

/** Reads the value of type byte `t` at the cursor. */
export function readValue(c: Cursor, t: number): RdbValue {
  const at = c.pos;
  switch (t) {
    case RDB_TYPE.STRING:
      return { type: 'string', value: c.string() };
    case RDB_TYPE.LIST: {
      // Arrays grow as elements arrive: a corrupt length must end in an EOF error, not a huge allocation.
      const n = c.len();
      const items: string[] = [];
      for (let i = 0; i < n; i++) items.push(c.string());
      return { type: 'list', items };
    }
    case RDB_TYPE.SET: {
      const n = c.len();
      const members: string[] = [];
      for (let i = 0; i < n; i++) members.push(c.string());
      return { type: 'set', members };
    }
    case RDB_TYPE.ZSET:
    case RDB_TYPE.ZSET_2: {
      const n = c.len();
      const members: string[] = [];
      const scores: number[] = [];
      for (let i = 0; i < n; i++) {
        members.push(c.string());
        const sAt = c.pos;
        const score = t === RDB_TYPE.ZSET_2 ? c.binaryDouble() : c.asciiDouble();
        if (Number.isNaN(score)) c.fail('Zset with NAN score detected', sAt);
        scores.push(score);
      }
      return { type: 'zset', members, scores };
    }
    case RDB_TYPE.HASH: {
      const n = c.len();
      const pairs: string[] = [];
      for (let i = 0; i < 2 * n; i++) pairs.push(c.string());
      return { type: 'hash', pairs };
    }
    case RDB_TYPE.HASH_ZIPMAP:
      return { type: 'hash', pairs: blob(c, at, 'Zipmap', decodeZipmap) };
    case RDB_TYPE.LIST_ZIPLIST:
      return { type: 'list', items: blob(c, at, 'Ziplist', decodeZiplist) };
    case RDB_TYPE.SET_INTSET:
      return { type: 'set', members: blob(c, at, 'Intset', decodeIntset) };
    case RDB_TYPE.SET_LISTPACK:
      return { type: 'set', members: blob(c, at, 'Listpack', decodeListpack) };
    case RDB_TYPE.ZSET_ZIPLIST:
      return pairsToZset(c, blob(c, at, 'Ziplist', decodeZiplist), at);
    case RDB_TYPE.ZSET_LISTPACK:
      return pairsToZset(c, blob(c, at, 'Listpack', decodeListpack), at);
    case RDB_TYPE.HASH_ZIPLIST:
    case RDB_TYPE.HASH_LISTPACK: {
      const pairs = t === RDB_TYPE.HASH_ZIPLIST ? blob(c, at, 'Ziplist', decodeZiplist) : blob(c, at, 'Listpack', decodeListpack);
      if (pairs.length % 2 !== 0) c.fail('Hash blob has an odd number of elements', at);
      return { type: 'hash', pairs };
    }
    case RDB_TYPE.LIST_QUICKLIST:
    case RDB_TYPE.LIST_QUICKLIST_2: {
      const nodes = c.len();
      const items: string[] = [];
      for (let i = 0; i < nodes; i++) {
        let container: number = QUICKLIST_NODE.PACKED;
        if (t === RDB_TYPE.LIST_QUICKLIST_2) {
          const cAt = c.pos;
          container = c.len();
          if (container !== QUICKLIST_NODE.PACKED && container !== QUICKLIST_NODE.PLAIN) c.fail(`Quicklist integrity check failed: unknown node container ${container}`, cAt);
        }
        const nAt = c.pos;
        if (container === QUICKLIST_NODE.PLAIN) {
          items.push(c.string());
          continue;
        }
        const elems = t === RDB_TYPE.LIST_QUICKLIST ? blob(c, nAt, 'Ziplist', decodeZiplist) : blob(c, nAt, 'Listpack', decodeListpack);
        // Redis skips empty nodes written by some older versions.
        for (let k = 0; k < elems.length; k++) items.push(elems[k]);
      }
      return { type: 'list', items };
    }
    case RDB_TYPE.STREAM_LISTPACKS:
      return { type: 'stream', stream: readStream(c, 1) };
    case RDB_TYPE.STREAM_LISTPACKS_2:
      return { type: 'stream', stream: readStream(c, 2) };
    case RDB_TYPE.STREAM_LISTPACKS_3:
      return { type: 'stream', stream: readStream(c, 3) };
    case RDB_TYPE.MODULE_PRE_GA:
    case RDB_TYPE.MODULE_2:
      c.fail('Module values are not supported (no modules are loaded)', at - 1);
    default:
      c.fail(`Unknown RDB encoding type ${t} (${rdbTypeName(t)})`, at - 1);
  }
}

/** Number of elements a decoded value holds (0 means an empty aggregate, which Redis refuses). */
export function valueSize(v: RdbValue): number {
  switch (v.type) {
    case 'string': return 1;
    case 'list': return v.items.length;
    case 'set': return v.members.length;
    case 'zset': return v.members.length;
    case 'hash': return v.pairs.length / 2;
    case 'stream': return 1;
  }
}
