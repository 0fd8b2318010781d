import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZADD counts added members (CH adds changed ones), fires "zadd" and counts dirty per change', () => {
  expect(h.resp(['zadd', 'z', '1', 'a', '2', 'b', '1', 'a'])).toBe(':2\r\n');
  expect(h.resp(['zadd', 'z', '1', 'a'])).toBe(':0\r\n');
  expect(h.resp(['zadd', 'z', 'CH', '5', 'a', '3', 'c'])).toBe(':2\r\n');
  expect(events).toEqual(['zadd:z', 'zadd:z']);
  expect(propagated).toEqual([['zadd', 'z', '1', 'a', '2', 'b', '1', 'a'], ['zadd', 'z', 'CH', '5', 'a', '3', 'c']]);
  expect(h.server.engine.dirty).toBe(4);
});

test('ZADD INCR answers the new score in the 7.2 shortest form, propagated as is', () => {
  expect(h.resp(['zadd', 'z', 'INCR', '1.1', 'a'])).toBe('$3\r\n1.1\r\n');
  expect(h.resp3(['zadd', 'z', 'INCR', '2.2', 'a'])).toBe(',3.3000000000000003\r\n');
  expect(events).toEqual(['zincr:z', 'zincr:z']);
  expect(propagated[0]).toEqual(['zadd', 'z', 'INCR', '1.1', 'a']);
  expect(h.resp(['zadd', 'z', 'INCR', 'GT', '-1', 'a'])).toBe('$-1\r\n');
});

test('ZADD XX on a missing key creates nothing; a NaN increment is refused', () => {
  expect(h.resp(['zadd', 'z', 'XX', '1', 'a'])).toBe(':0\r\n');
  expect(h.resp(['exists', 'z'])).toBe(':0\r\n');
  h.run(['zadd', 'z', 'inf', 'a']);
  expect(h.resp(['zadd', 'z', 'INCR', '-inf', 'a'])).toBe('-ERR resulting score is not a number (NaN)\r\n');
  expect(h.resp(['zscore', 'z', 'a'])).toBe('$3\r\ninf\r\n');
});

test('ZADD encoding: listpack within zset-max-listpack-*, skiplist beyond, read at write time', () => {
  h.run(['zadd', 's', '1', 'a']);
  expect(h.run(['object', 'encoding', 's'])).toBe('listpack');
  h.run(['zadd', 'long', '1', 'x'.repeat(65)]);
  expect(h.run(['object', 'encoding', 'long'])).toBe('skiplist');
  h.run(['config', 'set', 'zset-max-listpack-entries', '2']);
  h.run(['zadd', 's', '2', 'b']);
  expect(h.run(['object', 'encoding', 's'])).toBe('listpack');
  h.run(['zadd', 's', '3', 'c']);
  expect(h.run(['object', 'encoding', 's'])).toBe('skiplist');
  h.run(['zrem', 's', 'c']);
  expect(h.run(['object', 'encoding', 's'])).toBe('skiplist');
  expect(h.run(['type', 's'])).toBe(h.run(['type', 'long']));
});
