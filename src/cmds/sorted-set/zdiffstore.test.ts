import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZDIFFSTORE stores the difference', () => {
  h.run(['zadd', 'y', '10', 'a']);
  expect(h.run(['zdiffstore', 'd', '2', 'z', 'y'])).toBe(3);
  expect(h.run(['zrange', 'd', '0', '-1'])).toEqual(['b', 'c', 'd']);
});
