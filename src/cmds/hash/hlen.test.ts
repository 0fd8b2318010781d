import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HLEN', () => {
  h.run(['hset', 'h', 'a', '1', 'b', '2']);
  expect(h.resp(['hlen', 'h'])).toBe(':2\r\n');
  expect(h.resp(['hlen', 'nokey'])).toBe(':0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hlen', 's'])).toMatch(/^-WRONGTYPE/);
});
