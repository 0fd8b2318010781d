import { expect, test } from 'vitest';
import { ZsetValue } from './zset.js';

const LIMITS = { listpackEntries: 128, listpackValue: 64 };

function model(z: ZsetValue): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  z.forEach((m, s) => out.push([m, s]));
  return out;
}

function sortedEntries(map: Map<string, number>): Array<[string, number]> {
  return Array.from(map.entries()).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

test('keeps score then byte order, ranks and positions through many random changes', () => {
  const z = ZsetValue.create(0, 0, LIMITS);
  const ref = new Map<string, number>();
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let step = 0; step < 20000; step++) {
    const m = `m${rnd(3000)}`;
    const op = rnd(10);
    if (op < 6) {
      const s = rnd(50) - 25;
      z.set(m, s, LIMITS);
      ref.set(m, s);
    } else if (op < 9) {
      expect(z.delete(m)).toBe(ref.delete(m));
    } else if (ref.size > 10) {
      const from = rnd(ref.size - 5);
      const removed = z.removeRange(from, from + 3);
      for (const [rm] of removed) ref.delete(rm);
    }
  }
  const want = sortedEntries(ref);
  expect(model(z)).toEqual(want);
  expect(z.size).toBe(want.length);
  for (let i = 0; i < want.length; i += 7) {
    expect(z.at(i)).toEqual(want[i]);
    expect(z.rank(want[i][0])).toBe(i);
  }
  expect(z.range(5, 1, true).map((e) => e[0])).toEqual([want[5], want[4], want[3], want[2], want[1]].map((e) => e[0]));
  expect(z.firstRank((s) => s >= 0)).toBe(want.findIndex((e) => e[1] >= 0));
  expect(z.rank('absent')).toBe(-1);
});

test('encoding: listpack until a limit is passed, never back; clone is independent', () => {
  const z = ZsetValue.create(1, 1, LIMITS);
  for (let i = 0; i < 128; i++) z.set(`m${i}`, i, LIMITS);
  expect(z.encoding()).toBe('listpack');
  z.set('m128', 1, LIMITS);
  expect(z.encoding()).toBe('skiplist');
  z.delete('m128');
  expect(z.encoding()).toBe('skiplist');
  expect(ZsetValue.create(1, 65, LIMITS).encoding()).toBe('skiplist');
  const small = ZsetValue.create(1, 1, LIMITS);
  small.set('x'.repeat(65), 1, LIMITS);
  expect(small.encoding()).toBe('skiplist');
  const c = z.clone();
  c.set('new', 0.5, LIMITS);
  expect(z.score('new')).toBeUndefined();
  expect(c.rank('new')).toBe(1);
  expect(c.type).toBe('zset');
});

test('byte order for binary members and equal scores', () => {
  const z = ZsetValue.create(0, 0, LIMITS);
  for (const m of ['b', 'a\xff', 'a', '', 'a\x00']) z.set(m, 1, LIMITS);
  expect(model(z).map((e) => e[0])).toEqual(['', 'a', 'a\x00', 'a\xff', 'b']);
});

test('maybeConvert: a listpack told to expect more than the entry limit becomes a skiplist', () => {
  const z = ZsetValue.create(1, 1, LIMITS);
  z.maybeConvert(128, LIMITS);
  expect(z.encoding()).toBe('listpack');
  z.maybeConvert(129, LIMITS);
  expect(z.encoding()).toBe('skiplist');
});
