import { afterEach, expect, test } from 'vitest';
import { createHarness, harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('PFDEBUG reports the encoding, decodes sparse values and converts them', () => {
  h = createHarness();
  expect(h.resp(['pfdebug', 'foo', 'k'])).toBe('-ERR The specified key does not exist\r\n');
  h.run(['pfadd', 'k', 'a', 'ab']);
  expect(h.resp(['pfdebug', 'foo', 'k'])).toBe("-ERR Unknown PFDEBUG subcommand 'foo'\r\n");
  expect(h.resp(['pfdebug', 'ENCODING', 'k'])).toBe('+sparse\r\n');
  expect(h.run(['pfdebug', 'decode', 'k'])).toBe('Z:719 v:1,1 Z:11991 v:2,1 Z:3672');
  expect(h.run(['pfdebug', 'todense', 'k'])).toBe(1);
  expect(h.run(['pfdebug', 'todense', 'k'])).toBe(0);
  expect(h.resp(['pfdebug', 'encoding', 'k'])).toBe('+dense\r\n');
  expect(h.resp(['pfdebug', 'decode', 'k'])).toBe('-ERR HLL encoding is not sparse\r\n');
  expect(h.run(['pfcount', 'k'])).toBe(2);
});

test('PFDEBUG GETREG lists every register and makes the value dense', () => {
  h = createHarness();
  h.run(['pfadd', 'k', 'a']);
  const regs = h.run(['pfdebug', 'getreg', 'k']) as number[];
  expect(regs).toHaveLength(16384);
  expect(regs[12711]).toBe(2);
  expect(regs.reduce((s, v) => s + v, 0)).toBe(2);
  expect(h.run(['strlen', 'k'])).toBe(12304);
});

test('PFDEBUG propagates a conversion and nothing else', () => {
  const fx = harnessWithEffects();
  h = fx.h;
  h.run(['pfadd', 'k', 'a']);
  h.run(['pfdebug', 'encoding', 'k']);
  h.run(['pfdebug', 'todense', 'k']);
  h.run(['pfdebug', 'todense', 'k']);
  h.run(['pfdebug', 'getreg', 'k']);
  expect(fx.propagated.map((a) => a.join(' '))).toEqual(['pfadd k a', 'pfdebug todense k']);
  expect(fx.events).toEqual(['pfadd:k']);
});
