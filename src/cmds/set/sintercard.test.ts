import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('SINTERCARD counts the intersection, stopping at LIMIT', () => {
  h.run(['sadd', '{t}a', 'a', 'b', 'c', 'd']);
  h.run(['sadd', '{t}b', 'b', 'c', 'd', 'e']);
  expect(h.resp(['sintercard', '2', '{t}a', '{t}b'])).toBe(':3\r\n');
  expect(h.resp(['sintercard', '2', '{t}a', '{t}b', 'LIMIT', '2'])).toBe(':2\r\n');
  expect(h.resp(['sintercard', '2', '{t}a', '{t}b', 'limit', '0'])).toBe(':3\r\n');
  expect(h.resp(['sintercard', '1', '{t}a'])).toBe(':4\r\n');
  expect(h.resp(['sintercard', '2', '{t}a', '{t}missing'])).toBe(':0\r\n');
});

test('SINTERCARD argument errors', () => {
  h.run(['sadd', '{t}a', 'a']);
  expect(h.resp(['sintercard', '0', '{t}a'])).toBe('-ERR numkeys should be greater than 0\r\n');
  expect(h.resp(['sintercard', 'x', '{t}a'])).toBe('-ERR numkeys should be greater than 0\r\n');
  expect(h.resp(['sintercard', '2', '{t}a'])).toBe("-ERR Number of keys can't be greater than number of args\r\n");
  expect(h.resp(['sintercard', '1', '{t}a', 'LIMIT', '-1'])).toBe("-ERR LIMIT can't be negative\r\n");
  expect(h.resp(['sintercard', '1', '{t}a', 'LIMIT', 'x'])).toBe("-ERR LIMIT can't be negative\r\n");
  expect(h.resp(['sintercard', '1', '{t}a', 'LIMIT'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['sintercard', '1', '{t}a', 'foo', '1'])).toBe('-ERR syntax error\r\n');
});
