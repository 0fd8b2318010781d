import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HVALS is an array in both protocols', () => {
  h.run(['hset', 'h', 'a', '1', 'b', '2']);
  expect(h.resp(['hvals', 'h'])).toBe('*2\r\n$1\r\n1\r\n$1\r\n2\r\n');
  expect(h.resp3(['hvals', 'nokey'])).toBe('*0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hvals', 's'])).toMatch(/^-WRONGTYPE/);
});
