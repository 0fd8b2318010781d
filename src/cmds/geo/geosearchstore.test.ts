import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
  h.run(['geoadd', '{t}src', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania']);
  propagated.length = 0;
  events.length = 0;
});
afterEach(() => h.close());

const SEARCH = ['FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'];

test('stores geohash scores, or distances with STOREDIST', () => {
  expect(h.run(['geosearchstore', '{t}dst', '{t}src', ...SEARCH])).toBe(2);
  expect(h.run(['zscore', '{t}dst', 'Palermo'])).toEqual(h.run(['zscore', '{t}src', 'Palermo']));
  expect(h.run(['geosearchstore', '{t}dst', '{t}src', ...SEARCH, 'COUNT', '1', 'STOREDIST'])).toBe(1);
  expect(h.resp(['zrange', '{t}dst', '0', '-1', 'WITHSCORES'])).toBe('*2\r\n$7\r\nCatania\r\n$16\r\n56.4412578701582\r\n');
  expect(events).toEqual(['geosearchstore:{t}dst', 'geosearchstore:{t}dst']);
  expect(propagated).toHaveLength(2);
});

test('an empty result deletes the destination', () => {
  h.run(['set', '{t}dst', 'old']);
  events.length = 0;
  expect(h.run(['geosearchstore', '{t}dst', '{t}src', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'm'])).toBe(0);
  expect(h.run(['exists', '{t}dst'])).toBe(0);
  expect(events).toEqual(['del:{t}dst']);
  expect(h.run(['geosearchstore', '{t}dst', '{t}missing', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'm'])).toBe(0);
});

test('WITH* options are refused', () => {
  expect(h.resp(['geosearchstore', '{t}dst', '{t}src', ...SEARCH, 'WITHDIST'])).toBe(
    '-ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options\r\n',
  );
});
