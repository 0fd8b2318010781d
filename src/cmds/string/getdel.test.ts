import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('GETDEL returns and deletes, propagated as DEL with a "del" event', () => {
  h.run(['set', 'k', 'v']);
  expect(h.resp(['getdel', 'k'])).toBe('$1\r\nv\r\n');
  expect(h.resp(['getdel', 'k'])).toBe('$-1\r\n');
  expect(h.server.engine.dbs[0].size).toBe(0);
  expect(propagated).toEqual([['set', 'k', 'v'], ['DEL', 'k']]);
  expect(events).toEqual(['set:k', 'del:k']);
});

test('GETDEL propagates UNLINK with lazyfree-lazy-user-del', () => {
  h.run(['config', 'set', 'lazyfree-lazy-user-del', 'yes']);
  h.run(['set', 'k', 'v']);
  h.run(['getdel', 'k']);
  expect(propagated.at(-1)).toEqual(['UNLINK', 'k']);
});
