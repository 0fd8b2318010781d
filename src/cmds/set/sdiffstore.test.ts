import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => {
  ({ h, events } = harnessWithEffects());
});
afterEach(() => h.close());

const ints = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i));

test('SDIFFSTORE stores the difference and fires "sdiffstore"', () => {
  h.run(['sadd', '{t}a', '1', '2', '3']);
  h.run(['sadd', '{t}b', '2']);
  events.length = 0;
  expect(h.resp(['sdiffstore', '{t}d', '{t}a', '{t}b'])).toBe(':2\r\n');
  expect(events).toEqual(['sdiffstore:{t}d']);
  expect(h.resp(['sdiffstore', '{t}d', '{t}a', '{t}a'])).toBe(':0\r\n');
  expect(events.at(-1)).toBe('del:{t}d');
});

test('SDIFFSTORE result encoding depends on the algorithm, as in Redis', () => {
  h.run(['sadd', '{t}a', ...ints(0, 600)]);
  h.run(['sadd', '{t}b', ...ints(0, 100)]);
  h.run(['sadd', '{t}c', ...ints(100, 100)]);
  // Add-then-remove: the result passes 512 members on the way, so it stays a hashtable.
  expect(h.resp(['sdiffstore', '{t}d', '{t}a', '{t}b', '{t}c'])).toBe(':400\r\n');
  expect(h.run(['object', 'encoding', '{t}d'])).toBe('hashtable');
  // Walk-and-probe: only the 400 kept members are added.
  expect(h.resp(['sdiffstore', '{t}e', '{t}a', '{t}b'])).toBe(':500\r\n');
  expect(h.run(['object', 'encoding', '{t}e'])).toBe('intset');
});
