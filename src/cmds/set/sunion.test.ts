import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SUNION merges sets, missing keys count as empty; intsets answer in ascending order', () => {
  h.run(['sadd', '{t}a', '3', '1']);
  h.run(['sadd', '{t}b', '2', '3']);
  expect(h.resp3(['sunion', '{t}a', '{t}b', '{t}missing'])).toBe('~3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n');
  expect(h.resp(['sunion', '{t}missing'])).toBe('*0\r\n');
  h.run(['set', '{t}s', 'v']);
  expect(h.resp(['sunion', '{t}a', '{t}s'])).toMatch(/^-WRONGTYPE/);
});
