import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('MSETNX sets all or nothing', () => {
  expect(h.resp(['msetnx', '{t}a', '1', '{t}b', '2'])).toBe(':1\r\n');
  expect(h.resp(['msetnx', '{t}b', '9', '{t}c', '9'])).toBe(':0\r\n');
  expect(h.run(['mget', '{t}a', '{t}b', '{t}c'])).toEqual(['1', '2', null]);
});

test('MSETNX with a repeated new key keeps the last value', () => {
  expect(h.resp(['msetnx', '{t}d', '1', '{t}d', '2'])).toBe(':1\r\n');
  expect(h.run(['get', '{t}d'])).toBe('2');
  expect(h.resp(['msetnx', '{t}d'])).toBe("-ERR wrong number of arguments for 'msetnx' command\r\n");
});
