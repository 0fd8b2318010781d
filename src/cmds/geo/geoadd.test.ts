import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('GEOADD stores geohash scores and runs, fires and propagates as ZADD', () => {
  expect(h.run(['geoadd', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'])).toBe(2);
  expect(h.resp(['zscore', 'Sicily', 'Palermo'])).toBe('$16\r\n3479099956230698\r\n');
  expect(propagated).toEqual([
    ['zadd', 'Sicily', '3479099956230698', 'Palermo', '3479447370796909', 'Catania'],
  ]);
  expect(events).toEqual(['zadd:Sicily']);
  expect(h.run(['object', 'encoding', 'Sicily'])).toBe('listpack');
});

test('NX, XX and CH pass through to ZADD', () => {
  h.run(['geoadd', 'g', '1', '1', 'a']);
  expect(h.run(['geoadd', 'g', 'NX', '2', '2', 'a', '3', '3', 'b'])).toBe(1);
  expect(h.run(['geoadd', 'g', 'XX', 'CH', '4', '4', 'a', '5', '5', 'c'])).toBe(1);
  expect(h.run(['geoadd', 'g', 'CH', '4', '4', 'a', '6', '6', 'd'])).toBe(1);
  expect(h.run(['zcard', 'g'])).toBe(3);
  expect(propagated[1]).toEqual(['zadd', 'g', 'NX', expect.any(String), 'a', expect.any(String), 'b']);
  expect(h.run(['geoadd', 'g', 'XX', '4', '4', 'a'])).toBe(0);
  expect(propagated).toHaveLength(4);
});

test('argument errors leave the key untouched', () => {
  expect(h.resp(['geoadd', 'g', 'NX', 'XX', '1', '1', 'a'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['geoadd', 'g', '1', '1', 'a', '2'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['geoadd', 'g', '1', '1', 'a', '200', '100', 'b'])).toBe(
    '-ERR invalid longitude,latitude pair 200.000000,100.000000\r\n',
  );
  expect(h.resp(['geoadd', 'g', 'x', '1', 'a'])).toBe('-ERR value is not a valid float\r\n');
  expect(h.run(['exists', 'g'])).toBe(0);
  h.run(['set', 's', 'v']);
  expect(h.resp(['geoadd', 's', '1', '1', 'a'])).toMatch(/^-WRONGTYPE/);
  expect(propagated).toEqual([['set', 's', 'v']]);
});
