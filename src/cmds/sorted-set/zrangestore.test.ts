import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZRANGESTORE stores (dropping a TTL), fires "zrangestore", and deletes the destination when empty', () => {
  h.run(['zadd', '{t}s', '1', 'a', '2', 'b']);
  h.run(['set', '{t}d', 'x', 'EX', '100']);
  events.length = 0;
  expect(h.resp(['zrangestore', '{t}d', '{t}s', '0', '0'])).toBe(':1\r\n');
  expect(h.resp(['ttl', '{t}d'])).toBe(':-1\r\n');
  expect(h.resp(['zrangestore', '{t}d', '{t}s', '5', '6'])).toBe(':0\r\n');
  expect(events).toEqual(['zrangestore:{t}d', 'del:{t}d']);
});
