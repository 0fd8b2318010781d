// The 80-bit long double emulation: known values, rounding corners, and seeded random sums compared
// with INCRBYFLOAT on the real redis-server (which computes with the x87 unit).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addLongDouble, formatLongDouble, parseLongDouble, roundToLongDouble, type LongDouble } from './long-double.js';
import { startRedis, type RunningServer } from '../../../test/helpers/servers.js';
import { RespConnection, encodeCommand } from '../../../test/helpers/resp.js';

function ld(s: string): LongDouble {
  const v = parseLongDouble(s);
  if (v === null) throw new Error(`not a long double: ${s}`);
  return v;
}

/** What INCRBYFLOAT replies for a key holding `a` incremented by `b` (null for either error). */
function incrbyfloat(a: string, b: string): string | null {
  const x = parseLongDouble(a);
  const y = parseLongDouble(b);
  if (x === null || y === null) return null;
  const s = addLongDouble(x, y);
  return s === null ? null : formatLongDouble(s);
}

describe('parseLongDouble', () => {
  test('accepts strtold forms', () => {
    expect(ld('1').mant).toBe(1n << 63n);
    expect(ld('1').exp).toBe(-63);
    expect(formatLongDouble(ld('.5'))).toBe('0.5');
    expect(formatLongDouble(ld('5.'))).toBe('5');
    expect(formatLongDouble(ld('+3'))).toBe('3');
    expect(formatLongDouble(ld('-2.5e2'))).toBe('-250');
    expect(formatLongDouble(ld('0x10'))).toBe('16');
    expect(formatLongDouble(ld('0X.8P1'))).toBe('1');
    expect(formatLongDouble(ld('0x1p-2'))).toBe('0.25');
    expect(ld('inf').inf).toBe(true);
    expect(ld('-Infinity').neg).toBe(true);
    expect(ld('0e-99999').mant).toBe(0n);
  });
  test('refuses what string2ld refuses', () => {
    for (const s of ['', ' 1', '1 ', '\t1', 'abc', '1e', '1e+', '0x', '0xg', 'nan', 'NaN', '-nan', 'infinit', '1.5\0', '\0',
      '1e5000', '-1e5000', '1e-5000', '0x1p20000', '0x1p-20000', '1'.repeat(5120), '--1', '+-1', '1..2', '.', 'e5']) {
      expect(parseLongDouble(s), JSON.stringify(s)).toBeNull();
    }
    expect(parseLongDouble('0'.repeat(5118) + '1')).not.toBeNull();
  });
  test('range limits: largest finite, subnormals, underflow to zero', () => {
    expect(parseLongDouble('1.18973149535723176502e4932')).not.toBeNull();
    expect(parseLongDouble('1.18973149535723176509e4932')).toBeNull();
    // The smallest subnormal is 2^-16445 (about 3.6e-4951); half of it rounds to even (zero).
    expect(ld('3.6e-4951').mant).toBe(1n);
    expect(ld('3.6e-4951').exp).toBe(-16445);
    expect(parseLongDouble('1.8e-4951')).toBeNull();
    expect(ld('1.9e-4951').mant).toBe(1n);
  });
  test('round half to even on parse', () => {
    // 2^64 + 1 is exactly between two long doubles; 2^64 + 3 rounds up.
    expect(ld(String(2n ** 64n + 1n)).mant).toBe(1n << 63n);
    expect(ld(String(2n ** 64n + 3n)).mant).toBe((1n << 63n) + 2n);
    expect(ld(String(2n ** 64n + 2n)).mant).toBe((1n << 63n) + 1n);
  });
});

describe('roundToLongDouble', () => {
  test('carries into the exponent and overflows to infinity', () => {
    const r = roundToLongDouble(false, (1n << 65n) - 1n, 0);
    expect(r.mant).toBe(1n << 63n);
    expect(r.exp).toBe(2);
    expect(roundToLongDouble(false, 1n, 16384).inf).toBe(true);
    expect(roundToLongDouble(false, (1n << 64n) - 1n, 16320).inf).toBe(false);
  });
  test('sticky bits break ties upward', () => {
    expect(roundToLongDouble(false, (1n << 64n) + 1n, 0, false).mant).toBe(1n << 63n);
    expect(roundToLongDouble(false, (1n << 64n) + 1n, 0, true).mant).toBe((1n << 63n) + 1n);
  });
});

describe('formatLongDouble and sums', () => {
  test('known INCRBYFLOAT results', () => {
    expect(incrbyfloat('10.5', '0.1')).toBe('10.6');
    expect(incrbyfloat('0.1', '0.2')).toBe('0.3');
    expect(incrbyfloat('5.0e3', '2.0e2')).toBe('5200');
    // 1e30 is not exact in binary: every digit of the nearest long double is printed.
    expect(incrbyfloat('0', '1e30')).toBe('1000000000000000000024696061952');
    expect(incrbyfloat('0', '1.7976931348623157e308')?.slice(0, 40)).toBe('1797693134862315699959210467741044340483');
    expect(incrbyfloat('0', '1.7976931348623157e308')?.length).toBe(309);
    expect(incrbyfloat('1.7976931348623157e308', '1.7976931348623157e308')?.slice(0, 30)).toBe('359538626972463139991842093548');
    expect(incrbyfloat('1e4932', '1e4932')).toBeNull();
    expect(incrbyfloat('inf', '1')).toBeNull();
    expect(incrbyfloat('1', '-inf')).toBeNull();
    expect(incrbyfloat('-3', '1.25')).toBe('-1.75');
    expect(incrbyfloat('-0', '-0')).toBe('0');
    expect(incrbyfloat('0', '-0.000000000000000001')).toBe('0');
    expect(incrbyfloat('0', '-0.00000000000000001')).toBe('-0.00000000000000001');
    expect(incrbyfloat('1', '-1')).toBe('0');
    expect(incrbyfloat('0', '1e-4940')).toBe('0');
    expect(incrbyfloat('9223372036854775807', '1')).toBe('9223372036854775808');
    expect(incrbyfloat('0', '123456789.123456789123456789')).toBe('123456789.12345678912242875');
  });
  test('printf ties round to even', () => {
    expect(incrbyfloat('0', '0.000003814697265625')).toBe('0.00000381469726562');
    expect(incrbyfloat('0', '0.000011444091796875')).toBe('0.00001144409179688');
  });
  test('very large values print every integer digit', () => {
    expect(incrbyfloat('0', '1e4000')?.length).toBe(4000);
    expect(incrbyfloat('0', '-1e4000')?.length).toBe(4001);
  });
});

/** A small deterministic generator (mulberry32) so failures can be replayed. */
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

function randomNumberText(r: () => number): string {
  const pick = r();
  const sign = r() < 0.4 ? '-' : r() < 0.1 ? '+' : '';
  const nd = 1 + Math.floor(r() * (r() < 0.2 ? 30 : 12));
  let digits = '';
  for (let i = 0; i < nd; i++) digits += String(Math.floor(r() * 10));
  if (pick < 0.35) {
    const dot = Math.floor(r() * (nd + 1));
    return sign + (digits.slice(0, dot) || '0') + '.' + (digits.slice(dot) || '0');
  }
  if (pick < 0.7) {
    const e = Math.floor(r() * 60) - 30;
    return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${e}`;
  }
  if (pick < 0.8) {
    const e = Math.floor(r() * 9000) - 4500;
    return `${sign}${digits}e${e}`;
  }
  if (pick < 0.9) return sign + digits;
  const hex = Math.floor(r() * 0xffffffff).toString(16);
  return `${sign}0x${hex}p${Math.floor(r() * 200) - 100}`;
}

describe('against redis-server INCRBYFLOAT', () => {
  let redis: RunningServer;
  let conn: RespConnection;
  beforeAll(async () => {
    redis = await startRedis();
    conn = await RespConnection.open(redis.port);
  });
  afterAll(async () => {
    conn?.close();
    await redis?.stop();
  });

  async function compare(pairs: Array<[string, string]>): Promise<void> {
    const reqs: Buffer[] = [];
    for (const [a, b] of pairs) {
      reqs.push(encodeCommand(['set', 'f', a]), encodeCommand(['incrbyfloat', 'f', b]));
    }
    conn.write(Buffer.concat(reqs));
    for (const [a, b] of pairs) {
      await conn.read();
      const raw = (await conn.read()).toString('latin1');
      const expected = raw.startsWith('-') ? null : raw.slice(raw.indexOf('\r\n') + 2, -2);
      expect(incrbyfloat(a, b), `${a} + ${b}`).toBe(expected);
    }
  }

  test('seeded random pairs', async () => {
    const r = rng(20240607);
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < 3000; i++) pairs.push([randomNumberText(r), randomNumberText(r)]);
    await compare(pairs);
  });

  test('a running total re-parses its own printed form', async () => {
    const r = rng(99);
    conn.write(encodeCommand(['del', 'acc']));
    await conn.read();
    let ours = '0';
    for (let i = 0; i < 400; i++) {
      const step = randomNumberText(r).replace(/e(-?)\d+$/, (_m, s: string) => `e${s}${Math.floor(r() * 20)}`);
      conn.write(encodeCommand(['incrbyfloat', 'acc', step]));
      const raw = (await conn.read()).toString('latin1');
      if (raw.startsWith('-')) {
        expect(incrbyfloat(ours, step), `${ours} + ${step}`).toBeNull();
        continue;
      }
      const expected = raw.slice(raw.indexOf('\r\n') + 2, -2);
      expect(incrbyfloat(ours, step), `${ours} + ${step}`).toBe(expected);
      ours = expected;
    }
  });

  test('sums that nearly cancel and values near the edges', async () => {
    const r = rng(7);
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < 500; i++) {
      const a = randomNumberText(r);
      const tweak = `${a.startsWith('-') ? '' : '-'}${a.replace(/^[+-]/, '')}`;
      pairs.push([a, tweak + (r() < 0.5 ? '1' : '')]);
    }
    for (const e of [4931, 4932, -4940, -4945, -4950, -4951, 308, 309, -308, -324]) {
      pairs.push([`1.5e${e}`, `2.25e${e}`], [`-1e${e}`, `1.0000001e${e}`], ['1', `1e${e}`]);
    }
    await compare(pairs);
  });
});
