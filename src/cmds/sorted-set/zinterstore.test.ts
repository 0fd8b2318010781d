import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZINTERSTORE stores and answers the size', () => {
  h.run(['zadd', 'y', '10', 'a']);
  expect(h.run(['zinterstore', 'd', '2', 'z', 'y'])).toBe(1);
  expect(h.resp(['zscore', 'd', 'a'])).toBe('$2\r\n11\r\n');
});
