import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZREVRANGEBYSCORE takes max before min', () => {
  expect(h.run(['zrevrangebyscore', 'z', '3', '(1'])).toEqual(['c', 'b']);
  expect(h.run(['zrevrangebyscore', 'z', '+inf', '-inf', 'LIMIT', '1', '1'])).toEqual(['c']);
});
