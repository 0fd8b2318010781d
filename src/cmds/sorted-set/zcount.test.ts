import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZCOUNT with inclusive, exclusive and infinite bounds', () => {
  expect(h.run(['zcount', 'z', '2', '3'])).toBe(2);
  expect(h.run(['zcount', 'z', '(2', '+inf'])).toBe(2);
  expect(h.run(['zcount', 'z', '3', '2'])).toBe(0);
  expect(h.resp(['zcount', 'z', 'x', '1'])).toBe('-ERR min or max is not a float\r\n');
});
