import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('XADD propagates generated IDs and sequences as the concrete ID', () => {
  const id = h.run(['xadd', 's', '*', 'f', 'v']) as string;
  expect(id).toMatch(/^\d+-0$/);
  expect(h.run(['xadd', 's', '99999999999999-*', 'f', 'v'])).toBe('99999999999999-0');
  expect(h.run(['xadd', 's', '99999999999999-*', 'f', 'v'])).toBe('99999999999999-1');
  expect(h.run(['xadd', 's', '*', 'f', 'v'])).toBe('99999999999999-2');
  expect(h.run(['xadd', 's', 'NOMKSTREAM', '99999999999999-9', 'f', 'v'])).toBe('99999999999999-9');
  expect(propagated).toEqual([
    ['xadd', 's', id, 'f', 'v'],
    ['xadd', 's', '99999999999999-0', 'f', 'v'],
    ['xadd', 's', '99999999999999-1', 'f', 'v'],
    ['xadd', 's', '99999999999999-2', 'f', 'v'],
    ['xadd', 's', 'NOMKSTREAM', '99999999999999-9', 'f', 'v'],
  ]);
  expect(events).toEqual(['xadd:s', 'xadd:s', 'xadd:s', 'xadd:s', 'xadd:s']);
});

test('XADD with approximate trimming propagates the exact length or first ID reached', () => {
  h.run(['config', 'set', 'stream-node-max-entries', '10']);
  for (let i = 1; i <= 30; i++) h.run(['xadd', 's', `${i}-0`, 'f', 'v']);
  propagated.length = 0;
  events.length = 0;
  expect(h.run(['xadd', 's', 'MAXLEN', '~', '15', '31-0', 'f', 'v'])).toBe('31-0');
  expect(h.run(['xlen', 's'])).toBe(21);
  expect(h.run(['xadd', 's', 'MINID', '~', '25', 'LIMIT', '100', '32-0', 'f', 'v'])).toBe('32-0');
  expect(h.run(['xadd', 's', 'MAXLEN', '=', '5', '33-0', 'f', 'v'])).toBe('33-0');
  expect(h.run(['xadd', 's', 'MAXLEN', '~', '1', '*', 'f', 'v'])).toMatch(/-0$/);
  const len = String(h.run(['xlen', 's']));
  expect(propagated.slice(0, 3)).toEqual([
    ['xadd', 's', 'MAXLEN', '=', '21', '31-0', 'f', 'v'],
    ['xadd', 's', 'MINID', '=', '21-0', 'LIMIT', '100', '32-0', 'f', 'v'],
    ['xadd', 's', 'MAXLEN', '=', '5', '33-0', 'f', 'v'],
  ]);
  expect(propagated[3].slice(0, 5)).toEqual(['xadd', 's', 'MAXLEN', '=', len]);
  expect(events).toEqual(['xadd:s', 'xtrim:s', 'xadd:s', 'xtrim:s', 'xadd:s', 'xtrim:s', 'xadd:s', 'xtrim:s']);
});

test('XADD refuses bad IDs with Redis 7.2 texts and creates nothing', () => {
  expect(h.resp(['xadd', 's', '0-0', 'f', 'v'])).toBe('-ERR The ID specified in XADD must be greater than 0-0\r\n');
  expect(h.run(['exists', 's'])).toBe(0);
  h.run(['xadd', 's', '5-18446744073709551615', 'f', 'v']);
  // 7.0 said "Elements are too large to be stored" here.
  expect(h.resp(['xadd', 's', '5-*', 'f', 'v'])).toBe('-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n');
  h.run(['xadd', 'm', '18446744073709551615-18446744073709551615', 'f', 'v']);
  expect(h.resp(['xadd', 'm', '*', 'f', 'v'])).toBe('-ERR The stream has exhausted the last possible ID, unable to add more items\r\n');
  expect(h.resp(['xadd', 's', '10-0', 'f'])).toBe("-ERR wrong number of arguments for 'xadd' command\r\n");
  expect(h.run(['xadd', 'none', 'NOMKSTREAM', '*', 'f', 'v'])).toBeNull();
});
