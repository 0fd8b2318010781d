import { expect, test } from 'vitest';
import { createHarness } from '../../server/harness.js';

test('LPOS finds by rank, count and maxlen', () => {
  const h = createHarness();
  h.run(['rpush', 'l', 'a', 'b', 'c', '1', '2', '3', 'c', 'c']);
  expect(h.run(['lpos', 'l', 'c'])).toBe(2);
  expect(h.run(['lpos', 'l', 'c', 'rank', '2'])).toBe(6);
  expect(h.run(['lpos', 'l', 'c', 'rank', '-1'])).toBe(7);
  expect(h.run(['lpos', 'l', 'c', 'count', '0'])).toEqual([2, 6, 7]);
  expect(h.run(['lpos', 'l', 'c', 'count', '2', 'rank', '-1'])).toEqual([7, 6]);
  expect(h.run(['lpos', 'l', 'c', 'count', '0', 'maxlen', '3'])).toEqual([2]);
  expect(h.run(['lpos', 'l', 'c', 'rank', '4'])).toBe(null);
  expect(h.resp(['lpos', 'l', 'zz', 'count', '1'])).toBe('*0\r\n');
  expect(h.resp(['lpos', 'missing', 'a'])).toBe('$-1\r\n');
  expect(h.resp(['lpos', 'missing', 'a', 'count', '1'])).toBe('*0\r\n');
  h.close();
});

test('LPOS option errors, worded as Redis words them', () => {
  const h = createHarness();
  h.run(['set', 's', 'v']);
  expect(h.resp(['lpos', 's', 'a', 'rank', '0'])).toBe(
    "-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n",
  );
  expect(h.resp(['lpos', 's', 'a', 'rank', '-9223372036854775808'])).toBe(
    '-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n',
  );
  expect(h.resp(['lpos', 's', 'a', 'rank', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['lpos', 's', 'a', 'count', '-1'])).toBe("-ERR COUNT can't be negative\r\n");
  expect(h.resp(['lpos', 's', 'a', 'maxlen', 'x'])).toBe("-ERR MAXLEN can't be negative\r\n");
  expect(h.resp(['lpos', 's', 'a', 'rank'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['lpos', 's', 'a'])).toMatch(/^-WRONGTYPE/);
  h.close();
});
