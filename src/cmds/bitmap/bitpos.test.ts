import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('BITPOS finds set and clear bits in byte and bit ranges', () => {
  h.run(['set', 's', '\xff\xf0\x00']);
  expect(h.run(['bitpos', 's', '0'])).toBe(12);
  expect(h.run(['bitpos', 's', '1', '2'])).toBe(-1);
  expect(h.run(['bitpos', 's', '1', '7', '15', 'bit'])).toBe(7);
  expect(h.run(['bitpos', 's', '0', '3', '10', 'BIT'])).toBe(-1);
  expect(h.run(['bitpos', 's', '0', '3', '12', 'BIT'])).toBe(12);
  expect(h.run(['bitpos', 's', '1', '5', '3'])).toBe(-1);
});

test('BITPOS 0 on all ones: just past the end without an end, -1 with one', () => {
  h.run(['set', 'ones', '\xff\xff']);
  expect(h.run(['bitpos', 'ones', '0'])).toBe(16);
  expect(h.run(['bitpos', 'ones', '0', '1'])).toBe(16);
  expect(h.run(['bitpos', 'ones', '0', '0', '-1'])).toBe(-1);
  expect(h.run(['bitpos', 'ones', '0', '0', '-1', 'bit'])).toBe(-1);
});

test('BITPOS on missing keys, empty strings and bad arguments', () => {
  expect(h.run(['bitpos', 'missing', '0'])).toBe(0);
  expect(h.run(['bitpos', 'missing', '1'])).toBe(-1);
  expect(h.run(['bitpos', 'missing', '1', 'x'])).toBe(-1);
  expect(h.resp(['bitpos', 'missing', '2'])).toBe('-ERR The bit argument must be 1 or 0.\r\n');
  h.run(['set', 'e', '']);
  expect(h.run(['bitpos', 'e', '0'])).toBe(-1);
  h.run(['set', 's', 'a']);
  expect(h.resp(['bitpos', 's', '1', '0', '1', 'bits'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['bitpos', 's', '1', '0', '1', 'bit', 'x'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['bitpos', 's', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
});

test('BITPOS scans a large mutable bitmap', () => {
  h.run(['setbit', 'big', '7999999', '1']);
  expect(h.run(['bitpos', 'big', '1'])).toBe(7999999);
  expect(h.run(['bitpos', 'big', '0', '999999'])).toBe(7999992);
});
