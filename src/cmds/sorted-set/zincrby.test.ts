import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZINCRBY creates the member at the increment and answers doubles', () => {
  expect(h.resp(['zincrby', 'z', '0.5', 'a'])).toBe('$3\r\n0.5\r\n');
  // Past 2^62 Redis 7.2's d2string leaves integers to fpconv_dtoa, which writes 10^20 as 1e+20.
  expect(h.resp3(['zincrby', 'z', '1e20', 'a'])).toBe(',1e+20\r\n');
  expect(h.resp(['zincrby', 'z', 'x', 'a'])).toBe('-ERR value is not a valid float\r\n');
  expect(events).toEqual(['zincr:z', 'zincr:z']);
  expect(propagated).toEqual([['zincrby', 'z', '0.5', 'a'], ['zincrby', 'z', '1e20', 'a']]);
});
