import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => ({ h, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LINSERT puts the element next to the first pivot', () => {
  expect(h.resp(['linsert', 'l', 'before', 'a', 'x'])).toBe(':0\r\n');
  h.run(['rpush', 'l', 'a', 'b', 'a']);
  expect(h.resp(['linsert', 'l', 'BEFORE', 'a', 'x'])).toBe(':4\r\n');
  expect(h.resp(['linsert', 'l', 'after', 'a', 'y'])).toBe(':5\r\n');
  expect(h.resp(['linsert', 'l', 'after', 'zz', 'y'])).toBe(':-1\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['x', 'a', 'y', 'b', 'a']);
  expect(events).toEqual(['rpush:l', 'linsert:l', 'linsert:l']);
});

test('LINSERT checks the position word before the key', () => {
  h.run(['set', 's', 'v']);
  expect(h.resp(['linsert', 's', 'middle', 'a', 'x'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['linsert', 's', 'after', 'a', 'x'])).toMatch(/^-WRONGTYPE/);
});
