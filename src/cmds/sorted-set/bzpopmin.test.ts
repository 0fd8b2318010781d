import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('BZPOPMIN served at once answers [key, member, score] and propagates as ZPOPMIN key', () => {
  h.run(['zadd', '{t}b', '1', 'a', '2', 'b']);
  expect(h.resp3(['bzpopmin', '{t}a', '{t}b', '0'])).toBe('*3\r\n$4\r\n{t}b\r\n$1\r\na\r\n,1\r\n');
  expect(h.resp(['bzpopmax', '{t}b', '0'])).toBe('*3\r\n$4\r\n{t}b\r\n$1\r\nb\r\n$1\r\n2\r\n');
  expect(propagated.slice(1)).toEqual([['ZPOPMIN', '{t}b'], ['ZPOPMAX', '{t}b']]);
  expect(events).toEqual(['zadd:{t}b', 'zpopmin:{t}b', 'zpopmax:{t}b', 'del:{t}b']);
  expect(h.resp(['bzpopmin', '{t}b', 'x'])).toBe('-ERR timeout is not a float or out of range\r\n');
});

test('BZMPOP served at once propagates as ZPOPMIN key count', () => {
  h.run(['zadd', 'k', '1', 'a']);
  expect(h.resp(['bzmpop', '0', '1', 'k', 'MIN', 'COUNT', '2'])).toBe('*2\r\n$1\r\nk\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
  expect(propagated[1]).toEqual(['ZPOPMIN', 'k', '2']);
});
