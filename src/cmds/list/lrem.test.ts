import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => ({ h, events } = harnessWithEffects()));
afterEach(() => h.close());

test('LREM removes from the head, the tail or everywhere', () => {
  h.run(['rpush', 'l', 'x', 'a', 'x', 'b', 'x', 'c', 'x']);
  expect(h.resp(['lrem', 'l', '1', 'x'])).toBe(':1\r\n');
  expect(h.resp(['lrem', 'l', '-2', 'x'])).toBe(':2\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['a', 'x', 'b', 'c']);
  expect(h.resp(['lrem', 'l', '0', 'nope'])).toBe(':0\r\n');
  expect(h.resp(['lrem', 'l', '0', 'x'])).toBe(':1\r\n');
  expect(events).toEqual(['rpush:l', 'lrem:l', 'lrem:l', 'lrem:l']);
  expect(h.server.engine.dirty).toBe(7 + 4);
});

test('LREM deletes an emptied list; parses the count before the key', () => {
  h.run(['rpush', 'l', 'x', 'x']);
  expect(h.resp(['lrem', 'l', '0', 'x'])).toBe(':2\r\n');
  expect(h.run(['exists', 'l'])).toBe(0);
  expect(events.slice(-2)).toEqual(['lrem:l', 'del:l']);
  expect(h.resp(['lrem', 'l', 'one', 'x'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.resp(['lrem', 'l', '1', 'x'])).toBe(':0\r\n');
});
