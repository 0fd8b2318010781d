import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LPUSH prepends each element in turn and replies with the length', () => {
  expect(h.resp(['lpush', 'l', 'a', 'b', 'c'])).toBe(':3\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['c', 'b', 'a']);
  expect(h.resp(['lpush', 'l', '\x00\xff'])).toBe(':4\r\n');
  expect(h.run(['lindex', 'l', '0'])).toBe('\x00\xff');
  expect(events).toEqual(['lpush:l', 'lpush:l']);
  expect(propagated).toEqual([['lpush', 'l', 'a', 'b', 'c'], ['lpush', 'l', '\x00\xff']]);
  expect(h.server.engine.dirty).toBe(4);
});

test('LPUSH refuses other types and starts small lists as listpack', () => {
  h.run(['set', 's', 'v']);
  expect(h.resp(['lpush', 's', 'a'])).toMatch(/^-WRONGTYPE/);
  h.run(['lpush', 'l', 'a']);
  expect(h.run(['object', 'encoding', 'l'])).toBe('listpack');
  expect(h.run(['type', 'l'])).toEqual(expect.objectContaining({ text: 'list' }));
});
