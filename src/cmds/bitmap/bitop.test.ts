import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('BITOP AND/OR/XOR/NOT pad shorter and missing sources with zeros', () => {
  h = createHarness();
  h.run(['set', '{t}a', '\xff\x0f\xaa']);
  h.run(['set', '{t}b', '\x0f']);
  expect(h.run(['bitop', 'and', '{t}d', '{t}a', '{t}b'])).toBe(3);
  expect(h.run(['get', '{t}d'])).toBe('\x0f\x00\x00');
  expect(h.run(['bitop', 'OR', '{t}d', '{t}a', '{t}b', '{t}missing'])).toBe(3);
  expect(h.run(['get', '{t}d'])).toBe('\xff\x0f\xaa');
  expect(h.run(['bitop', 'xor', '{t}d', '{t}a', '{t}b'])).toBe(3);
  expect(h.run(['get', '{t}d'])).toBe('\xf0\x0f\xaa');
  expect(h.run(['bitop', 'not', '{t}d', '{t}a'])).toBe(3);
  expect(h.run(['get', '{t}d'])).toBe('\x00\xf0\x55');
  h.run(['setbit', '{t}m', '0', '1']);
  expect(h.run(['bitop', 'not', '{t}m', '{t}m'])).toBe(1);
  expect(h.run(['get', '{t}m'])).toBe('\x7f');
});

test('BITOP errors', () => {
  h = createHarness();
  h.run(['rpush', '{t}l', 'a']);
  expect(h.resp(['bitop', 'nand', '{t}d', '{t}a'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['bitop', 'not', '{t}d', '{t}a', '{t}b'])).toBe('-ERR BITOP NOT must be called with a single source key.\r\n');
  expect(h.resp(['bitop', 'or', '{t}d', '{t}l'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
  expect(h.run(['bitop', 'and\x00x', '{t}l', '{t}missing'])).toBe(0);
  expect(h.run(['exists', '{t}l'])).toBe(0);
});

test('BITOP stores with "set", drops the TTL, and deletes the target on an empty result', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  h.run(['set', '{t}a', 'x']);
  h.run(['set', '{t}d', 'old', 'ex', '100']);
  h.run(['bitop', 'or', '{t}d', '{t}a']);
  expect(h.run(['ttl', '{t}d'])).toBe(-1);
  h.run(['bitop', 'or', '{t}d', '{t}missing']);
  h.run(['bitop', 'or', '{t}d', '{t}missing']);
  expect(h.run(['exists', '{t}d'])).toBe(0);
  expect(fx.events).toEqual(['set:{t}a', 'set:{t}d', 'expire:{t}d', 'set:{t}d', 'del:{t}d']);
  expect(fx.propagated.filter((a) => a[0] === 'bitop').length).toBe(2);
});
