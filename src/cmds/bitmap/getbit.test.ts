import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('GETBIT reads plain and mutable strings, zero past the end or for a missing key', () => {
  h.run(['set', 'k', '\x80\x01']);
  expect(h.run(['getbit', 'k', '0'])).toBe(1);
  expect(h.run(['getbit', 'k', '1'])).toBe(0);
  expect(h.run(['getbit', 'k', '15'])).toBe(1);
  expect(h.run(['getbit', 'k', '16'])).toBe(0);
  expect(h.run(['getbit', 'k', '4294967295'])).toBe(0);
  h.run(['setbit', 'k', '14', '1']);
  expect(h.run(['getbit', 'k', '14'])).toBe(1);
  expect(h.resp(['getbit', 'missing', '3'])).toBe(':0\r\n');
});

test('GETBIT checks the offset before the key', () => {
  h.run(['rpush', 'l', 'a']);
  expect(h.resp(['getbit', 'l', '-1'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['getbit', 'missing', '4294967296'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['getbit', 'l', '1'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
});
