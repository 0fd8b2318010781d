import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HEXISTS', () => {
  h.run(['hset', 'h', 'a', '1']);
  expect(h.resp(['hexists', 'h', 'a'])).toBe(':1\r\n');
  expect(h.resp(['hexists', 'h', 'b'])).toBe(':0\r\n');
  expect(h.resp(['hexists', 'nokey', 'a'])).toBe(':0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hexists', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
