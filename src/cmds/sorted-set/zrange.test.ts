import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('WITHSCORES: flat in RESP2, [member, double] pairs in RESP3', () => {
  h.run(['zadd', 'z', '1.5', 'a', '2', 'b', '3', 'c']);
  expect(h.resp(['zrange', 'z', '0', '1', 'WITHSCORES'])).toBe('*4\r\n$1\r\na\r\n$3\r\n1.5\r\n$1\r\nb\r\n$1\r\n2\r\n');
  h.run(['hello', '3']);
  expect(h.resp3(['zrange', 'z', '0', '1', 'WITHSCORES'])).toBe('*2\r\n*2\r\n$1\r\na\r\n,1.5\r\n*2\r\n$1\r\nb\r\n,2\r\n');
  expect(h.resp3(['zrange', 'z', '0', '-1'])).toBe('*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n');
});

test('ZRANGE by rank, score and lex, reversed and limited', () => {
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
  expect(h.run(['zrange', 'z', '0', '1', 'REV'])).toEqual(['d', 'c']);
  expect(h.run(['zrange', 'z', '(1', '4', 'BYSCORE', 'LIMIT', '1', '2'])).toEqual(['c', 'd']);
  expect(h.run(['zrange', 'z', '4', '(1', 'BYSCORE', 'REV', 'LIMIT', '1', '-1'])).toEqual(['c', 'b']);
  expect(h.run(['zrange', 'z', '[b', '+', 'BYLEX', 'LIMIT', '0', '2'])).toEqual(['b', 'c']);
  expect(h.resp(['zrange', 'z', '0', '1', 'LIMIT', '0', '1'])).toBe(
    '-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX\r\n',
  );
  expect(h.resp(['zrange', 'z', '-', '+', 'BYLEX', 'WITHSCORES'])).toBe(
    '-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n',
  );
  expect(propagated).toHaveLength(1);
});

test('ranges over a large (skiplist) set agree with a sorted model', () => {
  const args: string[] = [];
  for (let i = 0; i < 1000; i++) args.push(String(i % 37), `m${i}`);
  h.run(['zadd', 'z', ...args]);
  const model = Array.from({ length: 1000 }, (_, i) => [i % 37, `m${i}`] as const).sort(
    (x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1),
  );
  expect(h.run(['zrange', 'z', '500', '504'])).toEqual(model.slice(500, 505).map((e) => e[1]));
  expect(h.run(['zrange', 'z', '10', '(12', 'BYSCORE'])).toEqual(model.filter((e) => e[0] >= 10 && e[0] < 12).map((e) => e[1]));
  expect(h.run(['zrank', 'z', 'm999'])).toBe(model.findIndex((e) => e[1] === 'm999'));
  expect(h.run(['zcount', 'z', '(5', '9'])).toBe(model.filter((e) => e[0] > 5 && e[0] <= 9).length);
});
