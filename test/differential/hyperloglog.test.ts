// Differential cases for the HyperLogLog commands against the real redis-server. HLL values are plain
// strings, so every GET of one compares the raw bytes of the sparse or dense layout, the cached
// cardinality included.
import { describe, expect, it } from 'vitest';
import { DiffSession, diffCases, formatMismatches, runCases, useDiffPair, type CaseInput } from '../helpers/differential.js';
import type { Arg } from '../helpers/resp.js';

const pair = useDiffPair();

/** `n` distinct elements named with a prefix, as PFADD commands of at most `chunk` elements. */
function adds(key: string, prefix: string, from: number, to: number, chunk = 1000): CaseInput[] {
  const out: CaseInput[] = [];
  for (let i = from; i < to; i += chunk) {
    const els: string[] = [];
    for (let j = i; j < Math.min(to, i + chunk); j++) els.push(`${prefix}${j}`);
    out.push(['PFADD', key, ...els]);
  }
  return out;
}

/** PFADDs that grow a sparse value step by step, with GET (raw bytes) after each. */
function growAndGet(key: string, prefix: string, steps: number[]): CaseInput[] {
  const out: CaseInput[] = [];
  let at = 0;
  for (const to of steps) {
    out.push(...adds(key, prefix, at, to, 50));
    out.push(['GET', key], ['PFDEBUG', 'ENCODING', key], ['STRLEN', key]);
    at = to;
  }
  return out;
}

const HEADER_DENSE = 'HYLL\x00\x00\x00\x00';
const ZERO_CARD = '\x00'.repeat(8);
const DENSE_REGS = '\x00'.repeat(12288);

describe('hyperloglog: PFADD and the stored bytes', () => {
  diffCases('pfadd basics', pair, [
    ['PFADD', 'h'],
    ['GET', 'h'],
    ['PFADD', 'h'],
    ['PFADD', 'h', 'a', 'b', 'c'],
    ['GET', 'h'],
    ['PFADD', 'h', 'a'],
    ['PFADD', 'h', 'a', 'b', 'c', 'd'],
    ['GET', 'h'],
    ['PFCOUNT', 'h'],
    ['GET', 'h'],
    ['PFCOUNT', 'h'],
    ['PFADD', 'h', 'e'],
    ['GET', 'h'],
    ['PFCOUNT', 'h'],
    ['PFADD', 'bin', '', '\x00', '\xff\xfe', 'a\r\nb', 'x'.repeat(1000), '1234567', '12345678', '123456789'],
    ['GET', 'bin'],
    ['PFCOUNT', 'bin'],
    ['TYPE', 'h'],
    ['OBJECT', 'ENCODING', 'h'],
    ['PFADD'],
    ['PFCOUNT'],
  ]);

  diffCases('sparse growth up to promotion', pair, growAndGet('g', 'grow:', [1, 2, 5, 20, 60, 150, 400, 800, 1200, 1500, 2000, 3000]), {
    timeout: 60_000,
  });

  diffCases('promotion with a small hll-sparse-max-bytes', pair, [
    ['CONFIG', 'SET', 'hll-sparse-max-bytes', '60'],
    ...growAndGet('s', 'small:', [3, 8, 12, 16, 20, 30]),
    ['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000'],
  ]);

  diffCases('dense values', pair, [
    ...adds('d', 'dense:', 0, 5000),
    ['PFDEBUG', 'ENCODING', 'd'],
    ['GET', 'd'],
    ['PFCOUNT', 'd'],
    ['GET', 'd'],
    ['PFADD', 'd', 'dense:1'],
    ['GET', 'd'],
    ...adds('d', 'more:', 0, 3000),
    ['GET', 'd'],
    ['PFCOUNT', 'd'],
    ['GET', 'd'],
  ]);
});

describe('hyperloglog: PFCOUNT', () => {
  diffCases('counts at 10, 1000 and 100000 elements', pair, [
    ...adds('c10', 'c:', 0, 10),
    ['PFCOUNT', 'c10'],
    ['GET', 'c10'],
    ...adds('c1k', 'c:', 0, 1000),
    ['PFCOUNT', 'c1k'],
    ['GET', 'c1k'],
    ...adds('c100k', 'c:', 0, 100_000),
    ['PFCOUNT', 'c100k'],
    ['GET', 'c100k'],
    ['PFCOUNT', 'c10', 'c1k'],
    ['PFCOUNT', 'c10', 'c1k', 'c100k', 'missing'],
    ['PFCOUNT', 'missing', 'missing2'],
    ['PFCOUNT', 'missing'],
    ['EXISTS', 'missing'],
  ], { timeout: 120_000, protocols: [2] });

  diffCases('cached cardinality in the header', pair, [
    ['SET', 'cached', `${HEADER_DENSE}\x2a\x00\x00\x00\x00\x00\x00\x00${DENSE_REGS}`],
    ['PFCOUNT', 'cached'],
    ['SET', 'stale', `${HEADER_DENSE}\x2a\x00\x00\x00\x00\x00\x00\x80${DENSE_REGS}`],
    ['PFCOUNT', 'stale'],
    ['GET', 'stale'],
    ['SET', 'sp', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff'],
    ['PFADD', 'sp', 'x'],
    ['GET', 'sp'],
    ['PFCOUNT', 'sp'],
    ['GET', 'sp'],
    ['OBJECT', 'ENCODING', 'sp'],
  ]);
});

describe('hyperloglog: errors and corrupt values', () => {
  diffCases('not a HyperLogLog', pair, [
    ['SET', 's', 'plain string'],
    ['PFADD', 's', 'a'],
    ['PFCOUNT', 's'],
    ['PFCOUNT', 's', 'x'],
    ['PFMERGE', 's', 'x'],
    ['PFMERGE', 'x', 's'],
    ['EXISTS', 'x'],
    ['PFDEBUG', 'ENCODING', 's'],
    ['SET', 'n', '12345'],
    ['PFADD', 'n', 'a'],
    ['RPUSH', 'l', 'a'],
    ['PFADD', 'l', 'a'],
    ['PFCOUNT', 'l'],
    ['PFCOUNT', 'l', 'n'],
    ['PFMERGE', 'l'],
    ['PFDEBUG', 'GETREG', 'l'],
    ['SET', 'short', 'HYLL\x01\x00\x00'],
    ['PFADD', 'short', 'a'],
    ['SET', 'badenc', 'HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff'],
    ['PFCOUNT', 'badenc'],
    ['SET', 'baddense', `${HEADER_DENSE}${ZERO_CARD}\x00\x00`],
    ['PFCOUNT', 'baddense'],
    ['SET', 'badmagic', 'HYLX\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff'],
    ['PFADD', 'badmagic', 'a'],
  ]);

  diffCases('corrupt sparse values', pair, [
    ['SET', 'empty', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80'],
    ['PFADD', 'empty', 'a'],
    ['PFCOUNT', 'empty'],
    ['PFCOUNT', 'empty', 'other'],
    ['PFMERGE', 'dst', 'empty'],
    ['EXISTS', 'dst'],
    ['PFDEBUG', 'TODENSE', 'empty'],
    ['PFDEBUG', 'DECODE', 'empty'],
    ['SET', 'short', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe'],
    ['PFCOUNT', 'short'],
    ['PFADD', 'short', 'a'],
    ['SET', 'long', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x00'],
    ['PFCOUNT', 'long'],
    ['PFDEBUG', 'GETREG', 'long'],
    ['SET', 'vals', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x8f\x7f\xfb'],
    ['PFCOUNT', 'vals'],
    ['PFDEBUG', 'DECODE', 'vals'],
    ['PFADD', 'vals', 'a', 'b', 'c'],
    ['GET', 'vals'],
  ]);
});

describe('hyperloglog: PFMERGE', () => {
  diffCases('merge sparse and dense', pair, [
    ...adds('{m}a', 'a:', 0, 100),
    ...adds('{m}b', 'b:', 50, 200),
    ['PFMERGE', '{m}ab', '{m}a', '{m}b'],
    ['GET', '{m}ab'],
    ['PFDEBUG', 'ENCODING', '{m}ab'],
    ['PFCOUNT', '{m}ab'],
    ['PFCOUNT', '{m}a', '{m}b'],
    ['GET', '{m}ab'],
    ['PFMERGE', '{m}a', '{m}b'],
    ['GET', '{m}a'],
    ['PFMERGE', '{m}new'],
    ['GET', '{m}new'],
    ['PFMERGE', '{m}new2', '{m}missing'],
    ['GET', '{m}new2'],
    ...adds('{m}big', 'big:', 0, 4000),
    ['PFMERGE', '{m}a', '{m}big'],
    ['PFDEBUG', 'ENCODING', '{m}a'],
    ['GET', '{m}a'],
    ['PFCOUNT', '{m}a'],
    ['PFMERGE', '{m}c', '{m}b', '{m}big'],
    ['GET', '{m}c'],
    ['PFMERGE', '{m}big'],
    ['GET', '{m}big'],
    ...adds('{m}many1', 'x:', 0, 1500),
    ...adds('{m}many2', 'y:', 0, 1500),
    ['PFMERGE', '{m}many', '{m}many1', '{m}many2'],
    ['PFDEBUG', 'ENCODING', '{m}many'],
    ['GET', '{m}many'],
    ['PFCOUNT', '{m}many'],
    ['PFCOUNT', '{m}many1', '{m}many2'],
  ], { timeout: 60_000 });
});

describe('hyperloglog: PFDEBUG and PFSELFTEST', () => {
  diffCases('pfdebug subcommands', pair, [
    ['PFDEBUG', 'ENCODING', 'nokey'],
    ['PFDEBUG', 'FOO', 'nokey'],
    ['PFADD', 'k', 'a', 'b', 'c', 'd', 'e'],
    ['PFDEBUG', 'FOO', 'k'],
    ['PFDEBUG', 'encoding', 'k'],
    ['PFDEBUG', 'DECODE', 'k'],
    ['PFDEBUG', 'GETREG', 'k'],
    ['PFDEBUG', 'ENCODING', 'k'],
    ['GET', 'k'],
    ['PFDEBUG', 'DECODE', 'k'],
    ['PFDEBUG', 'TODENSE', 'k'],
    ['PFADD', 'k2', 'x', 'y'],
    ['PFDEBUG', 'TODENSE', 'k2'],
    ['PFDEBUG', 'TODENSE', 'k2'],
    ['GET', 'k2'],
    ['PFCOUNT', 'k2'],
    ['PFDEBUG', 'GETREG'],
    ['PFDEBUG', 'GETREG', 'k', 'extra'],
  ]);

  // Redis's self test runs for seconds, longer than the default per-reply wait.
  it('pfselftest (RESP2)', async () => {
    const { mismatches } = await runCases(pair(), [['PFSELFTEST'], ['PFSELFTEST', 'x']], { timeoutMs: 30_000, label: 'pfselftest' });
    expect(mismatches.length, `\n${formatMismatches(mismatches)}\n`).toBe(0);
  }, 60_000);
});

describe('hyperloglog: a unique-visitors workload', () => {
  const cases: CaseInput[] = [];
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  days.forEach((day, d) => {
    // Each day sees a different number of visits from a pool of returning and new users.
    const visits = 200 + d * 400;
    for (let i = 0; i < visits; i += 100) {
      const batch: string[] = [];
      for (let j = 0; j < 100; j++) batch.push(`user:${next() % (1000 + d * 800)}`);
      cases.push(['PFADD', `{v}visits:${day}`, ...batch]);
    }
    cases.push(['PFCOUNT', `{v}visits:${day}`], ['GET', `{v}visits:${day}`]);
  });
  cases.push(
    ['PFCOUNT', ...days.map((d) => `{v}visits:${d}`)],
    ['PFMERGE', '{v}visits:week', ...days.map((d) => `{v}visits:${d}`)],
    ['GET', '{v}visits:week'],
    ['PFCOUNT', '{v}visits:week'],
    ['GET', '{v}visits:week'],
    ['PFCOUNT', '{v}visits:mon', '{v}visits:tue'],
    ['PFMERGE', '{v}visits:weekend', '{v}visits:sat', '{v}visits:sun'],
    ['PFCOUNT', '{v}visits:weekend'],
    ['GET', '{v}visits:weekend'],
  );
  diffCases('daily and weekly unique visitors', pair, cases, { timeout: 60_000 });
});

describe('hyperloglog: seeded random sequence', () => {
  const SEED = Number(process.env.DIFF_SEED ?? 20240611);
  const KEYS = ['{r}a', '{r}b', '{r}c', '{r}d'];

  /** mulberry32: small, seedable, good enough to pick commands. */
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('random PFADD / PFMERGE / PFCOUNT / GET keep identical bytes', async () => {
    const r = rng(SEED);
    const int = (n: number): number => Math.floor(r() * n);
    const key = (): string => KEYS[int(KEYS.length)];
    const session = new DiffSession(pair(), { seed: SEED, label: 'hll random', historySize: 12 });
    await session.open();
    try {
      await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
      for (let i = 0; i < 1500 && session.mismatches.length < 10; i++) {
        const pick = int(100);
        let argv: Arg[];
        if (pick < 45) {
          const n = int(10) === 0 ? 150 + int(300) : 1 + int(12);
          const els: string[] = [];
          for (let j = 0; j < n; j++) els.push(`e${int(int(2) ? 500 : 20000)}`);
          argv = ['PFADD', key(), ...els];
        } else if (pick < 60) argv = ['GET', key()];
        else if (pick < 70) argv = ['PFCOUNT', key()];
        else if (pick < 75) argv = ['PFCOUNT', key(), key(), key()];
        else if (pick < 82) argv = ['PFMERGE', key(), key(), key()];
        else if (pick < 86) argv = ['PFDEBUG', ['ENCODING', 'DECODE', 'TODENSE'][int(3)], key()];
        else if (pick < 89) argv = ['DEL', key()];
        else if (pick < 91) argv = ['CONFIG', 'SET', 'hll-sparse-max-bytes', String([0, 20, 40, 100, 400, 3000][int(6)])];
        else argv = ['STRLEN', key()];
        await session.run(argv);
      }
      await session.run({ argv: ['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000'], cmp: 'skip' });
    } finally {
      session.close();
    }
    expect(session.mismatches.length, `\nreplay with DIFF_SEED=${SEED}\n${formatMismatches(session.mismatches, 10)}\n`).toBe(0);
  }, 120_000);
});
