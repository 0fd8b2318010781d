import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LMOVE moves between lists: push event first, then pop, then del', () => {
  expect(h.resp(['lmove', '{t}a', '{t}b', 'left', 'right'])).toBe('$-1\r\n');
  h.run(['rpush', '{t}a', '1', '2']);
  expect(h.run(['lmove', '{t}a', '{t}b', 'LEFT', 'right'])).toBe('1');
  expect(h.run(['lmove', '{t}a', '{t}b', 'right', 'left'])).toBe('2');
  expect(h.run(['lrange', '{t}b', '0', '-1'])).toEqual(['2', '1']);
  expect(h.run(['exists', '{t}a'])).toBe(0);
  expect(events).toEqual(['rpush:{t}a', 'rpush:{t}b', 'lpop:{t}a', 'lpush:{t}b', 'rpop:{t}a', 'del:{t}a']);
  expect(propagated.slice(1)).toEqual([
    ['lmove', '{t}a', '{t}b', 'LEFT', 'right'],
    ['lmove', '{t}a', '{t}b', 'right', 'left'],
  ]);
});

test('LMOVE rotates a list onto itself and checks types and words', () => {
  h.run(['rpush', 'l', 'a', 'b', 'c']);
  expect(h.run(['lmove', 'l', 'l', 'left', 'right'])).toBe('a');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['b', 'c', 'a']);
  h.run(['lpush', 'one', 'x']);
  expect(h.run(['lmove', 'one', 'one', 'right', 'left'])).toBe('x');
  expect(h.run(['llen', 'one'])).toBe(1);
  h.run(['set', 's', 'v']);
  expect(h.resp(['lmove', 'l', 's', 'left', 'left'])).toMatch(/^-WRONGTYPE/);
  expect(h.run(['llen', 'l'])).toBe(3);
  expect(h.resp(['lmove', 's', 'l', 'left', 'left'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['lmove', 'l', 'l', 'up', 'left'])).toBe('-ERR syntax error\r\n');
  expect(h.resp(['lmove', 'l', 'l', 'left', 'down'])).toBe('-ERR syntax error\r\n');
});
