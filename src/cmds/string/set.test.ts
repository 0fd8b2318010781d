import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';
import { stringEncoding } from '../../keyspace/value.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());
const db = () => h.server.engine.dbs[0];

describe('SET', () => {
  test('plain set replaces value and drops the TTL', () => {
    expect(h.resp(['set', 'k', 'v', 'ex', '100'])).toBe('+OK\r\n');
    expect(db().getExpire('k')).toBeGreaterThan(Date.now());
    expect(h.resp(['set', 'k', 'w'])).toBe('+OK\r\n');
    expect(db().getExpire('k')).toBe(-1);
    expect(h.resp(['get', 'k'])).toBe('$1\r\nw\r\n');
  });
  test('EX/PX/EXAT/PXAT give an absolute expire and propagate as SET PXAT', () => {
    const now = Date.now();
    h.run(['set', 'a', '1', 'EX', '10']);
    const a = db().getExpire('a');
    expect(a - now).toBeGreaterThanOrEqual(10000);
    expect(a - now).toBeLessThan(10100);
    h.run(['set', 'b', '1', 'px', '1500']);
    h.run(['set', 'c', '1', 'exat', '4000000000']);
    h.run(['set', 'd', '1', 'pxat', '4000000000123', 'nx']);
    expect(db().getExpire('c')).toBe(4000000000000);
    expect(propagated[0]).toEqual(['SET', 'a', '1', 'PXAT', String(a)]);
    expect(propagated[1][3]).toBe('PXAT');
    expect(propagated[2]).toEqual(['SET', 'c', '1', 'PXAT', '4000000000000']);
    expect(propagated[3]).toEqual(['SET', 'd', '1', 'PXAT', '4000000000123']);
    expect(events).toEqual(['set:a', 'expire:a', 'set:b', 'expire:b', 'set:c', 'expire:c', 'set:d', 'expire:d']);
  });
  test('a key set with a time already past is gone at the next read', () => {
    h.run(['set', 'k', 'v', 'pxat', '1']);
    expect(h.run(['get', 'k'])).toBeNull();
  });
  test('KEEPTTL keeps the TTL', () => {
    h.run(['set', 'k', 'v', 'px', '100000']);
    const t = db().getExpire('k');
    h.run(['set', 'k', 'w', 'keepttl']);
    expect(db().getExpire('k')).toBe(t);
    h.advanceTime(100001);
    expect(h.run(['get', 'k'])).toBeNull();
  });
  test('NX/XX abort without changes, dirty or propagation', () => {
    h.run(['set', 'k', 'v']);
    const dirty = h.server.engine.dirty;
    expect(h.resp(['set', 'k', 'w', 'nx'])).toBe('$-1\r\n');
    expect(h.resp(['set', 'x', 'w', 'xx'])).toBe('$-1\r\n');
    expect(h.resp3(['set', 'x', 'w', 'xx'])).toBe('_\r\n');
    expect(h.server.engine.dirty).toBe(dirty);
    expect(propagated.length).toBe(1);
  });
  test('GET returns the old value and is stripped from the propagated command', () => {
    h.run(['set', 'k', 'v']);
    expect(h.resp(['set', 'k', 'w', 'get', 'xx', 'GET'])).toBe('$1\r\nv\r\n');
    expect(propagated[1]).toEqual(['set', 'k', 'w', 'xx']);
    expect(h.resp(['set', 'k', 'z', 'nx', 'get'])).toBe('$1\r\nw\r\n');
    expect(h.resp(['get', 'k'])).toBe('$1\r\nw\r\n');
  });
  test('option errors', () => {
    expect(h.resp(['set', 'k', 'v', 'nx', 'xx'])).toBe('-ERR syntax error\r\n');
    expect(h.resp(['set', 'k', 'v', 'ex', '10', 'keepttl'])).toBe('-ERR syntax error\r\n');
    expect(h.resp(['set', 'k', 'v', 'ex', '0'])).toBe("-ERR invalid expire time in 'set' command\r\n");
    expect(h.resp(['set', 'k', 'v', 'px', '9223372036854775807'])).toBe("-ERR invalid expire time in 'set' command\r\n");
    expect(h.resp(['set', 'k', 'v', 'ex', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
    expect(h.run(['get', 'k'])).toBeNull();
  });
  test('values keep the encodings Redis reports', () => {
    h.run(['set', 'i', '12345']);
    h.run(['set', 'e', 'hello']);
    h.run(['set', 'r', 'x'.repeat(45)]);
    expect(stringEncoding(db().dict.get('i') as string)).toBe('int');
    expect(stringEncoding(db().dict.get('e') as string)).toBe('embstr');
    expect(stringEncoding(db().dict.get('r') as string)).toBe('raw');
  });
});

test('overwriting a logically expired key reports it expired first', () => {
  const expired: string[] = [];
  h.server.engine.onKeyspaceEvent((channel, message) => {
    if (channel === '__keyevent@0__:expired') expired.push(message);
  });
  h.run(['set', 'k', 'v', 'px', '10']);
  h.advanceTime(20);
  h.run(['set', 'k', 'w']);
  expect(expired).toEqual(['k']);
  expect(propagated.at(-2)).toEqual(['DEL', 'k']);
});
