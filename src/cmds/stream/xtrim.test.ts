import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('XTRIM propagates exact trims as given and approximate ones as what they reached', () => {
  h.run(['config', 'set', 'stream-node-max-entries', '4']);
  for (let i = 1; i <= 20; i++) h.run(['xadd', 's', `${i}-0`, 'f', 'v']);
  propagated.length = 0;
  events.length = 0;
  expect(h.run(['xtrim', 's', 'MAXLEN', '~', '10'])).toBe(8);
  expect(h.run(['xtrim', 's', 'MAXLEN', '~', '10'])).toBe(0);
  expect(h.run(['xtrim', 's', 'MINID', '12'])).toBe(3);
  expect(h.run(['xtrim', 's', 'minid', '~', '18', 'LIMIT', '4'])).toBe(1);
  expect(propagated).toEqual([
    ['xtrim', 's', 'MAXLEN', '=', '12'],
    ['xtrim', 's', 'MINID', '12'],
    ['xtrim', 's', 'minid', '=', '13-0', 'LIMIT', '4'],
  ]);
  expect(events).toEqual(['xtrim:s', 'xtrim:s', 'xtrim:s']);
  expect(h.server.engine.dirty).toBe(20 + 12);
});

test('XTRIM checks its arguments before the key', () => {
  expect(h.resp(['xtrim', 'none', 'MAXLEN', '~', '1', 'LIMIT', '1'])).toBe(':0\r\n');
  expect(h.resp(['xtrim', 'none', 'MAXLEN', '1', 'LIMIT', '1'])).toBe('-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n');
  expect(h.resp(['xtrim', 'none', 'LIMIT', '1'])).toBe('-ERR syntax error, LIMIT cannot be used without specifying a trimming strategy\r\n');
  expect(h.resp(['xtrim', 'none', 'LIMIT', '0'])).toBe('-ERR syntax error, XTRIM must be called with a trimming strategy\r\n');
});
