import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZSCORE and ZMSCORE use the 7.2 shortest double form; RESP3 sends doubles', () => {
  h.run(['zadd', 'z', '1.1', 'a', '3', 'b', '-inf', 'c', '-0', 'd', '1e-7', 'e']);
  expect(h.resp(['zscore', 'z', 'a'])).toBe('$3\r\n1.1\r\n');
  expect(h.resp3(['zscore', 'z', 'a'])).toBe(',1.1\r\n');
  expect(h.resp(['zscore', 'z', 'b'])).toBe('$1\r\n3\r\n');
  expect(h.resp3(['zscore', 'z', 'c'])).toBe(',-inf\r\n');
  expect(h.resp(['zscore', 'z', 'd'])).toBe('$1\r\n0\r\n');
  expect(h.resp3(['zscore', 'z', 'nope'])).toBe('_\r\n');
  expect(h.resp(['zmscore', 'z', 'a', 'nope'])).toBe('*2\r\n$3\r\n1.1\r\n$-1\r\n');
  expect(h.resp3(['zmscore', 'missing', 'a'])).toBe('*1\r\n_\r\n');
  expect(propagated).toHaveLength(1);
  expect(events).toEqual(['zadd:z']);
});
