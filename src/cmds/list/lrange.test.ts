import { expect, test } from 'vitest';
import { createHarness } from '../../server/harness.js';

test('LRANGE clamps and converts indexes like Redis', () => {
  const h = createHarness();
  h.run(['rpush', 'l', 'a', 'b', 'c', 'd', 'e']);
  const r = (a: string, b: string) => h.run(['lrange', 'l', a, b]);
  expect(r('0', '-1')).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(r('1', '2')).toEqual(['b', 'c']);
  expect(r('-2', '100')).toEqual(['d', 'e']);
  expect(r('-100', '0')).toEqual(['a']);
  expect(r('3', '1')).toEqual([]);
  expect(r('5', '10')).toEqual([]);
  expect(r('-9223372036854775808', '9223372036854775807')).toEqual(['a', 'b', 'c', 'd', 'e']);
  expect(r('0', '-6')).toEqual([]);
  expect(h.resp(['lrange', 'missing', '0', '-1'])).toBe('*0\r\n');
  expect(h.resp(['lrange', 'missing', 'x', '-1'])).toBe('-ERR value is not an integer or out of range\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['lrange', 's', '0', '1'])).toMatch(/^-WRONGTYPE/);
  h.close();
});
