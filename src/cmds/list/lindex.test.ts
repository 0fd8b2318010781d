import { expect, test } from 'vitest';
import { createHarness } from '../../server/harness.js';

test('LINDEX reads by index from either end; null out of range or for a missing key', () => {
  const h = createHarness();
  expect(h.resp(['lindex', 'missing', 'notanumber'])).toBe('$-1\r\n');
  h.run(['rpush', 'l', 'a', 'b', 'c']);
  expect(h.run(['lindex', 'l', '0'])).toBe('a');
  expect(h.run(['lindex', 'l', '-1'])).toBe('c');
  expect(h.run(['lindex', 'l', '-3'])).toBe('a');
  expect(h.run(['lindex', 'l', '3'])).toBe(null);
  expect(h.run(['lindex', 'l', '-4'])).toBe(null);
  expect(h.resp(['lindex', 'l', '1.5'])).toBe('-ERR value is not an integer or out of range\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['lindex', 's', '0'])).toMatch(/^-WRONGTYPE/);
  h.close();
});
