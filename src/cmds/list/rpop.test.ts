import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => ({ h, events } = harnessWithEffects()));
afterEach(() => h.close());

test('RPOP pops from the tail; with a count the tail comes first', () => {
  h.run(['rpush', 'l', 'a', 'b', 'c', 'd']);
  expect(h.run(['rpop', 'l'])).toBe('d');
  expect(h.run(['rpop', 'l', '2'])).toEqual(['c', 'b']);
  expect(h.run(['rpop', 'l', '5'])).toEqual(['a']);
  expect(h.resp(['rpop', 'l'])).toBe('$-1\r\n');
  expect(events).toEqual(['rpush:l', 'rpop:l', 'rpop:l', 'rpop:l', 'del:l']);
});

test('a quicklist popped below half a node becomes a listpack again', () => {
  for (let i = 0; i < 200; i++) h.run(['rpush', 'l', 'x'.repeat(60)]);
  expect(h.run(['object', 'encoding', 'l'])).toBe('quicklist');
  h.run(['rpop', 'l', '130']);
  expect(h.run(['object', 'encoding', 'l'])).toBe('quicklist');
  h.run(['rpop', 'l', '10']);
  expect(h.run(['object', 'encoding', 'l'])).toBe('listpack');
});
