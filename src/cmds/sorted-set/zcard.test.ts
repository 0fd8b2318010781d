import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZCARD counts members; 0 for a missing key', () => {
  expect(h.run(['zcard', 'z'])).toBe(4);
  expect(h.run(['zcard', 'missing'])).toBe(0);
});
