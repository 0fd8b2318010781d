import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('BZPOPMAX serves at once when a key has members', () => {
  expect(h.resp(['bzpopmax', 'missing', 'z', '1'])).toBe('*3\r\n$1\r\nz\r\n$1\r\nd\r\n$1\r\n4\r\n');
  expect(h.resp(['bzpopmax', 'z', '-1'])).toBe('-ERR timeout is negative\r\n');
});
