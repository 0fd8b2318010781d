import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZREMRANGEBYLEX', () => {
  h.run(['zadd', 'l', '0', 'a', '0', 'b', '0', 'c']);
  expect(h.run(['zremrangebylex', 'l', '(a', '+'])).toBe(2);
  expect(h.run(['zrange', 'l', '0', '-1'])).toEqual(['a']);
});
