import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => ({ h, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LSET replaces by index from either end', () => {
  expect(h.resp(['lset', 'l', '0', 'x'])).toBe('-ERR no such key\r\n');
  h.run(['rpush', 'l', 'a', 'b', 'c']);
  expect(h.resp(['lset', 'l', '1', 'B'])).toBe('+OK\r\n');
  expect(h.resp(['lset', 'l', '-1', 'C'])).toBe('+OK\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['a', 'B', 'C']);
  expect(h.resp(['lset', 'l', '3', 'x'])).toBe('-ERR index out of range\r\n');
  expect(h.resp(['lset', 'l', '-4', 'x'])).toBe('-ERR index out of range\r\n');
  expect(h.resp(['lset', 'l', 'x', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(events).toEqual(['rpush:l', 'lset:l', 'lset:l']);
  h.run(['set', 's', 'v']);
  expect(h.resp(['lset', 's', '0', 'x'])).toMatch(/^-WRONGTYPE/);
});

test('LSET with a big element converts; a small one converts back', () => {
  h.run(['rpush', 'l', 'a', 'b']);
  h.run(['lset', 'l', '0', 'x'.repeat(9000)]);
  expect(h.run(['object', 'encoding', 'l'])).toBe('quicklist');
  h.run(['lset', 'l', '0', 'a']);
  expect(h.run(['object', 'encoding', 'l'])).toBe('listpack');
});
