import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZREMRANGEBY* fire their events and "del", counting each member', () => {
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
  events.length = 0;
  expect(h.resp(['zremrangebyrank', 'z', '0', '0'])).toBe(':1\r\n');
  expect(h.resp(['zremrangebyscore', 'z', '(2', '3'])).toBe(':1\r\n');
  expect(h.resp(['zremrangebyscore', 'z', '10', '20'])).toBe(':0\r\n');
  expect(h.resp(['zremrangebylex', 'z', '-', '+'])).toBe(':2\r\n');
  expect(events).toEqual(['zremrangebyrank:z', 'zremrangebyscore:z', 'zremrangebylex:z', 'del:z']);
  expect(h.server.engine.dirty).toBe(8);
});
