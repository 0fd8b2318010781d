import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HGETALL is a flat array in RESP2 and a map in RESP3, in insertion order', () => {
  h.run(['hset', 'h', 'a', '1', 'b', '2', 'c', '3']);
  h.run(['hdel', 'h', 'a']);
  h.run(['hset', 'h', 'a', '4']);
  expect(h.resp(['hgetall', 'h'])).toBe('*6\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\na\r\n$1\r\n4\r\n');
  expect(h.resp3(['hgetall', 'h'])).toBe('%3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\na\r\n$1\r\n4\r\n');
  expect(h.resp(['hgetall', 'nokey'])).toBe('*0\r\n');
  expect(h.resp3(['hgetall', 'nokey'])).toBe('%0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hgetall', 's'])).toMatch(/^-WRONGTYPE/);
});
