import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('RENAMENX renames only when the destination is free', () => {
  const h = createHarness();
  h.run(['mset', 'a', '1', 'b', '2']);
  expect(h.resp(['renamenx', 'a', 'b'])).toBe(':0\r\n');
  expect(h.resp(['renamenx', 'a', 'a'])).toBe(':0\r\n');
  expect(h.resp(['renamenx', 'a', 'c'])).toBe(':1\r\n');
  expect(h.resp(['get', 'c'])).toBe('$1\r\n1\r\n');
  expect(h.resp(['renamenx', 'nokey', 'nokey'])).toBe('-ERR no such key\r\n');
  h.close();
});
