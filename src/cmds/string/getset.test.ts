import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
beforeEach(() => {
  h = createHarness();
  propagated = [];
  h.server.engine.onPropagate((_db, argv) => propagated.push(argv));
});
afterEach(() => h.close());

test('GETSET returns the old value, drops the TTL and propagates as SET', () => {
  expect(h.resp(['getset', 'k', 'v'])).toBe('$-1\r\n');
  h.run(['set', 'k', 'v', 'ex', '100']);
  expect(h.resp(['getset', 'k', 'w'])).toBe('$1\r\nv\r\n');
  expect(h.server.engine.dbs[0].getExpire('k')).toBe(-1);
  expect(propagated[0]).toEqual(['SET', 'k', 'v']);
  expect(propagated[2]).toEqual(['SET', 'k', 'w']);
});

test('GETSET on another type is WRONGTYPE and changes nothing', () => {
  const list = { type: 'list' as const, encoding: () => 'listpack' };
  h.server.engine.dbs[0].set('l', list);
  expect(h.resp(['getset', 'l', 'v'])).toMatch(/^-WRONGTYPE/);
  expect(h.server.engine.dbs[0].dict.get('l')).toBe(list);
});
