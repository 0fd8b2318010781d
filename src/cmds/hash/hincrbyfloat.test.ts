import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('HINCRBYFLOAT adds as a long double and propagates as HSET with the result', () => {
  expect(h.resp(['hincrbyfloat', 'h', 'f', '10.5'])).toBe('$4\r\n10.5\r\n');
  expect(h.resp(['hincrbyfloat', 'h', 'f', '0.1'])).toBe('$4\r\n10.6\r\n');
  expect(h.resp3(['hincrbyfloat', 'h', 'f', '-0.6'])).toBe('$2\r\n10\r\n');
  expect(h.run(['hget', 'h', 'f'])).toBe('10');
  expect(h.run(['hincrby', 'h', 'f', '1'])).toBe(11);
  expect(h.run(['hincrbyfloat', 'h', 'g', '5.0e3'])).toBe('5000');
  expect(propagated.slice(0, 3)).toEqual([
    ['HSET', 'h', 'f', '10.5'],
    ['HSET', 'h', 'f', '10.6'],
    ['HSET', 'h', 'f', '10'],
  ]);
  expect(events.slice(0, 3)).toEqual(['hincrbyfloat:h', 'hincrbyfloat:h', 'hincrbyfloat:h']);
});

test('HINCRBYFLOAT errors', () => {
  expect(h.resp(['hincrbyfloat', 'h', 'f', 'x'])).toBe('-ERR value is not a valid float\r\n');
  expect(h.resp(['hincrbyfloat', 'h', 'f', 'inf'])).toBe('-ERR value is NaN or Infinity\r\n');
  expect(h.run(['exists', 'h'])).toBe(0);
  h.run(['hset', 'h', 'f', 'abc', 'i', 'inf']);
  expect(h.resp(['hincrbyfloat', 'h', 'f', '1'])).toBe('-ERR hash value is not a float\r\n');
  expect(h.resp(['hincrbyfloat', 'h', 'i', '1'])).toBe('-ERR increment would produce NaN or Infinity\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hincrbyfloat', 's', 'f', '1'])).toMatch(/^-WRONGTYPE/);
  expect(propagated.filter((a) => a[0] === 'HSET')).toEqual([]);
});
