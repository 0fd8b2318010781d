import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
beforeEach(() => {
  h = createHarness();
  propagated = [];
  h.server.engine.onPropagate((_db, argv) => propagated.push(argv));
});
afterEach(() => h.close());

test('SETEX sets value and TTL in seconds, propagated as SET PXAT', () => {
  const now = Date.now();
  expect(h.resp(['setex', 'k', '5', 'v'])).toBe('+OK\r\n');
  const when = h.server.engine.dbs[0].getExpire('k');
  expect(when - now).toBeGreaterThanOrEqual(5000);
  expect(propagated).toEqual([['SET', 'k', 'v', 'PXAT', String(when)]]);
  h.advanceTime(5001);
  expect(h.run(['get', 'k'])).toBeNull();
});

test('SETEX errors name the command', () => {
  expect(h.resp(['setex', 'k', '0', 'v'])).toBe("-ERR invalid expire time in 'setex' command\r\n");
  expect(h.resp(['setex', 'k', '9223372036854776', 'v'])).toBe("-ERR invalid expire time in 'setex' command\r\n");
  expect(h.resp(['setex', 'k', '1.5', 'v'])).toBe('-ERR value is not an integer or out of range\r\n');
});
