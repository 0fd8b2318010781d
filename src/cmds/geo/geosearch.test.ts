import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['geoadd', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania']);
});
afterEach(() => h.close());

const FROM = ['geosearch', 'Sicily', 'FROMLONLAT', '15', '37'];

test('radius and box searches, ordered and with every option', () => {
  expect(h.run([...FROM, 'BYRADIUS', '100', 'km'])).toEqual(['Catania']);
  expect(h.run([...FROM, 'BYRADIUS', '200', 'km', 'DESC'])).toEqual(['Palermo', 'Catania']);
  expect(h.run([...FROM, 'BYBOX', '400', '400', 'km', 'ASC', 'WITHCOORD', 'WITHDIST', 'WITHHASH'])).toEqual([
    ['Catania', '56.4413', 3479447370796909, ['15.08726745843887329', '37.50266842333162032']],
    ['Palermo', '190.4424', 3479099956230698, ['13.36138933897018433', '38.11555639549629859']],
  ]);
  expect(h.run(['geosearch', 'Sicily', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '0', 'm', 'WITHDIST'])).toEqual([
    ['Palermo', '0.0000'],
  ]);
});

test('COUNT keeps the nearest; COUNT ANY stops at the first matches', () => {
  expect(h.run([...FROM, 'BYRADIUS', '200', 'km', 'COUNT', '1'])).toEqual(['Catania']);
  expect(h.run([...FROM, 'BYRADIUS', '200', 'km', 'COUNT', '1', 'DESC'])).toEqual(['Palermo']);
  expect(h.run([...FROM, 'BYRADIUS', '200', 'km', 'COUNT', '1', 'ANY'])).toHaveLength(1);
});

test('errors worded as Redis words them', () => {
  const err = (argv: string[]) => h.resp(argv).trimEnd();
  expect(err([...FROM, 'BYRADIUS', '1', 'km', 'COUNT', '0'])).toBe('-ERR COUNT must be > 0');
  expect(err([...FROM, 'BYRADIUS', '1', 'km', 'ANY'])).toBe('-ERR the ANY argument requires COUNT argument');
  expect(err([...FROM, 'BYRADIUS', '-1', 'km'])).toBe('-ERR radius cannot be negative');
  expect(err([...FROM, 'BYBOX', '1', '-1', 'km'])).toBe('-ERR height or width cannot be negative');
  expect(err([...FROM, 'BYRADIUS', '1', 'au'])).toBe('-ERR unsupported unit provided. please use M, KM, FT, MI');
  expect(err(['geosearch', 'Sicily', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'km'])).toBe(
    '-ERR could not decode requested zset member',
  );
  expect(err(['geosearch', 'Sicily', 'BYRADIUS', '1', 'km', 'ASC', 'WITHDIST'])).toBe(
    '-ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for geosearch',
  );
  expect(err([...FROM, 'ASC', 'WITHDIST'])).toBe('-ERR exactly one of BYRADIUS and BYBOX can be specified for geosearch');
  expect(err([...FROM, 'BYRADIUS', '1', 'km', 'STOREDIST'])).toBe('-ERR syntax error');
  expect(h.resp(['geosearch', 'missing', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'km'])).toBe('*0\r\n');
});
