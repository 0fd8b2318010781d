import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HKEYS is an array in both protocols', () => {
  h.run(['hset', 'h', 'a', '1', 'b', '2']);
  expect(h.resp(['hkeys', 'h'])).toBe('*2\r\n$1\r\na\r\n$1\r\nb\r\n');
  expect(h.resp3(['hkeys', 'h'])).toBe('*2\r\n$1\r\na\r\n$1\r\nb\r\n');
  expect(h.resp3(['hkeys', 'nokey'])).toBe('*0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hkeys', 's'])).toMatch(/^-WRONGTYPE/);
});
