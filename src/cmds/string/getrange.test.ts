import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('GETRANGE offsets as Redis clamps them', () => {
  h.run(['set', 'k', 'Hello World']);
  const r = (s: string, e: string) => h.run(['getrange', 'k', s, e]);
  expect(r('0', '4')).toBe('Hello');
  expect(r('-5', '-1')).toBe('World');
  expect(r('-1', '-5')).toBe('');
  expect(r('-100', '-99')).toBe('H');
  expect(r('5', '100')).toBe(' World');
  expect(r('100', '200')).toBe('');
  expect(r('-9223372036854775807', '-9223372036854775808')).toBe('');
  expect(r('-9223372036854775808', '9223372036854775807')).toBe('Hello World');
  expect(h.resp(['getrange', 'k', '0', '9223372036854775808'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['getrange', 'nokey', '0', '-1'])).toBe('$0\r\n\r\n');
});

test('GETRANGE reads a mutable value', () => {
  h.run(['setrange', 'm', '2', 'abc']);
  expect(h.run(['getrange', 'm', '0', '-1'])).toBe('\x00\x00abc');
  expect(h.run(['getrange', 'm', '3', '3'])).toBe('b');
});
