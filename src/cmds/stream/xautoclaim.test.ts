import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
beforeEach(() => ({ h, propagated } = harnessWithEffects()));
afterEach(() => h.close());

/** What a command propagated, unwrapped from the MULTI/EXEC Redis puts around several effects. */
function unwrapped(list: string[][]): string[][] {
  if (list.length > 1) {
    expect(list[0]).toEqual(['MULTI']);
    expect(list.at(-1)).toEqual(['EXEC']);
    return list.slice(1, -1);
  }
  return list;
}

test('XAUTOCLAIM claims idle entries, clears deleted ones and returns a cursor', () => {
  for (let i = 1; i <= 5; i++) h.run(['xadd', 's', `${i}-0`, 'f', `v${i}`]);
  h.run(['xgroup', 'create', 's', 'g', '0']);
  h.run(['xreadgroup', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>']);
  h.run(['xdel', 's', '2-0']);
  propagated.length = 0;
  h.advanceTime(100);
  expect(h.run(['xautoclaim', 's', 'g', 'bob', '50', '0', 'COUNT', '2'])).toEqual(['3-0', [['1-0', ['f', 'v1']]], ['2-0']]);
  expect(unwrapped(propagated).map((a) => [a[3], a[5], a[9]])).toEqual([['bob', '1-0', '2'], ['alice', '2-0', '1']]);
  propagated.length = 0;
  expect(h.run(['xautoclaim', 's', 'g', 'bob', '0', '3-0', 'JUSTID'])).toEqual(['0-0', ['3-0', '4-0', '5-0'], []]);
  expect(unwrapped(propagated).map((a) => a[9])).toEqual(['1', '1', '1']);
  expect(h.resp(['xautoclaim', 's', 'g', 'bob', '0', '0', 'COUNT', '0'])).toBe('-ERR COUNT must be > 0\r\n');
});
