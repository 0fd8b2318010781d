import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('DECR down to the int64 minimum', () => {
  expect(h.resp(['decr', 'n'])).toBe(':-1\r\n');
  h.run(['set', 'n', '-9223372036854775807']);
  expect(h.resp(['decr', 'n'])).toBe(':-9223372036854775808\r\n');
  expect(h.resp(['decr', 'n'])).toBe('-ERR increment or decrement would overflow\r\n');
});
