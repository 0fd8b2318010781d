import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
beforeEach(() => {
  ({ h, propagated } = harnessWithEffects());
});
afterEach(() => h.close());

const members = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

test('SRANDMEMBER without count returns one member and changes nothing', () => {
  h.run(['sadd', 's', 'a', 'b', 'c']);
  for (let i = 0; i < 20; i++) expect(['a', 'b', 'c']).toContain(h.run(['srandmember', 's']));
  expect(h.resp(['scard', 's'])).toBe(':3\r\n');
  expect(propagated.length).toBe(1);
  expect(h.resp(['srandmember', 'missing'])).toBe('$-1\r\n');
});

test('SRANDMEMBER positive count: distinct members, the whole set at most', () => {
  h.run(['sadd', 's', ...members(100)]);
  for (const n of [1, 5, 40, 99]) {
    const r = h.run(['srandmember', 's', String(n)]) as string[];
    expect(r.length).toBe(n);
    expect(new Set(r).size).toBe(n);
  }
  expect((h.run(['srandmember', 's', '1000']) as string[]).length).toBe(100);
  expect(h.resp3(['srandmember', 's', '0'])).toBe('*0\r\n');
  expect(h.resp3(['srandmember', 'missing', '5'])).toBe('*0\r\n');
});

test('SRANDMEMBER negative count repeats members; the reply is an array even in RESP3', () => {
  h.run(['sadd', 's', 'a']);
  expect(h.resp3(['srandmember', 's', '-3'])).toBe('*3\r\n$1\r\na\r\n$1\r\na\r\n$1\r\na\r\n');
  h.run(['sadd', 's', 'b']);
  expect((h.run(['srandmember', 's', '-50']) as string[]).length).toBe(50);
});

test('SRANDMEMBER count errors', () => {
  h.run(['sadd', 's', 'a']);
  expect(h.resp(['srandmember', 's', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['srandmember', 's', '-9223372036854775808'])).toBe(
    '-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n',
  );
  expect(h.resp(['srandmember', 's', '1', '2'])).toBe('-ERR syntax error\r\n');
  h.run(['set', 'k', 'v']);
  expect(h.resp(['srandmember', 'k', '1'])).toMatch(/^-WRONGTYPE/);
});
