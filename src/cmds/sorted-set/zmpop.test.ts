import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZMPOP answers [key, pairs] and propagates as ZPOPMIN/ZPOPMAX with the count asked for', () => {
  h.run(['zadd', '{t}b', '1', 'a', '2', 'b']);
  expect(h.resp(['zmpop', '2', '{t}a', '{t}b', 'MAX', 'COUNT', '5'])).toBe(
    '*2\r\n$4\r\n{t}b\r\n*2\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n',
  );
  expect(propagated[1]).toEqual(['ZPOPMAX', '{t}b', '5']);
  expect(h.resp(['zmpop', '2', '{t}a', '{t}b', 'MIN'])).toBe('*-1\r\n');
  expect(h.resp3(['zmpop', '1', '{t}a', 'MIN'])).toBe('_\r\n');
  expect(events).toEqual(['zadd:{t}b', 'zpopmax:{t}b', 'del:{t}b']);
});
