import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE: sets count as score 1, events and encodings', () => {
  h.run(['zadd', '{t}a', '1', 'x', '2', 'y']);
  h.run(['sadd', '{t}s', 'x', 'z']);
  events.length = 0;
  expect(h.resp(['zunionstore', '{t}d', '2', '{t}a', '{t}s', 'WEIGHTS', '2', '0.25'])).toBe(':3\r\n');
  expect(h.resp(['zrange', '{t}d', '0', '-1', 'WITHSCORES'])).toBe(
    '*6\r\n$1\r\nz\r\n$4\r\n0.25\r\n$1\r\nx\r\n$4\r\n2.25\r\n$1\r\ny\r\n$1\r\n4\r\n',
  );
  expect(h.run(['object', 'encoding', '{t}d'])).toBe('listpack');
  expect(h.resp(['zinterstore', '{t}d', '2', '{t}a', '{t}s', 'AGGREGATE', 'MAX'])).toBe(':1\r\n');
  expect(h.resp(['zdiffstore', '{t}d', '2', '{t}a', '{t}a'])).toBe(':0\r\n');
  expect(events).toEqual(['zunionstore:{t}d', 'zinterstore:{t}d', 'del:{t}d']);
  h.run(['hello', '3']);
  expect(h.resp3(['zunion', '1', '{t}a', 'WITHSCORES'])).toBe('*2\r\n*2\r\n$1\r\nx\r\n,1\r\n*2\r\n$1\r\ny\r\n,2\r\n');
});

test('a sum of inf and -inf is 0, as in Redis', () => {
  h.run(['zadd', '{t}a', 'inf', 'x']);
  h.run(['zadd', '{t}b', '-inf', 'x']);
  expect(h.resp(['zunion', '2', '{t}a', '{t}b', 'WITHSCORES'])).toBe('*2\r\n$1\r\nx\r\n$1\r\n0\r\n');
});
