import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZREVRANK', () => {
  expect(h.run(['zrevrank', 'z', 'd'])).toBe(0);
  expect(h.run(['zrevrank', 'z', 'x'])).toBe(null);
});
