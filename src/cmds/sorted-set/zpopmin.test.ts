import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZPOPMIN: flat pair without a count, RESP3 pairs with one; events, deletion, propagation as is', () => {
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c']);
  events.length = 0;
  h.run(['hello', '3']);
  expect(h.resp3(['zpopmin', 'z'])).toBe('*2\r\n$1\r\na\r\n,1\r\n');
  expect(h.resp3(['zpopmin', 'z', '1'])).toBe('*1\r\n*2\r\n$1\r\nb\r\n,2\r\n');
  expect(h.resp3(['zpopmax', 'z', '5'])).toBe('*1\r\n*2\r\n$1\r\nc\r\n,3\r\n');
  expect(events).toEqual(['zpopmin:z', 'zpopmin:z', 'zpopmax:z', 'del:z']);
  expect(propagated.slice(1)).toEqual([['zpopmin', 'z'], ['zpopmin', 'z', '1'], ['zpopmax', 'z', '5']]);
  expect(h.resp(['zpopmin', 'z'])).toBe('*0\r\n');
  expect(h.resp(['zpopmin', 'z', '-1'])).toBe('-ERR value is out of range, must be positive\r\n');
});
