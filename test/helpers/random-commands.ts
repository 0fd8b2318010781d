// Seeded random command sequences for differential testing. A small key and value space makes commands
// interact (a SET followed by an INCR on the same key, a RENAME onto a key with a TTL, a MOVE into a db that
// holds the key...). Expiry arguments stay either far in the future or in the past so both servers agree
// regardless of the few milliseconds between them; TTL-style replies are compared within a tolerance.
import type { Step } from './differential.js';
import type { Arg } from './resp.js';

/** mulberry32: a tiny deterministic PRNG with a 32-bit state. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The seed from DIFF_SEED (decimal or any string, hashed) or a fixed default. */
export function seedFromEnv(fallback = 20240601): number {
  const s = process.env.DIFF_SEED;
  if (!s) return fallback;
  if (/^\d+$/.test(s)) return Number(s) >>> 0;
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const KEYS = ['k0', 'k1', 'k2', 'k3', '{t}k4', 'k\x00\r\n\xff'];
const VALUES = [
  '', 'a', 'hello', 'world', '0', '1', '-1', '10', '42', '007', ' 7', '3.5', '-0.25', '1e3', '0x1f', 'inf', 'nan',
  '9223372036854775807', '-9223372036854775808', '9223372036854775808', 'x'.repeat(44), 'y'.repeat(45),
  '\x00\r\n\xff\x80', 'héllo',
];
const INTS = ['0', '1', '-1', '2', '5', '100', '-100', '9223372036854775807', '-9223372036854775808', '1.5', 'abc', '', ' 1'];
const FLOATS = ['0', '1', '1.5', '-0.5', '0.1', '1e3', '2.5e-3', '-1e2', 'inf', '-inf', 'nan', '1e308', 'abc', '', '5.0e3'];
const OFFSETS = ['-100', '-5', '-1', '0', '1', '2', '3', '10', '100', 'x', '9223372036854775807'];
const DBS = ['0', '1', '2', '0', '1', '16', '-1', 'x'];
const PATTERNS = ['*', 'k*', 'k?', '*4', '{t}*', 'k[0-2]', 'k[^0]', 'nomatch', '\\{t\\}*', 'k\x00*'];

export interface GenContext {
  /** Now, in seconds and milliseconds, frozen for a run so generated absolute times stay comparable. */
  nowS: number;
  nowMs: number;
  /**
   * Counter making every relative expiry distinct by at least a second. Without it, `SET k v EX 100` then
   * `EXPIRE k 100 GT` would depend on whether a millisecond passed between the two on each server.
   */
  seq: number;
}

export function newContext(): GenContext {
  const nowMs = Date.now();
  return { nowS: Math.floor(nowMs / 1000), nowMs, seq: 0 };
}

type Gen = (r: Rng, c: GenContext) => Step | Arg[];

const key = (r: Rng) => r.pick(KEYS);
const val = (r: Rng) => (r.chance(0.05) ? r.pick(VALUES) + r.pick(VALUES) : r.pick(VALUES));

// Expiry arguments both servers resolve identically: relative ones distinct and in 100..~10000 s, absolute ones
// from 50000 s ahead (never equal to a relative one), or already past, or invalid.
function expireSeconds(r: Rng, c: GenContext): string {
  if (r.chance(0.8)) return String(100 + c.seq++);
  return r.pick(['0', '-1', '-100', 'abc', '1.5', '9223372036854775807']);
}
function expireMillis(r: Rng, c: GenContext): string {
  if (r.chance(0.8)) return String((100 + c.seq++) * 1000 + 500);
  return r.pick(['0', '-1', 'x', '9223372036854775807']);
}
function expireAtSeconds(r: Rng, c: GenContext): string {
  return r.pick([String(c.nowS + 50_000), String(c.nowS + 90_000), '1', '0', String(c.nowS - 10), 'z']);
}
function expireAtMillis(r: Rng, c: GenContext): string {
  return r.pick([String(c.nowMs + 60_000_123), String(c.nowMs + 95_000_000), '1', String(c.nowMs - 5000), 'z']);
}

function setOptions(r: Rng, c: GenContext): Arg[] {
  const out: Arg[] = [];
  if (r.chance(0.3)) {
    const kind = r.int(5);
    if (kind === 0) out.push('EX', expireSeconds(r, c));
    else if (kind === 1) out.push('PX', expireMillis(r, c));
    // SET with an absolute time in the past stores a key that is already logically expired, which DBSIZE
    // counts until active expiry samples it: timing-dependent, so SET only gets future or invalid times.
    else if (kind === 2) out.push('EXAT', r.pick([String(c.nowS + 50_000), String(c.nowS + 70_000), 'z', '-5']));
    else if (kind === 3) out.push('PXAT', r.pick([String(c.nowMs + 55_000_321), 'z', '0']));
    else out.push('KEEPTTL');
  }
  if (r.chance(0.2)) out.push(r.pick(['NX', 'XX', 'nx', 'xx']));
  if (r.chance(0.15)) out.push('GET');
  if (r.chance(0.03)) out.push(r.pick(['EX', 'BOGUS', 'KEEPTTL', 'NX']));
  // Options may come in any order.
  return r.chance(0.3) ? out.reverse() : out;
}

function expireFlags(r: Rng): Arg[] {
  if (!r.chance(0.4)) return [];
  const flags = [r.pick(['NX', 'XX', 'GT', 'LT', 'gt'])];
  if (r.chance(0.15)) flags.push(r.pick(['NX', 'XX', 'GT', 'LT']));
  return flags;
}

const ttlTolerance = { TTL: 1, PTTL: 1500, EXPIRETIME: 1, PEXPIRETIME: 1500 } as const;

/** Command generators and their weights. */
const GENERATORS: Array<[number, Gen]> = [
  [12, (r) => ['GET', key(r)]],
  [12, (r, c) => ['SET', key(r), val(r), ...setOptions(r, c)]],
  [2, (r) => ['SETNX', key(r), val(r)]],
  [2, (r, c) => ['SETEX', key(r), expireSeconds(r, c), val(r)]],
  [2, (r, c) => ['PSETEX', key(r), expireMillis(r, c), val(r)]],
  [3, (r) => ['MGET', ...Array.from({ length: 1 + r.int(4) }, () => key(r))]],
  [2, (r) => ['MSET', ...Array.from({ length: 1 + r.int(3) }, () => [key(r), val(r)]).flat()]],
  [2, (r) => ['MSETNX', ...Array.from({ length: 1 + r.int(3) }, () => [key(r), val(r)]).flat()]],
  [2, (r) => ['GETSET', key(r), val(r)]],
  [2, (r) => ['GETDEL', key(r)]],
  [
    3,
    (r, c) => {
      const opt = r.int(7);
      const tail: Arg[][] = [[], ['EX', expireSeconds(r, c)], ['PX', expireMillis(r, c)], ['EXAT', expireAtSeconds(r, c)],
        ['PXAT', expireAtMillis(r, c)], ['PERSIST'], [r.pick(['KEEPTTL', 'EX', 'BOGUS'])]];
      return ['GETEX', key(r), ...tail[opt]];
    },
  ],
  [4, (r) => ['APPEND', key(r), val(r)]],
  [3, (r) => ['STRLEN', key(r)]],
  [3, (r) => [r.pick(['GETRANGE', 'SUBSTR']), key(r), r.pick(OFFSETS), r.pick(OFFSETS)]],
  [3, (r) => ['SETRANGE', key(r), r.pick(['0', '1', '3', '5', '-1', 'x', '20']), val(r)]],
  [5, (r) => [r.pick(['INCR', 'DECR']), key(r)]],
  [4, (r) => [r.pick(['INCRBY', 'DECRBY']), key(r), r.pick(INTS)]],
  [4, (r) => ['INCRBYFLOAT', key(r), r.pick(FLOATS)]],
  [
    2,
    (r) => {
      const opts = r.pick<Arg[]>([[], ['LEN'], ['IDX'], ['IDX', 'WITHMATCHLEN'], ['IDX', 'MINMATCHLEN', r.pick(['0', '1', '2', '-1'])]]);
      return ['LCS', key(r), key(r), ...opts];
    },
  ],
  [3, (r) => [r.pick(['DEL', 'UNLINK']), ...Array.from({ length: 1 + r.int(3) }, () => key(r))]],
  [3, (r) => ['EXISTS', ...Array.from({ length: 1 + r.int(3) }, () => key(r))]],
  [2, (r) => ['TOUCH', ...Array.from({ length: 1 + r.int(3) }, () => key(r))]],
  [3, (r) => ['TYPE', key(r)]],
  [2, (r) => [r.pick(['RENAME', 'RENAMENX']), key(r), key(r)]],
  [
    2,
    (r) => {
      const opts: Arg[] = [];
      if (r.chance(0.4)) opts.push('DB', r.pick(DBS));
      if (r.chance(0.4)) opts.push('REPLACE');
      return ['COPY', key(r), key(r), ...opts];
    },
  ],
  [2, (r) => ({ argv: ['KEYS', r.pick(PATTERNS)], cmp: 'sorted' })],
  [
    1,
    (r) => {
      const argv: Arg[] = ['SCAN', '0'];
      if (r.chance(0.5)) argv.push('MATCH', r.pick(PATTERNS));
      if (r.chance(0.3)) argv.push('COUNT', r.pick(['1', '2', '100']));
      if (r.chance(0.2)) argv.push('TYPE', r.pick(['string', 'list', 'none']));
      return { argv, scanAll: {} };
    },
  ],
  [3, (r, c) => ['EXPIRE', key(r), expireSeconds(r, c), ...expireFlags(r)]],
  [2, (r, c) => ['PEXPIRE', key(r), expireMillis(r, c), ...expireFlags(r)]],
  [2, (r, c) => ['EXPIREAT', key(r), expireAtSeconds(r, c), ...expireFlags(r)]],
  [2, (r, c) => ['PEXPIREAT', key(r), expireAtMillis(r, c), ...expireFlags(r)]],
  [
    5,
    (r) => {
      const cmd = r.pick(['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME'] as const);
      const tol = ttlTolerance[cmd];
      return tol ? { argv: [cmd, key(r)], cmp: { approx: tol } } : [cmd, key(r)];
    },
  ],
  [2, (r) => ['PERSIST', key(r)]],
  [2, (r) => ['OBJECT', 'ENCODING', key(r)]],
  [1, (r) => ['OBJECT', r.pick(['REFCOUNT', 'FREQ']), key(r)]],
  // Small integers are shared objects whose idle time is the server's uptime: compare the type only.
  [1, (r) => ({ argv: ['OBJECT', 'IDLETIME', key(r)], cmp: 'type' })],
  [1, () => ({ argv: ['RANDOMKEY'], cmp: 'type' })],
  [2, (r) => ['SELECT', r.pick(DBS)]],
  [1, (r) => ['SWAPDB', r.pick(DBS), r.pick(DBS)]],
  [2, (r) => ['MOVE', key(r), r.pick(DBS)]],
  [0.3, (r) => ['FLUSHDB', ...(r.chance(0.3) ? [r.pick(['ASYNC', 'SYNC'])] : [])]],
  [0.2, () => ['FLUSHALL']],
  [2, () => ['DBSIZE']],
  [1, (r) => (r.chance(0.5) ? ['PING'] : ['PING', val(r)])],
  [1, (r) => ['ECHO', val(r)]],
  [0.5, () => ['CLIENT', 'GETNAME']],
  [0.5, (r) => ['CLIENT', 'SETNAME', r.pick(['conn', '', 'a b', 'x-1'])]],
  [0.5, (r) => [r.pick(['NOSUCHCMD', 'GETT', 'SETX']), key(r)]],
];

const TOTAL_WEIGHT = GENERATORS.reduce((s, [w]) => s + w, 0);

/** Generates the next command of a sequence. */
export function randomCommand(r: Rng, c: GenContext): Step {
  let x = r.next() * TOTAL_WEIGHT;
  for (const [w, g] of GENERATORS) {
    x -= w;
    if (x < 0) {
      const out = g(r, c);
      return Array.isArray(out) ? { argv: out } : out;
    }
  }
  const last = GENERATORS[GENERATORS.length - 1][1](r, c);
  return Array.isArray(last) ? { argv: last } : last;
}

/** Commands now covered by the generator (documentation for reports). */
export const RANDOM_COMMANDS = [
  'GET', 'SET', 'SETNX', 'SETEX', 'PSETEX', 'MGET', 'MSET', 'MSETNX', 'GETSET', 'GETDEL', 'GETEX', 'APPEND', 'STRLEN',
  'GETRANGE', 'SUBSTR', 'SETRANGE', 'INCR', 'DECR', 'INCRBY', 'DECRBY', 'INCRBYFLOAT', 'LCS', 'DEL', 'UNLINK',
  'EXISTS', 'TOUCH', 'TYPE', 'RENAME', 'RENAMENX', 'COPY', 'KEYS', 'SCAN', 'EXPIRE', 'PEXPIRE', 'EXPIREAT',
  'PEXPIREAT', 'TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME', 'PERSIST', 'OBJECT', 'RANDOMKEY', 'SELECT', 'SWAPDB',
  'MOVE', 'FLUSHDB', 'FLUSHALL', 'DBSIZE', 'PING', 'ECHO', 'CLIENT',
];
