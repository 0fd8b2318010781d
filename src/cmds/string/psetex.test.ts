import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('PSETEX sets a TTL in milliseconds', () => {
  expect(h.resp(['psetex', 'k', '1500', 'v'])).toBe('+OK\r\n');
  h.advanceTime(1000);
  expect(h.run(['get', 'k'])).toBe('v');
  h.advanceTime(600);
  expect(h.run(['get', 'k'])).toBeNull();
});

test('PSETEX errors', () => {
  expect(h.resp(['psetex', 'k', '-1', 'v'])).toBe("-ERR invalid expire time in 'psetex' command\r\n");
  expect(h.resp(['psetex', 'k', '9223372036854775807', 'v'])).toBe("-ERR invalid expire time in 'psetex' command\r\n");
});
