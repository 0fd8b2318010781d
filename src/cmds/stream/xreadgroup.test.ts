import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

function setup(): number {
  for (let i = 1; i <= 4; i++) h.run(['xadd', 's', `${i}-0`, 'f', `v${i}`]);
  h.run(['xgroup', 'create', 's', 'g', '0']);
  propagated.length = 0;
  events.length = 0;
  return Date.now();
}

/** What a command propagated, unwrapped from the MULTI/EXEC Redis puts around several effects. */
function unwrapped(list: string[][]): string[][] {
  if (list.length > 1) {
    expect(list[0]).toEqual(['MULTI']);
    expect(list.at(-1)).toEqual(['EXEC']);
    return list.slice(1, -1);
  }
  return list;
}

test('XREADGROUP propagates an XCLAIM per delivered entry and the group position', () => {
  setup();
  const t0 = Date.now();
  h.run(['xreadgroup', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '>']);
  const effects = unwrapped(propagated);
  const now = effects[0][7];
  expect(Math.abs(Number(now) - t0)).toBeLessThan(1000);
  expect(effects).toEqual([
    ['XCLAIM', 's', 'g', 'alice', '0', '1-0', 'TIME', now, 'RETRYCOUNT', '1', 'FORCE', 'JUSTID', 'LASTID', '1-0'],
    ['XCLAIM', 's', 'g', 'alice', '0', '2-0', 'TIME', now, 'RETRYCOUNT', '1', 'FORCE', 'JUSTID', 'LASTID', '2-0'],
    ['XGROUP', 'SETID', 's', 'g', '2-0', 'ENTRIESREAD', '2'],
  ]);
  expect(events).toEqual(['xgroup-createconsumer:s']);
});

test('XREADGROUP NOACK propagates the consumer creation and the group position only', () => {
  setup();
  h.run(['xreadgroup', 'GROUP', 'g', 'bob', 'NOACK', 'STREAMS', 's', '>']);
  expect(unwrapped(propagated)).toEqual([
    ['XGROUP', 'CREATECONSUMER', 's', 'g', 'bob'],
    ['XGROUP', 'SETID', 's', 'g', '4-0', 'ENTRIESREAD', '4'],
  ]);
  expect(h.run(['xpending', 's', 'g'])).toEqual([0, null, null, expect.anything()]);
});

test('reading history changes delivery counts but propagates nothing', () => {
  setup();
  h.run(['xreadgroup', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>']);
  propagated.length = 0;
  h.run(['xdel', 's', '2-0']);
  expect(h.run(['xreadgroup', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '0'])).toEqual([
    ['s', [['1-0', ['f', 'v1']], ['2-0', expect.anything()]]],
  ]);
  expect(propagated).toEqual([['xdel', 's', '2-0']]);
  const pending = h.run(['xpending', 's', 'g', '-', '+', '10']) as unknown[][];
  // A pending entry whose stream entry is gone comes back as [id, nil] and keeps its count.
  expect(pending.map((e) => e[3])).toEqual([2, 1, 1, 1]);
});

test('XREADGROUP texts of Redis 7.2', () => {
  setup();
  expect(h.resp(['xreadgroup', 'GROUP', 'g', 'a', 'STREAMS', 's', 't', '>'])).toBe(
    "-ERR Unbalanced 'xreadgroup' list of streams: for each stream key an ID or '>' must be specified.\r\n",
  );
  expect(h.resp(['xread', 'STREAMS', 's', 't', '0'])).toBe(
    "-ERR Unbalanced 'xread' list of streams: for each stream key an ID or '$' must be specified.\r\n",
  );
  expect(h.resp(['xreadgroup', 'GROUP', 'g', 'a', 'STREAMS', 's', '+'])).toBe('-ERR Invalid stream ID specified as stream command argument\r\n');
});
