import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';
import { MutableString } from '../../keyspace/value.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('PFADD creates a sparse HLL and reports whether a register changed', () => {
  h = createHarness();
  expect(h.run(['pfadd', 'k'])).toBe(1);
  expect(h.run(['get', 'k'])).toBe('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff');
  expect(h.run(['pfadd', 'k'])).toBe(0);
  expect(h.run(['pfadd', 'k', 'a'])).toBe(1);
  expect(h.run(['pfadd', 'k', 'a'])).toBe(0);
  expect(h.run(['pfdebug', 'decode', 'k'])).toBe('Z:12711 v:2,1 Z:3672');
  expect(h.resp(['type', 'k'])).toBe('+string\r\n');
});

test('PFADD changes the stored value in place and keeps a copied value\'s TTL', () => {
  h = createHarness();
  h.run(['pfadd', 'k', 'a', 'b']);
  const m = h.server.engine.dbs[0].dict.get('k');
  expect(m).toBeInstanceOf(MutableString);
  h.run(['pfadd', 'k', 'c', 'd', 'e']);
  expect(h.server.engine.dbs[0].dict.get('k')).toBe(m);
  h.run(['set', 'copy', h.run(['get', 'k']) as string, 'ex', '100']);
  expect(h.run(['pfadd', 'copy', 'f'])).toBe(1);
  expect(h.run(['ttl', 'copy'])).toBe(100);
  expect(h.run(['pfcount', 'copy'])).toBe(6);
});

test('PFADD rejects other types and strings that are not HLLs', () => {
  h = createHarness();
  h.run(['rpush', 'l', 'a']);
  expect(h.resp(['pfadd', 'l', 'a'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
  h.run(['set', 's', 'hello world, not an HLL']);
  expect(h.resp(['pfadd', 's', 'a'])).toBe('-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n');
  h.run(['set', 'c', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80']);
  expect(h.resp(['pfadd', 'c', 'a'])).toBe('-INVALIDOBJ Corrupted HLL object detected\r\n');
});

test('PFADD fires pfadd, invalidates WATCH and propagates only when something changed', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  h.run(['pfadd', 'k', 'a']);
  h.run(['pfadd', 'k', 'a']);
  h.run(['pfadd', 'k']);
  h.run(['pfadd', 'k', 'b', 'c']);
  expect(fx.events).toEqual(['pfadd:k', 'pfadd:k']);
  expect(fx.propagated.map((a) => a.join(' '))).toEqual(['pfadd k a', 'pfadd k b c']);
});
