import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());
const db = () => h.server.engine.dbs[0];

test('GETEX without options is a read: no dirty, no propagation', () => {
  h.run(['set', 'k', 'v']);
  const dirty = h.server.engine.dirty;
  expect(h.resp(['getex', 'k'])).toBe('$1\r\nv\r\n');
  expect(h.server.engine.dirty).toBe(dirty);
  expect(propagated.length).toBe(1);
});

test('GETEX EX/PX/EXAT/PXAT propagate as PEXPIREAT', () => {
  h.run(['set', 'k', 'v']);
  h.run(['getex', 'k', 'ex', '100']);
  const when = db().getExpire('k');
  expect(propagated[1]).toEqual(['PEXPIREAT', 'k', String(when)]);
  h.run(['getex', 'k', 'exat', '4000000000']);
  expect(propagated[2]).toEqual(['PEXPIREAT', 'k', '4000000000000']);
  h.run(['getex', 'k', 'pxat', '4000000000001']);
  expect(propagated[3]).toEqual(['PEXPIREAT', 'k', '4000000000001']);
  expect(events).toEqual(['set:k', 'expire:k', 'expire:k', 'expire:k']);
});

test('GETEX PERSIST removes the TTL once', () => {
  h.run(['set', 'k', 'v', 'ex', '100']);
  expect(h.resp(['getex', 'k', 'persist'])).toBe('$1\r\nv\r\n');
  expect(db().getExpire('k')).toBe(-1);
  h.run(['getex', 'k', 'persist']);
  expect(propagated.slice(1)).toEqual([['PERSIST', 'k']]);
  expect(events).toEqual(['set:k', 'expire:k', 'persist:k']);
});

test('GETEX with an absolute time already past deletes the key (DEL)', () => {
  h.run(['set', 'k', 'v']);
  expect(h.resp(['getex', 'k', 'pxat', '1'])).toBe('$1\r\nv\r\n');
  expect(db().size).toBe(0);
  expect(propagated[1]).toEqual(['DEL', 'k']);
  expect(events.at(-1)).toBe('del:k');
});

test('GETEX errors: options before the key, the key before the time value', () => {
  expect(h.resp(['getex', 'k', 'ex', '0'])).toBe('$-1\r\n');
  expect(h.resp(['getex', 'k', 'nx'])).toBe('-ERR syntax error\r\n');
  h.run(['set', 'k', 'v']);
  expect(h.resp(['getex', 'k', 'ex', '0'])).toBe("-ERR invalid expire time in 'getex' command\r\n");
  expect(h.resp(['getex', 'k', 'persist', 'ex', '1'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['getex', 'k', 'keepttl'])).toBe('-ERR syntax error\r\n');
});
