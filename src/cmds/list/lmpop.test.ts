import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LMPOP pops from the first non-empty list and propagates as LPOP/RPOP with the popped count', () => {
  expect(h.resp(['lmpop', '2', '{t}a', '{t}b', 'left'])).toBe('*-1\r\n');
  expect(h.resp3(['lmpop', '2', '{t}a', '{t}b', 'left'])).toBe('_\r\n');
  h.run(['rpush', '{t}b', '1', '2', '3']);
  expect(h.run(['lmpop', '2', '{t}a', '{t}b', 'left'])).toEqual(['{t}b', ['1']]);
  expect(h.run(['lmpop', '2', '{t}a', '{t}b', 'RIGHT', 'count', '10'])).toEqual(['{t}b', ['3', '2']]);
  expect(h.run(['exists', '{t}b'])).toBe(0);
  expect(propagated.slice(1)).toEqual([['LPOP', '{t}b', '1'], ['RPOP', '{t}b', '2']]);
  expect(events.slice(1)).toEqual(['lpop:{t}b', 'rpop:{t}b', 'del:{t}b']);
});

test('LMPOP argument errors and WRONGTYPE', () => {
  const err = (argv: string[]) => h.resp(['lmpop', ...argv]);
  expect(err(['0', 'a', 'left'])).toBe('-ERR numkeys should be greater than 0\r\n');
  expect(err(['x', 'a', 'left'])).toBe('-ERR numkeys should be greater than 0\r\n');
  expect(err(['2', 'a', 'left'])).toBe('-ERR syntax error\r\n');
  expect(err(['1', 'a', 'middle'])).toBe('-ERR syntax error\r\n');
  expect(err(['1', 'a', 'left', 'count', '0'])).toBe('-ERR count should be greater than 0\r\n');
  expect(err(['1', 'a', 'left', 'count', '1', 'count', '1'])).toBe('-ERR syntax error\r\n');
  expect(err(['1', 'a', 'left', 'count'])).toBe('-ERR syntax error\r\n');
  h.run(['set', '{t}s', 'v']);
  h.run(['rpush', '{t}l', 'x']);
  expect(h.resp(['lmpop', '2', '{t}s', '{t}l', 'left'])).toMatch(/^-WRONGTYPE/);
  expect(h.run(['lmpop', '2', '{t}none', '{t}l', 'left'])).toEqual(['{t}l', ['x']]);
});
