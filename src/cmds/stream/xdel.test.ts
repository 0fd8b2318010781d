import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('XDEL deletes what exists, fires xdel and propagates only when something went', () => {
  for (let i = 1; i <= 3; i++) h.run(['xadd', 's', `${i}-0`, 'f', 'v']);
  propagated.length = 0;
  events.length = 0;
  expect(h.run(['xdel', 's', '2-0', '9-0'])).toBe(1);
  expect(h.run(['xdel', 's', '2-0'])).toBe(0);
  expect(h.resp(['xdel', 's', '1-0', 'bad'])).toBe('-ERR Invalid stream ID specified as stream command argument\r\n');
  expect(h.run(['xlen', 's'])).toBe(2);
  expect(propagated).toEqual([['xdel', 's', '2-0', '9-0']]);
  expect(events).toEqual(['xdel:s']);
});
