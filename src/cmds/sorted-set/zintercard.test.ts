import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZINTERCARD with LIMIT', () => {
  h.run(['sadd', 's', 'a', 'b', 'c']);
  expect(h.run(['zintercard', '2', 'z', 's'])).toBe(3);
  expect(h.run(['zintercard', '2', 'z', 's', 'LIMIT', '2'])).toBe(2);
  expect(h.resp(['zintercard', '1', 'z', 'LIMIT', '-1'])).toBe("-ERR LIMIT can't be negative\r\n");
});
