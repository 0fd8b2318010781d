import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

const card = (v: string): string => v.slice(8, 16);

test('PFCOUNT writes the cardinality into the header and reuses it while valid', () => {
  h = createHarness();
  expect(h.run(['pfcount', 'missing'])).toBe(0);
  h.run(['pfadd', 'k', 'a', 'b', 'c']);
  expect(card(h.run(['get', 'k']) as string)).toBe('\x00\x00\x00\x00\x00\x00\x00\x80');
  expect(h.run(['pfcount', 'k'])).toBe(3);
  expect(card(h.run(['get', 'k']) as string)).toBe('\x03\x00\x00\x00\x00\x00\x00\x00');
  // A valid cache is trusted as is, whatever the registers say.
  const v = h.run(['get', 'k']) as string;
  h.run(['set', 'k', `${v.slice(0, 8)}\x2a${v.slice(9)}`]);
  expect(h.run(['pfcount', 'k'])).toBe(42);
  h.run(['pfadd', 'k', 'd']);
  expect(h.run(['pfcount', 'k'])).toBe(4);
});

test('PFCOUNT of several keys counts the union without touching the keys', () => {
  h = createHarness();
  h.run(['pfadd', '{t}a', '1', '2', '3']);
  h.run(['pfadd', '{t}b', '3', '4']);
  const before = h.run(['get', '{t}a']);
  expect(h.run(['pfcount', '{t}a', '{t}b', '{t}missing'])).toBe(4);
  expect(h.run(['get', '{t}a'])).toBe(before);
  h.run(['set', '{t}s', 'x']);
  expect(h.resp(['pfcount', '{t}a', '{t}s'])).toBe('-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n');
});

test('PFCOUNT propagates when it refreshes the cache, without a keyspace event', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  h.run(['pfadd', 'k', 'a']);
  h.run(['pfcount', 'k']);
  h.run(['pfcount', 'k']);
  h.run(['pfcount', 'k', 'k']);
  expect(fx.events).toEqual(['pfadd:k']);
  expect(fx.propagated.map((a) => a.join(' '))).toEqual(['pfadd k a', 'pfcount k']);
});
