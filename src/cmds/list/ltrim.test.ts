import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LTRIM keeps the inclusive range', () => {
  h.run(['rpush', 'l', 'a', 'b', 'c', 'd', 'e']);
  expect(h.resp(['ltrim', 'l', '1', '-2'])).toBe('+OK\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['b', 'c', 'd']);
  expect(h.resp(['ltrim', 'l', '-100', '100'])).toBe('+OK\r\n');
  expect(h.run(['llen', 'l'])).toBe(3);
  expect(events).toEqual(['rpush:l', 'ltrim:l', 'ltrim:l']);
  expect(propagated.length).toBe(2);
});

test('LTRIM to an empty range deletes the key', () => {
  h.run(['rpush', 'l', 'a', 'b']);
  expect(h.resp(['ltrim', 'l', '2', '1'])).toBe('+OK\r\n');
  expect(h.run(['exists', 'l'])).toBe(0);
  expect(events).toEqual(['rpush:l', 'ltrim:l', 'del:l']);
  expect(h.resp(['ltrim', 'missing', '0', '1'])).toBe('+OK\r\n');
  expect(h.resp(['ltrim', 'missing', 'a', '1'])).toBe('-ERR value is not an integer or out of range\r\n');
});
