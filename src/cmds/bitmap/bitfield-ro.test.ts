import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('BITFIELD_RO reads fields of plain and missing strings without creating the key', () => {
  h.run(['set', 'k', '12345']);
  expect(h.run(['bitfield_ro', 'k', 'get', 'u16', '4', 'get', 'i16', '#1'])).toEqual([4899, 13108]);
  expect(h.run(['bitfield_ro', 'k'])).toEqual([]);
  expect(h.run(['bitfield_ro', 'none', 'get', 'i64', '0'])).toEqual([0]);
  expect(h.run(['exists', 'none'])).toBe(0);
  expect(h.resp(['bitfield_ro', 'k', 'incrby', 'i8', '0', '1'])).toBe('-ERR BITFIELD_RO only supports the GET subcommand\r\n');
});
