import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('HSETNX sets only a missing field', () => {
  expect(h.resp(['hsetnx', 'h', 'a', '1'])).toBe(':1\r\n');
  expect(h.resp(['hsetnx', 'h', 'a', '2'])).toBe(':0\r\n');
  expect(h.run(['hget', 'h', 'a'])).toBe('1');
  expect(events).toEqual(['hset:h']);
  expect(propagated).toEqual([['hsetnx', 'h', 'a', '1']]);
});

test('HSETNX converts on a long value only when it writes', () => {
  h.run(['hsetnx', 'h', 'a', '1']);
  h.run(['hsetnx', 'h', 'a', 'x'.repeat(65)]);
  expect(h.run(['object', 'encoding', 'h'])).toBe('listpack');
  h.run(['hsetnx', 'h', 'b', 'x'.repeat(65)]);
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hsetnx', 's', 'a', '1'])).toMatch(/^-WRONGTYPE/);
});
