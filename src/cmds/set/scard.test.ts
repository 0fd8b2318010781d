import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SCARD counts members; 0 for a missing key', () => {
  h.run(['sadd', 's', 'a', 'b', 'c']);
  expect(h.resp(['scard', 's'])).toBe(':3\r\n');
  expect(h.resp(['scard', 'missing'])).toBe(':0\r\n');
  h.run(['set', 'k', 'v']);
  expect(h.resp(['scard', 'k'])).toMatch(/^-WRONGTYPE/);
});
