import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('SREM removes members and deletes the emptied key', () => {
  h.run(['sadd', 's', 'a', 'b', 'c']);
  expect(h.resp(['srem', 's', 'a', 'zz'])).toBe(':1\r\n');
  expect(h.resp(['srem', 's', 'zz'])).toBe(':0\r\n');
  expect(h.resp(['srem', 's', 'b', 'c', 'b'])).toBe(':2\r\n');
  expect(h.resp(['exists', 's'])).toBe(':0\r\n');
  expect(h.resp(['srem', 's', 'a'])).toBe(':0\r\n');
  expect(events).toEqual(['sadd:s', 'srem:s', 'srem:s', 'del:s']);
  expect(propagated.length).toBe(3);
});

test('SREM refuses other types', () => {
  h.run(['set', 'k', 'v']);
  expect(h.resp(['srem', 'k', 'a'])).toMatch(/^-WRONGTYPE/);
});
