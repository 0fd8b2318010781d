import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('SWAPDB exchanges two databases, TTLs included', () => {
  const h = createHarness();
  h.run(['set', 'a', '1', 'ex', '30']);
  h.run(['select', '1']);
  h.run(['set', 'b', '2']);
  expect(h.resp(['swapdb', '0', '1'])).toBe('+OK\r\n');
  expect(h.resp(['keys', '*'])).toBe('*1\r\n$1\r\na\r\n');
  expect(h.resp(['ttl', 'a'])).toBe(':30\r\n');
  h.run(['select', '0']);
  expect(h.resp(['keys', '*'])).toBe('*1\r\n$1\r\nb\r\n');
  expect(h.resp(['swapdb', '2', '2'])).toBe('+OK\r\n');
  h.close();
});

it('SWAPDB errors as Redis does', () => {
  const h = createHarness();
  expect(h.resp(['swapdb', 'x', '1'])).toBe('-ERR invalid first DB index\r\n');
  expect(h.resp(['swapdb', '1', 'x'])).toBe('-ERR invalid second DB index\r\n');
  expect(h.resp(['swapdb', '0', '99999999999'])).toBe('-ERR invalid second DB index\r\n');
  expect(h.resp(['swapdb', '1', '99'])).toBe('-ERR DB index is out of range\r\n');
  expect(h.resp(['swapdb', '-1', '0'])).toBe('-ERR DB index is out of range\r\n');
  h.close();
});
