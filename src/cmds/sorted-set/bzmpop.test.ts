import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('BZMPOP checks its arguments before the timeout and serves at once', () => {
  expect(h.resp(['bzmpop', 'x', '0', 'z', 'MIN'])).toBe('-ERR numkeys should be greater than 0\r\n');
  expect(h.resp(['bzmpop', 'x', '1', 'z', 'MIN'])).toBe('-ERR timeout is not a float or out of range\r\n');
  expect(h.resp(['bzmpop', '0', '1', 'z', 'MAX'])).toBe('*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nd\r\n$1\r\n4\r\n');
});
