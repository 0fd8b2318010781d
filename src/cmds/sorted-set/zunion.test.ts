import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZUNION sums by default and orders by score', () => {
  h.run(['zadd', 'y', '10', 'a']);
  expect(h.run(['zunion', '2', 'z', 'y'])).toEqual(['b', 'c', 'd', 'a']);
  expect(h.resp(['zunion', '0', 'z'])).toBe("-ERR at least 1 input key is needed for 'zunion' command\r\n");
});
