import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => {
  ({ h, events } = harnessWithEffects());
  h.run(['geoadd', '{t}s', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania']);
  events.length = 0;
});
afterEach(() => h.close());

test('GEORADIUS and GEORADIUSBYMEMBER answer like GEOSEARCH', () => {
  expect(h.run(['georadius', '{t}s', '15', '37', '200', 'km', 'WITHDIST', 'ASC'])).toEqual([
    ['Catania', '56.4413'],
    ['Palermo', '190.4424'],
  ]);
  expect(h.run(['georadiusbymember', '{t}s', 'Palermo', '100', 'km'])).toEqual(['Palermo']);
  expect(h.run(['georadius_ro', '{t}s', '15', '37', '200', 'km', 'COUNT', '1'])).toEqual(['Catania']);
  expect(h.run(['georadiusbymember_ro', '{t}s', 'Catania', '200', 'km', 'DESC'])).toEqual(['Palermo', 'Catania']);
});

test('STORE and STOREDIST write a sorted set and fire georadiusstore', () => {
  expect(h.run(['georadius', '{t}s', '15', '37', '200', 'km', 'STORE', '{t}d'])).toBe(2);
  expect(h.run(['georadiusbymember', '{t}s', 'Palermo', '200', 'km', 'STOREDIST', '{t}e'])).toBe(2);
  expect(h.resp(['zscore', '{t}e', 'Palermo'])).toBe('$1\r\n0\r\n');
  expect(events).toEqual(['georadiusstore:{t}d', 'georadiusstore:{t}e']);
  expect(h.resp(['georadius', '{t}s', '15', '37', '200', 'km', 'STORE', '{t}d', 'WITHHASH'])).toBe(
    '-ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options\r\n',
  );
  expect(h.run(['georadiusbymember', '{t}missing', 'x', '1', 'km', 'STORE', '{t}d'])).toBe(0);
  expect(h.run(['exists', '{t}d'])).toBe(0);
});

test('the read-only forms refuse STORE; bad centres are errors', () => {
  expect(h.resp(['georadius_ro', '{t}s', '15', '37', '200', 'km', 'STORE', '{t}d'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['georadiusbymember_ro', '{t}s', 'Palermo', '1', 'km', 'STOREDIST', '{t}d'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['georadius', '{t}s', '181', '0', '1', 'km'])).toBe(
    '-ERR invalid longitude,latitude pair 181.000000,0.000000\r\n',
  );
  expect(h.resp(['georadiusbymember', '{t}s', 'nope', '1', 'km'])).toBe('-ERR could not decode requested zset member\r\n');
  expect(h.resp(['georadius', '{t}s', '15', '37', 'x', 'km'])).toBe('-ERR need numeric radius\r\n');
});
