// used_memory against the heap the dataset really occupies: the live V8 heap after DEBUG GC with the
// data, less the same without it, compared with how much INFO's used_memory moved. The accounting must
// stay within 20% of the truth for a million string keys and for moderate aggregates of every type.
import { afterAll, describe, expect, test } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { createHarness } from '../../src/server/harness.js';

const h = createHarness();
afterAll(() => h.close());

function liveHeap(): number {
  h.run(['debug', 'gc']);
  h.run(['debug', 'gc']);
  const s = getHeapStatistics();
  return s.used_heap_size + s.external_memory;
}

function usedMemory(): number {
  return Number(/used_memory:(\d+)/.exec(h.resp(['info', 'memory']))![1]);
}

/** Loads the data, measures both deltas, empties the database again; returns accounted / real. */
function ratio(load: () => void): { real: number; accounted: number; ratio: number } {
  h.run(['flushall']);
  const heap0 = liveHeap();
  const used0 = usedMemory();
  load();
  const heap1 = liveHeap();
  const used1 = usedMemory();
  h.run(['flushall']);
  const real = heap1 - heap0;
  const accounted = used1 - used0;
  return { real, accounted, ratio: accounted / real };
}

const pad = (i: number) => String(i).padStart(8, '0');

/**
 * Arguments as the server's request parser makes them: flat one-byte strings. (A template literal can
 * give a rope of several strings, which would not be what a client's command stores.)
 */
function run(argv: string[]): void {
  h.run(argv.map((a) => Buffer.from(a, 'latin1').latin1Slice()));
}

describe('used_memory tracks the live heap of the dataset', () => {
  test('1,000,000 string keys', () => {
    const r = ratio(() => {
      for (let i = 0; i < 1_000_000; i++) run(['set', `key:${pad(i)}`, `value:${i}:${'x'.repeat(i % 24)}`]);
    });
    expect(r.real).toBeGreaterThan(80_000_000);
    expect(r.ratio, JSON.stringify(r)).toBeGreaterThan(0.8);
    expect(r.ratio, JSON.stringify(r)).toBeLessThan(1.2);
  }, 600_000);

  test('1,000,000 string keys with a TTL', () => {
    const r = ratio(() => {
      for (let i = 0; i < 1_000_000; i++) run(['set', `key:${pad(i)}`, `v${i}`, 'EX', String(10_000 + i)]);
    });
    expect(r.ratio, JSON.stringify(r)).toBeGreaterThan(0.8);
    expect(r.ratio, JSON.stringify(r)).toBeLessThan(1.2);
  }, 600_000);

  const KEYS = 10_000;
  const N = 50;
  const cases: Array<[string, (i: number) => string[]]> = [
    ['hashes', (i) => ['hset', `h:${pad(i)}`, ...Array.from({ length: N }, (_, j) => [`field:${j}`, `value:${i}:${j}`]).flat()]],
    ['small hashes', (i) => ['hset', `h:${pad(i)}`, ...Array.from({ length: 8 }, (_, j) => [`field:${j}`, `value:${i}:${j}`]).flat()]],
    ['sets', (i) => ['sadd', `s:${pad(i)}`, ...Array.from({ length: N }, (_, j) => `member:${i}:${j}`)]],
    ['integer sets', (i) => ['sadd', `s:${pad(i)}`, ...Array.from({ length: N }, (_, j) => `${i * 1000 + j}`)]],
    ['large sets', (i) => ['sadd', `s:${pad(i)}`, ...Array.from({ length: 4 * N }, (_, j) => `member:${i}:${j}`)]],
    ['sorted sets', (i) => ['zadd', `z:${pad(i)}`, ...Array.from({ length: N }, (_, j) => [`${j * 1.5 + i}`, `member:${i}:${j}`]).flat()]],
    ['lists', (i) => ['rpush', `l:${pad(i)}`, ...Array.from({ length: N }, (_, j) => `element:${i}:${j}`)]],
  ];
  // Long lists are packed into nodes: 500 keys of 2,000 elements, pushed one at a time from both ends
  // as a queue is, and one list of a million.
  cases.push(['long lists', (i) => ['rpush', `l:${pad(i % 500)}`, ...Array.from({ length: 100 }, (_, j) => `element:${i}:${j}`)]]);
  for (const [name, argv] of cases) {
    test(`${KEYS.toLocaleString('en')} ${name}`, () => {
      const r = ratio(() => {
        for (let i = 0; i < KEYS; i++) run(argv(i));
      });
      expect(r.ratio, JSON.stringify(r)).toBeGreaterThan(0.8);
      expect(r.ratio, JSON.stringify(r)).toBeLessThan(1.2);
    }, 300_000);
  }

  test('a list of 1,000,000 elements', () => {
    const r = ratio(() => {
      for (let i = 0; i < 500_000; i++) run(['lpush', 'big', `element:${i}`]);
      for (let i = 0; i < 500_000; i++) run(['rpush', 'big', `${i}`]);
    });
    expect(r.ratio, JSON.stringify(r)).toBeGreaterThan(0.8);
    expect(r.ratio, JSON.stringify(r)).toBeLessThan(1.2);
  }, 300_000);

  test('streams', () => {
    const r = ratio(() => {
      for (let i = 0; i < 200; i++) for (let j = 0; j < 500; j++) run(['xadd', `x:${i}`, '*', 'field', `value:${j}`]);
    });
    expect(r.ratio, JSON.stringify(r)).toBeGreaterThan(0.8);
    expect(r.ratio, JSON.stringify(r)).toBeLessThan(1.2);
  }, 300_000);
});
