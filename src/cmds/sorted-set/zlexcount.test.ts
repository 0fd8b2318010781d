import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZLEXCOUNT over equal scores', () => {
  h.run(['zadd', 'l', '0', 'a', '0', 'b', '0', 'c']);
  expect(h.run(['zlexcount', 'l', '-', '+'])).toBe(3);
  expect(h.run(['zlexcount', 'l', '(a', '[c'])).toBe(2);
  expect(h.resp(['zlexcount', 'l', 'a', '+'])).toBe('-ERR min or max not valid string range item\r\n');
});
