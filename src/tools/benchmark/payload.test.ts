import { describe, expect, it } from 'vitest';
import { buildPayload, DataGenerator, findPlaceholders, Random, randomizePayload, repeatRequest, writeRandInt } from './payload.js';

describe('__rand_int__ placeholders', () => {
  it('finds every placeholder, also several in one argument', () => {
    const b = Buffer.from('x__rand_int__y__rand_int____rand_int__');
    expect(findPlaceholders(b)).toEqual([1, 14, 26]);
    expect(findPlaceholders(Buffer.from('__rand_int_'))).toEqual([]);
  });

  it('lays out one copy per pipelined command with the offsets of each', () => {
    const p = buildPayload(['SET', 'key:__rand_int__', 'v'], 3);
    const one = '*3\r\n$3\r\nSET\r\n$16\r\nkey:__rand_int__\r\n$1\r\nv\r\n';
    expect(p.bytes.toString()).toBe(one.repeat(3));
    expect(Array.from(p.randOffsets)).toEqual([0, 1, 2].map((i) => i * one.length + one.indexOf('__rand')));
  });

  it('writes 12 zero-padded digits in place', () => {
    const b = Buffer.from('key:__rand_int__!');
    writeRandInt(b, 4, 42);
    expect(b.toString()).toBe('key:000000000042!');
    writeRandInt(b, 4, 999999999999);
    expect(b.toString()).toBe('key:999999999999!');
    writeRandInt(b, 4, 0);
    expect(b.toString()).toBe('key:000000000000!');
  });

  it('re-randomises every placeholder below the keyspace length without reallocating', () => {
    const p = repeatRequest(Buffer.from('*2\r\n$3\r\nGET\r\n$16\r\nkey:__rand_int__\r\n'), 16);
    const before = p.bytes;
    const rng = new Random(7);
    const seen = new Set<string>();
    for (let round = 0; round < 50; round++) {
      randomizePayload(p, rng, 10);
      expect(p.bytes).toBe(before);
      for (const m of p.bytes.toString().matchAll(/key:(\d{12})/g)) {
        expect(Number(m[1])).toBeLessThan(10);
        seen.add(m[1]!);
      }
    }
    expect(seen.size).toBe(10);
  });

  it('keeps the keyspace at 0 when -r is 0', () => {
    const p = buildPayload(['INCR', 'counter:__rand_int__'], 2);
    randomizePayload(p, new Random(1), 0);
    expect(p.bytes.toString()).toContain('counter:000000000000');
    expect(p.bytes.toString()).not.toContain('__rand_int__');
  });
});

describe('Random', () => {
  it('is reproducible from a seed and differs between streams', () => {
    const a = new Random(123);
    const b = new Random(123);
    const c = new Random(123, 1);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('spreads values over the range', () => {
    const r = new Random(99);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 10000; i++) counts[r.below(10)]++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });
});

describe('DataGenerator', () => {
  it("produces redis-benchmark's value bytes (VXK for -d 3)", () => {
    expect(new DataGenerator().next(3).toString()).toBe('VXK');
    // The same bytes redis-benchmark -d 20 stores.
    expect(new DataGenerator().next(20).toString()).toBe('VXKeHogKgJ=[5V9_X^b?');
  });
});
