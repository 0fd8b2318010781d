import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SISMEMBER answers integers in both protocols', () => {
  h.run(['sadd', 's', 'a', '1']);
  expect(h.resp(['sismember', 's', 'a'])).toBe(':1\r\n');
  expect(h.resp3(['sismember', 's', 'b'])).toBe(':0\r\n');
  expect(h.resp(['sismember', 's', '01'])).toBe(':0\r\n');
  expect(h.resp(['sismember', 'missing', 'a'])).toBe(':0\r\n');
  h.run(['set', 'k', 'v']);
  expect(h.resp(['sismember', 'k', 'a'])).toMatch(/^-WRONGTYPE/);
});
