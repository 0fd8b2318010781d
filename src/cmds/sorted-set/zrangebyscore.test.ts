import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZRANGEBYSCORE with LIMIT; REV is not an option here', () => {
  expect(h.run(['zrangebyscore', 'z', '(1', '+inf', 'LIMIT', '1', '2'])).toEqual(['c', 'd']);
  expect(h.resp(['zrangebyscore', 'z', '1', '2', 'REV'])).toBe('-ERR syntax error\r\n');
});
