import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => {
  ({ h, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('HMSET replies OK and notifies hset', () => {
  expect(h.resp(['hmset', 'h', 'a', '1', 'b', '2'])).toBe('+OK\r\n');
  expect(h.run(['hlen', 'h'])).toBe(2);
  expect(events).toEqual(['hset:h']);
  expect(h.resp(['hmset', 'h', 'a', '1', 'b'])).toBe("-ERR wrong number of arguments for 'hmset' command\r\n");
});
