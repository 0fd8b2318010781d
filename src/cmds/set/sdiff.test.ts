import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SDIFF keeps the first set members found in no other set', () => {
  h.run(['sadd', '{t}a', '1', '2', '3', '4']);
  h.run(['sadd', '{t}b', '2']);
  h.run(['sadd', '{t}c', '4', '5']);
  expect(h.resp3(['sdiff', '{t}a', '{t}b', '{t}c', '{t}missing'])).toBe('~2\r\n$1\r\n1\r\n$1\r\n3\r\n');
  expect(h.resp3(['sdiff', '{t}a', '{t}a'])).toBe('~0\r\n');
  expect(h.resp(['sdiff', '{t}missing', '{t}a'])).toBe('*0\r\n');
  h.run(['set', '{t}s', 'v']);
  expect(h.resp(['sdiff', '{t}missing', '{t}s'])).toMatch(/^-WRONGTYPE/);
});

test('SDIFF gives the same answer by either algorithm', () => {
  const big = Array.from({ length: 100 }, (_, i) => `m${i}`);
  h.run(['sadd', '{t}a', ...big]);
  h.run(['sadd', '{t}b', 'm1', 'm2']);
  h.run(['sadd', '{t}c', 'm3']);
  // 3 sets: work estimates 150 vs 103 select the add-then-remove algorithm.
  const r = h.run(['sdiff', '{t}a', '{t}b', '{t}c']) as { items: string[] };
  expect(r.items.length).toBe(97);
  expect(r.items).not.toContain('m1');
  expect(r.items).not.toContain('m3');
});
