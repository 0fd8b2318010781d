// Seeded random commands over lists, hashes, sets and bitmaps, on the same small key space as the string
// generator so types collide on one key (WRONGTYPE paths, DEL/RENAME/COPY of aggregates). Only
// deterministic commands: random picks (SRANDMEMBER, HRANDFIELD) compare by reply type and SPOP is left
// out because it would make the two datasets diverge.
import type { Compare, Step } from './differential.js';
import type { Arg, RespValue } from './resp.js';
import { Rng } from './random-commands.js';

const KEYS = ['k0', 'k1', 'k2', 'k3', '{t}k4', 'k\x00\r\n\xff'];
const ELEMS = ['a', 'b', 'c', '1', '2', '10', '-3', '', 'x y', '\x00\xff', 'long'.repeat(5), '3.5'];
const NUMS = ['0', '1', '-1', '2', '5', '-100', '9223372036854775807', 'abc', '1.5', ''];
const IDX = ['0', '1', '-1', '2', '-2', '5', '-100', '100', 'x'];
const BITS = ['0', '1', '7', '8', '15', '100', '-1', 'x', '4294967295', '4294967296'];
// SETBIT at the last offset (4294967295) grows the value to 512 MB: every later COPY, BITOP or APPEND of it
// then takes seconds on either server, past the per-reply timeout. It stays a GETBIT argument; the 512 MB
// value has its own cases (src/cmds/bitmap/setbit.test.ts, src/cmds/string/lcs.test.ts).
const SET_BITS = BITS.filter((b) => b !== '4294967295').concat('65535');

const key = (r: Rng) => r.pick(KEYS);
const el = (r: Rng) => r.pick(ELEMS);
const some = (r: Rng, f: (r: Rng) => string, max = 3) => Array.from({ length: 1 + r.int(max) }, () => f(r));
const where = (r: Rng) => r.pick(['LEFT', 'RIGHT', 'left', 'MIDDLE']);

/**
 * SORT ALPHA compares with strcoll, which stops at a NUL, so '' and '\x00\xff' tie and keep the order
 * the value iterates in. For a set that order is the 7.2 listpack's (insertion) in cinnabar but the
 * hashtable's in the 7.0 reference (and a hashtable's is seeded at random anyway): elements tying that
 * way are compared as a multiset, the rest of the order exactly.
 */
const SORT_ALPHA: Compare = {
  label: 'ties up to a NUL unordered',
  normalize: (v: RespValue) => {
    if (!v.items) return v.raw.toString('latin1');
    const out: string[] = [];
    let run: string[] = [];
    let runKey: string | null = null;
    for (const it of v.items) {
      const s = it.data?.toString('latin1') ?? '';
      const nul = s.indexOf('\0');
      const k = nul < 0 ? s : s.slice(0, nul);
      if (k !== runKey) {
        out.push(run.sort().join('|'));
        run = [];
        runKey = k;
      }
      run.push(it.raw.toString('latin1'));
    }
    out.push(run.sort().join('|'));
    return `${v.type}${v.items.length}|${out.join('||')}`;
  },
};

type Gen = (r: Rng) => Step | Arg[];

const GENERATORS: Array<[number, Gen]> = [
  // lists
  [4, (r) => [r.pick(['LPUSH', 'RPUSH']), key(r), ...some(r, el)]],
  [1, (r) => [r.pick(['LPUSHX', 'RPUSHX']), key(r), el(r)]],
  [3, (r) => [r.pick(['LPOP', 'RPOP']), key(r), ...(r.chance(0.3) ? [r.pick(NUMS)] : [])]],
  [2, (r) => ['LLEN', key(r)]],
  [3, (r) => ['LRANGE', key(r), r.pick(IDX), r.pick(IDX)]],
  [2, (r) => ['LINDEX', key(r), r.pick(IDX)]],
  [1, (r) => ['LSET', key(r), r.pick(IDX), el(r)]],
  [1, (r) => ['LINSERT', key(r), r.pick(['BEFORE', 'AFTER', 'X']), el(r), el(r)]],
  [1, (r) => ['LREM', key(r), r.pick(IDX), el(r)]],
  [1, (r) => ['LTRIM', key(r), r.pick(IDX), r.pick(IDX)]],
  [1, (r) => ['LPOS', key(r), el(r), ...(r.chance(0.5) ? ['RANK', r.pick(IDX)] : []), ...(r.chance(0.5) ? ['COUNT', r.pick(IDX)] : [])]],
  [1, (r) => ['LMOVE', key(r), key(r), where(r), where(r)]],
  [1, (r) => ['RPOPLPUSH', key(r), key(r)]],
  [1, (r) => ['LMPOP', r.pick(['1', '2', '0']), key(r), key(r), where(r), ...(r.chance(0.5) ? ['COUNT', r.pick(NUMS)] : [])]],
  // hashes
  [4, (r) => ['HSET', key(r), ...some(r, (q) => el(q)).flatMap((f) => [f, el(r)])]],
  [1, (r) => ['HSETNX', key(r), el(r), el(r)]],
  [3, (r) => ['HGET', key(r), el(r)]],
  [1, (r) => ['HMGET', key(r), ...some(r, el)]],
  [2, (r) => ['HDEL', key(r), ...some(r, el)]],
  [1, (r) => [r.pick(['HEXISTS', 'HSTRLEN']), key(r), el(r)]],
  [2, (r) => [r.pick(['HGETALL', 'HKEYS', 'HVALS', 'HLEN']), key(r)]],
  [2, (r) => ['HINCRBY', key(r), el(r), r.pick(NUMS)]],
  [1, (r) => ['HINCRBYFLOAT', key(r), el(r), r.pick(['1', '0.5', '-2.25', 'inf', 'x'])]],
  [1, (r) => ({ argv: ['HRANDFIELD', key(r), r.pick(['1', '-2', '3'])], cmp: 'type' })],
  // sets
  [4, (r) => ['SADD', key(r), ...some(r, el)]],
  [2, (r) => ['SREM', key(r), ...some(r, el)]],
  [2, (r) => ['SISMEMBER', key(r), el(r)]],
  [1, (r) => ['SMISMEMBER', key(r), ...some(r, el)]],
  [2, (r) => ['SCARD', key(r)]],
  [2, (r) => ({ argv: [r.pick(['SMEMBERS', 'SINTER', 'SUNION', 'SDIFF']), key(r), ...(r.chance(0.5) ? [key(r)] : [])], cmp: 'sorted' })],
  [1, (r) => [r.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), key(r), key(r), key(r)]],
  [1, (r) => ['SINTERCARD', '2', key(r), key(r)]],
  [1, (r) => ['SMOVE', key(r), key(r), el(r)]],
  [1, (r) => ({ argv: ['SRANDMEMBER', key(r)], cmp: 'type' })],
  // bitmaps
  [2, (r) => ['SETBIT', key(r), r.pick(SET_BITS), r.pick(['0', '1', '2'])]],
  [2, (r) => ['GETBIT', key(r), r.pick(BITS)]],
  [2, (r) => ['BITCOUNT', key(r), ...(r.chance(0.5) ? [r.pick(IDX), r.pick(IDX)] : [])]],
  [1, (r) => ['BITPOS', key(r), r.pick(['0', '1'])]],
  [1, (r) => ['BITOP', r.pick(['AND', 'OR', 'XOR', 'NOT']), key(r), key(r), ...(r.chance(0.5) ? [key(r)] : [])]],
  // across types
  [2, (r) => ['TYPE', key(r)]],
  [1, (r) => ['COPY', key(r), key(r), ...(r.chance(0.5) ? ['REPLACE'] : [])]],
  [1, (r) => ['RENAME', key(r), key(r)]],
  [1, (r) => ['DEL', key(r)]],
  [
    1,
    (r) => {
      const k = key(r);
      return r.chance(0.5) ? { argv: ['SORT', k, 'ALPHA'], cmp: SORT_ALPHA } : { argv: ['SORT', k], cmp: 'exact' };
    },
  ],
];

const TOTAL = GENERATORS.reduce((s, [w]) => s + w, 0);

export function randomTypeCommand(r: Rng): Step {
  let x = r.next() * TOTAL;
  for (const [w, g] of GENERATORS) {
    x -= w;
    if (x < 0) {
      const out = g(r);
      return Array.isArray(out) ? { argv: out } : out;
    }
  }
  return { argv: ['PING'] };
}
