import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
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

test('XCLAIM propagates each change, drops pending entries whose entry is gone, and moves LASTID', () => {
  for (let i = 1; i <= 3; i++) h.run(['xadd', 's', `${i}-0`, 'f', 'v']);
  h.run(['xgroup', 'create', 's', 'g', '0']);
  h.run(['xreadgroup', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>']);
  h.run(['xdel', 's', '2-0']);
  propagated.length = 0;
  events.length = 0;
  h.advanceTime(1000);
  expect(h.run(['xclaim', 's', 'g', 'bob', '500', '1', '2-0', 'RETRYCOUNT', '5', 'JUSTID'])).toEqual(['1-0']);
  const effects = unwrapped(propagated);
  const now = effects[0][7];
  expect(effects).toEqual([
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

test('claiming creates the consumer and marks it seen even when nothing is claimed (7.2)', () => {
  h.run(['xadd', 's', '1-0', 'f', 'v']);
  h.run(['xgroup', 'create', 's', 'g', '$']);
  events.length = 0;
  expect(h.run(['xclaim', 's', 'g', 'c1', '0', '1-0'])).toEqual([]);
  expect(h.run(['xautoclaim', 's', 'g', 'c2', '0', '0'])).toEqual(['0-0', [], []]);
  expect(h.resp(['xreadgroup', 'GROUP', 'g', 'c3', 'STREAMS', 's', '>'])).toBe('*-1\r\n');
  const names = (h.run(['xinfo', 'consumers', 's', 'g']) as Array<{ flat: unknown[] }>).map((m) => m.flat[1]);
  // Redis 7.0 created a consumer only when it was given an entry.
  expect(names).toEqual(['c1', 'c2', 'c3']);
  expect(events).toEqual(['xgroup-createconsumer:s', 'xgroup-createconsumer:s', 'xgroup-createconsumer:s']);
  expect(propagated.filter((a) => a[0] !== 'xadd' && a[0] !== 'xgroup')).toEqual([]);
});
