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
  expect(h.resp3(['zincrby', 'z', '1e20', 'a'])).toBe(',100000000000000000000\r\n');
  expect(h.resp(['zincrby', 'z', 'x', 'a'])).toBe('-ERR value is not a valid float\r\n');
  expect(events).toEqual(['zincr:z', 'zincr:z']);
  expect(propagated).toEqual([['zincrby', 'z', '0.5', 'a'], ['zincrby', 'z', '1e20', 'a']]);
});
