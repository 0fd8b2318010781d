import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('BITCOUNT over the whole string, byte ranges and bit ranges', () => {
  h.run(['set', 's', 'foobar']);
  expect(h.run(['bitcount', 's'])).toBe(26);
  expect(h.run(['bitcount', 's', '0', '0'])).toBe(4);
  expect(h.run(['bitcount', 's', '1', '1', 'byte'])).toBe(6);
  expect(h.run(['bitcount', 's', '5', '30', 'BIT'])).toBe(17);
  expect(h.run(['bitcount', 's', '-2', '-1', 'bit'])).toBe(1);
  expect(h.run(['bitcount', 's', '-1', '-5'])).toBe(0);
  expect(h.run(['bitcount', 's', '4', '2'])).toBe(0);
  expect(h.run(['bitcount', 's', '0', '9223372036854775807'])).toBe(26);
});

test('BITCOUNT on a mutable value and on a large value', () => {
  h.run(['setbit', 'm', '100', '1']);
  h.run(['setbit', 'm', '3', '1']);
  expect(h.run(['bitcount', 'm'])).toBe(2);
  expect(h.run(['bitcount', 'm', '4', '100', 'bit'])).toBe(1);
  h.run(['set', 'big', '\xff'.repeat(1 << 20)]);
  expect(h.run(['bitcount', 'big'])).toBe(8 << 20);
  expect(h.run(['bitcount', 'big', '1', '-2', 'bit'])).toBe((8 << 20) - 2);
});

test('BITCOUNT looks the key up before the arguments, as Redis 7 does', () => {
  expect(h.resp(['bitcount', 'missing', '0'])).toBe(':0\r\n');
  expect(h.resp(['bitcount', 'missing', 'x', 'y'])).toBe(':0\r\n');
  h.run(['set', 's', 'a']);
  expect(h.resp(['bitcount', 's', '0'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['bitcount', 's', 'x', '1'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['bitcount', 's', '0', '1', 'bits'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['bitcount', 's', '-1', '-2', 'bits'])).toBe(':0\r\n');
  h.run(['rpush', 'l', 'a']);
  expect(h.resp(['bitcount', 'l', 'x', 'y'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
});
