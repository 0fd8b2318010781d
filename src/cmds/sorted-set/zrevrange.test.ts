import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZREVRANGE counts ranks from the highest score', () => {
  expect(h.run(['zrevrange', 'z', '0', '1'])).toEqual(['d', 'c']);
  expect(h.run(['zrevrange', 'z', '-1', '-1'])).toEqual(['a']);
});
