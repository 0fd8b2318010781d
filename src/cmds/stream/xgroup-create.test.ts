import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('XGROUP subcommands fire their events and propagate as given', () => {
  expect(h.resp(['xgroup', 'create', 's', 'g', '$', 'MKSTREAM'])).toBe('+OK\r\n');
  expect(h.resp(['xgroup', 'create', 's', 'g', '$'])).toBe('-BUSYGROUP Consumer Group name already exists\r\n');
  expect(h.run(['xgroup', 'createconsumer', 's', 'g', 'c'])).toBe(1);
  expect(h.run(['xgroup', 'createconsumer', 's', 'g', 'c'])).toBe(0);
  expect(h.resp(['xgroup', 'setid', 's', 'g', '0', 'ENTRIESREAD', '0'])).toBe('+OK\r\n');
  expect(h.run(['xgroup', 'delconsumer', 's', 'g', 'c'])).toBe(0);
  expect(h.run(['xgroup', 'destroy', 's', 'g'])).toBe(1);
  expect(h.run(['xgroup', 'destroy', 's', 'g'])).toBe(0);
  expect(events).toEqual([
    'xgroup-create:s', 'xgroup-createconsumer:s', 'xgroup-setid:s', 'xgroup-delconsumer:s', 'xgroup-destroy:s',
  ]);
  expect(propagated.map((a) => a[1])).toEqual(['create', 'createconsumer', 'setid', 'delconsumer', 'destroy']);
  expect(h.run(['type', 's'])).toEqual(expect.objectContaining({ text: 'stream' }));
});
