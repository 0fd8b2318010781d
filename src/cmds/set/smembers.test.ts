import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SMEMBERS is a RESP3 set, an array in RESP2; an intset in ascending order', () => {
  h.run(['sadd', 's', '10', '-3', '2']);
  expect(h.resp(['smembers', 's'])).toBe('*3\r\n$2\r\n-3\r\n$1\r\n2\r\n$2\r\n10\r\n');
  expect(h.resp3(['smembers', 's'])).toBe('~3\r\n$2\r\n-3\r\n$1\r\n2\r\n$2\r\n10\r\n');
  expect(h.resp3(['smembers', 'missing'])).toBe('~0\r\n');
  expect(h.resp(['smembers', 'missing'])).toBe('*0\r\n');
});

test('SMEMBERS of a listpack keeps insertion order, after removals too', () => {
  h.run(['sadd', 'l', 'c', 'a', 'b', 'd']);
  h.run(['srem', 'l', 'a']);
  expect(h.run(['smembers', 'l'])).toMatchObject({ items: ['c', 'b', 'd'] });
  h.run(['set', 'k', 'v']);
  expect(h.resp(['smembers', 'k'])).toMatch(/^-WRONGTYPE/);
});
