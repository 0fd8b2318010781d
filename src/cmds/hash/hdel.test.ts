import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('HDEL counts removed fields and deletes the key with its last field', () => {
  h.run(['hset', 'h', 'a', '1', 'b', '2', 'c', '3']);
  events.length = 0;
  propagated.length = 0;
  const dirty = h.server.engine.dirty;
  expect(h.resp(['hdel', 'h', 'a', 'x', 'a'])).toBe(':1\r\n');
  expect(h.resp(['hdel', 'h', 'zz'])).toBe(':0\r\n');
  expect(h.resp(['hdel', 'h', 'b', 'c', 'b'])).toBe(':2\r\n');
  expect(h.run(['exists', 'h'])).toBe(0);
  expect(h.server.engine.dirty - dirty).toBe(3);
  expect(events).toEqual(['hdel:h', 'hdel:h', 'del:h']);
  expect(propagated).toEqual([
    ['hdel', 'h', 'a', 'x', 'a'],
    ['hdel', 'h', 'b', 'c', 'b'],
  ]);
});

test('HDEL on a missing key or another type', () => {
  expect(h.resp(['hdel', 'nokey', 'a'])).toBe(':0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hdel', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
