import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';
import { MutableString } from '../../keyspace/value.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('BITFIELD GET/SET/INCRBY with signed and unsigned fields and # offsets', () => {
  h = createHarness();
  expect(h.run(['bitfield', 'k', 'set', 'i8', '0', '-100', 'get', 'i8', '0', 'get', 'u8', '0'])).toEqual([0, -100, 156]);
  expect(h.run(['bitfield', 'k', 'set', 'u4', '#2', '15', 'get', 'u4', '#2', 'get', 'u4', '8'])).toEqual([0, 15, 15]);
  expect(h.run(['get', 'k'])).toBe('\x9c\xf0');
  expect(h.server.engine.dbs[0].dict.get('k')).toBeInstanceOf(MutableString);
  expect(h.run(['bitfield', 'k', 'set', 'i64', '0', '-9223372036854775808', 'incrby', 'i64', '0', '-1'])).toEqual([
    -7138205409382236160n,
    9223372036854775807n,
  ]);
  expect(h.run(['bitfield', 'k', 'get', 'u63', '1'])).toEqual([9223372036854775807n]);
});

test('BITFIELD overflow modes', () => {
  h = createHarness();
  expect(h.resp(['bitfield', 'k', 'overflow', 'sat', 'set', 'u8', '0', '-1', 'set', 'i8', '8', '-300'])).toBe(
    '*2\r\n:0\r\n:0\r\n',
  );
  expect(h.run(['bitfield', 'k', 'get', 'u8', '0', 'get', 'i8', '8'])).toEqual([255, -128]);
  expect(h.run(['bitfield', 'k', 'incrby', 'u8', '0', '2', 'overflow', 'fail', 'incrby', 'u8', '0', '255'])).toEqual([1, null]);
  expect(h.resp3(['bitfield', 'k', 'overflow', 'fail', 'incrby', 'i8', '8', '-1'])).toBe('*1\r\n_\r\n');
  expect(h.run(['bitfield', 'k', 'overflow', 'sat', 'set', 'i1', '16', '-9223372036854775808', 'get', 'i1', '16'])).toEqual([0, 0]);
  expect(h.run(['bitfield', 'k', 'overflow', 'wrap', 'incrby', 'i5', '20', '100'])).toEqual([4]);
});

test('BITFIELD with only GET changes nothing; writes fire "setbit" and count every write op', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  const dirty = h.server.engine.dirty;
  expect(h.run(['bitfield', 'k', 'get', 'u8', '0'])).toEqual([0]);
  expect(h.run(['exists', 'k'])).toBe(0);
  h.run(['bitfield', 'k', 'set', 'u8', '0', '1', 'overflow', 'fail', 'incrby', 'u8', '0', '1000']);
  expect(h.server.engine.dirty - dirty).toBe(2);
  expect(fx.events).toEqual(['setbit:k']);
  expect(fx.propagated.map((a) => a[0])).toEqual(['bitfield']);
  h.run(['bitfield_ro', 'k', 'get', 'u8', '0']);
  expect(fx.propagated.length).toBe(1);
});

test('BITFIELD and BITFIELD_RO errors', () => {
  h = createHarness();
  const typeErr = '-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n';
  expect(h.resp(['bitfield', 'k', 'get', 'u64', '0'])).toBe(typeErr);
  expect(h.resp(['bitfield', 'k', 'get', 'I8', '0'])).toBe(typeErr);
  expect(h.resp(['bitfield', 'k', 'get', 'i65', '0'])).toBe(typeErr);
  expect(h.resp(['bitfield', 'k', 'get', 'i8', '#'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['bitfield', 'k', 'get', 'i8', '#536870912'])).toBe('-ERR bit offset is not an integer or out of range\r\n');
  expect(h.resp(['bitfield', 'k', 'overflow', 'x'])).toBe('-ERR Invalid OVERFLOW type specified\r\n');
  expect(h.resp(['bitfield', 'k', 'get', 'i8'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['bitfield', 'k', 'set', 'i8', '0', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['bitfield_ro', 'k', 'set', 'i8', '0', '1'])).toBe('-ERR BITFIELD_RO only supports the GET subcommand\r\n');
  h.run(['rpush', 'l', 'a']);
  expect(h.resp(['bitfield', 'l', 'get', 'i8', '0'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
  expect(h.resp(['bitfield', 'l', 'get', 'i99', '0'])).toBe(typeErr);
  expect(h.run(['exists', 'k'])).toBe(0);
});
