import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LPUSHX only pushes onto an existing list', () => {
  expect(h.resp(['lpushx', 'l', 'a'])).toBe(':0\r\n');
  expect(h.run(['exists', 'l'])).toBe(0);
  expect(events).toEqual([]);
  expect(propagated).toEqual([]);
  h.run(['rpush', 'l', 'z']);
  expect(h.resp(['lpushx', 'l', 'a', 'b'])).toBe(':3\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['b', 'a', 'z']);
  expect(events).toEqual(['rpush:l', 'lpush:l']);
  h.run(['set', 's', 'v']);
  expect(h.resp(['lpushx', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
