import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('XCLAIM propagates each change, drops pending entries whose entry is gone, and moves LASTID', () => {
  for (let i = 1; i <= 3; i++) h.run(['xadd', 's', `${i}-0`, 'f', 'v']);
  h.run(['xgroup', 'create', 's', 'g', '0']);
  h.run(['xreadgroup', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>']);
  h.run(['xdel', 's', '2-0']);
  propagated.length = 0;
  events.length = 0;
  h.advanceTime(1000);
  expect(h.run(['xclaim', 's', 'g', 'bob', '500', '1', '2-0', 'RETRYCOUNT', '5', 'JUSTID'])).toEqual(['1-0']);
  const now = propagated[0][7];
  expect(propagated).toEqual([
    ['XCLAIM', 's', 'g', 'bob', '0', '1', 'TIME', now, 'RETRYCOUNT', '5', 'FORCE', 'JUSTID', 'LASTID', '3-0'],
    ['XCLAIM', 's', 'g', 'alice', '0', '2-0', 'TIME', expect.any(String), 'RETRYCOUNT', '1', 'FORCE', 'JUSTID', 'LASTID', '3-0'],
  ]);
  expect(events).toEqual(['xgroup-createconsumer:s']);
  propagated.length = 0;
  expect(h.run(['xclaim', 's', 'g', 'bob', '0', '9-0', 'LASTID', '9-0'])).toEqual([]);
  expect(propagated).toEqual([['XGROUP', 'SETID', 's', 'g', '9-0', 'ENTRIESREAD', '3']]);
  propagated.length = 0;
  expect(h.run(['xclaim', 's', 'g', 'bob', '3600000', '3-0'])).toEqual([]);
  expect(propagated).toEqual([]);
});

test('XINFO CONSUMERS reports 7.2 inactive time', () => {
  h.run(['xadd', 's', '1-0', 'f', 'v']);
  h.run(['xgroup', 'create', 's', 'g', '0']);
  h.run(['xgroup', 'createconsumer', 's', 'g', 'idle']);
  h.run(['xreadgroup', 'GROUP', 'g', 'busy', 'STREAMS', 's', '>']);
  h.advanceTime(200);
  const info = h.run(['xinfo', 'consumers', 's', 'g']) as Array<{ flat: unknown[] }>;
  expect(info.map((m) => m.flat[0] === 'name' && m.flat[1])).toEqual(['busy', 'idle']);
  const busy = info[0].flat;
  expect(busy.slice(0, 4)).toEqual(['name', 'busy', 'pending', 1]);
  expect(busy[6]).toBe('inactive');
  expect(busy[7]).toBeGreaterThanOrEqual(200);
  expect(info[1].flat[7]).toBe(-1);
});
