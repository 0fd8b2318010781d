import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LPOP without a count: a bulk string, null for a missing key', () => {
  expect(h.resp(['lpop', 'l'])).toBe('$-1\r\n');
  h.run(['rpush', 'l', 'a', 'b']);
  expect(h.resp(['lpop', 'l'])).toBe('$1\r\na\r\n');
  expect(h.resp(['lpop', 'l'])).toBe('$1\r\nb\r\n');
  expect(h.run(['exists', 'l'])).toBe(0);
  expect(events).toEqual(['rpush:l', 'lpop:l', 'lpop:l', 'del:l']);
  expect(propagated.slice(1)).toEqual([['lpop', 'l'], ['lpop', 'l']]);
});

test('LPOP with a count: an array, a null array for a missing key, empty for 0', () => {
  expect(h.resp(['lpop', 'l', '2'])).toBe('*-1\r\n');
  expect(h.resp3(['lpop', 'l', '2'])).toBe('_\r\n');
  h.run(['rpush', 'l', 'a', 'b', 'c']);
  expect(h.resp(['lpop', 'l', '0'])).toBe('*0\r\n');
  expect(h.run(['lpop', 'l', '2'])).toEqual(['a', 'b']);
  expect(h.run(['lpop', 'l', '100'])).toEqual(['c']);
  expect(h.run(['exists', 'l'])).toBe(0);
  expect(h.server.engine.dirty).toBe(6);
});

test('LPOP checks the count before the key', () => {
  h.run(['set', 's', 'v']);
  expect(h.resp(['lpop', 's', '-1'])).toBe('-ERR value is out of range, must be positive\r\n');
  expect(h.resp(['lpop', 'missing', 'x'])).toBe('-ERR value is out of range, must be positive\r\n');
  expect(h.resp(['lpop', 's'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['lpop', 's', '1', '2'])).toBe("-ERR wrong number of arguments for 'lpop' command\r\n");
});
