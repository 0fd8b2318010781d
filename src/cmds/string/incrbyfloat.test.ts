import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('INCRBYFLOAT replies and stores the long double text, propagated as SET KEEPTTL', () => {
  expect(h.resp(['incrbyfloat', 'f', '10.5'])).toBe('$4\r\n10.5\r\n');
  expect(h.resp(['incrbyfloat', 'f', '0.1'])).toBe('$4\r\n10.6\r\n');
  expect(h.resp3(['incrbyfloat', 'f', '-0.6'])).toBe('$2\r\n10\r\n');
  expect(propagated).toEqual([
    ['SET', 'f', '10.5', 'KEEPTTL'],
    ['SET', 'f', '10.6', 'KEEPTTL'],
    ['SET', 'f', '10', 'KEEPTTL'],
  ]);
  expect(events).toEqual(['incrbyfloat:f', 'incrbyfloat:f', 'incrbyfloat:f']);
  expect(h.run(['incr', 'f'])).toBe(11);
});

test('INCRBYFLOAT keeps the TTL', () => {
  h.run(['set', 'f', '1', 'ex', '100']);
  const t = h.server.engine.dbs[0].getExpire('f');
  h.run(['incrbyfloat', 'f', '1.5']);
  expect(h.server.engine.dbs[0].getExpire('f')).toBe(t);
});

test('INCRBYFLOAT errors', () => {
  expect(h.resp(['incrbyfloat', 'f', 'x'])).toBe('-ERR value is not a valid float\r\n');
  expect(h.resp(['incrbyfloat', 'f', 'nan'])).toBe('-ERR value is not a valid float\r\n');
  expect(h.resp(['incrbyfloat', 'f', 'inf'])).toBe('-ERR increment would produce NaN or Infinity\r\n');
  h.run(['set', 's', 'abc']);
  expect(h.resp(['incrbyfloat', 's', '1'])).toBe('-ERR value is not a valid float\r\n');
  h.server.engine.dbs[0].set('l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['incrbyfloat', 'l', 'x'])).toMatch(/^-WRONGTYPE/);
  expect(h.server.engine.dbs[0].exists('f', Date.now())).toBe(false);
});
