import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZREM fires "zrem" then "del" when the set empties, and counts each removal', () => {
  h.run(['zadd', 'z', '1', 'a', '2', 'b']);
  events.length = 0;
  expect(h.resp(['zrem', 'z', 'a', 'x'])).toBe(':1\r\n');
  expect(h.resp(['zrem', 'z', 'x'])).toBe(':0\r\n');
  expect(h.resp(['zrem', 'z', 'b', 'a'])).toBe(':1\r\n');
  expect(events).toEqual(['zrem:z', 'zrem:z', 'del:z']);
  expect(h.resp(['exists', 'z'])).toBe(':0\r\n');
  expect(h.server.engine.dirty).toBe(4);
});
