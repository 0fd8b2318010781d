import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZDIFF keeps the first set\'s scores; WEIGHTS is not accepted', () => {
  h.run(['zadd', 'y', '10', 'a', '1', 'c']);
  expect(h.run(['zdiff', '2', 'z', 'y'])).toEqual(['b', 'd']);
  expect(h.resp(['zdiff', '2', 'z', 'y', 'WEIGHTS', '1', '1'])).toBe('-ERR syntax error\r\n');
});
