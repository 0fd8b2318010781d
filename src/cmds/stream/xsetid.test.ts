import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('XSETID sets the counters and refuses to go below the max deleted ID (7.2)', () => {
  h.run(['xadd', 's', '5-0', 'f', 'v']);
  expect(h.run(['xsetid', 's', '10-0', 'ENTRIESADDED', '7', 'MAXDELETEDID', '3-0'])).toEqual(expect.objectContaining({ text: 'OK' }));
  h.run(['xdel', 's', '5-0']);
  // Redis 7.0 accepted this one; 7.2 keeps the last ID above every deleted ID.
  expect(h.resp(['xsetid', 's', '4-0'])).toBe('-ERR The ID specified in XSETID is smaller than current max_deleted_entry_id\r\n');
  expect(h.resp(['xsetid', 's', '2-0', 'MAXDELETEDID', '3-0'])).toBe('-ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id\r\n');
  expect(h.resp(['xsetid', 'none', '1-0'])).toBe('-ERR no such key\r\n');
  expect(h.resp(['xinfo', 'stream', 's'])).toContain('$20\r\nmax-deleted-entry-id\r\n$3\r\n5-0\r\n$13\r\nentries-added\r\n:7\r\n');
  expect(propagated.map((a) => a[0])).toEqual(['xadd', 'xsetid', 'xdel']);
  expect(events).toEqual(['xadd:s', 'xsetid:s', 'xdel:s']);
});
