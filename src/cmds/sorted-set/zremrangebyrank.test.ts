import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZREMRANGEBYRANK with negative indexes', () => {
  expect(h.run(['zremrangebyrank', 'z', '-2', '-1'])).toBe(2);
  expect(h.run(['zrange', 'z', '0', '-1'])).toEqual(['a', 'b']);
});
