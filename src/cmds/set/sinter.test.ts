import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SINTER walks the smallest set; a missing key makes the result empty', () => {
  h.run(['sadd', '{t}a', '1', '2', '3', '4']);
  h.run(['sadd', '{t}b', '4', '2', '9']);
  expect(h.resp3(['sinter', '{t}a', '{t}b'])).toBe('~2\r\n$1\r\n2\r\n$1\r\n4\r\n');
  expect(h.resp(['sinter', '{t}a', '{t}a'])).toBe('*4\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n');
  expect(h.resp3(['sinter', '{t}a', '{t}missing'])).toBe('~0\r\n');
});

test('SINTER checks every key type, even after a missing key', () => {
  h.run(['sadd', '{t}a', 'x']);
  h.run(['set', '{t}s', 'v']);
  expect(h.resp(['sinter', '{t}missing', '{t}s'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['sinter', '{t}s', '{t}a'])).toMatch(/^-WRONGTYPE/);
});
