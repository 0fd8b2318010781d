import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => ({ h, events } = harnessWithEffects()));
afterEach(() => h.close());

test('RPUSH appends and replies with the length', () => {
  expect(h.resp(['rpush', 'l', 'a', 'b'])).toBe(':2\r\n');
  expect(h.resp(['rpush', 'l', 'c'])).toBe(':3\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['a', 'b', 'c']);
  expect(events).toEqual(['rpush:l', 'rpush:l']);
});

test('RPUSH converts to quicklist past 8 KB and, under list-max-listpack-size 4, past 4 entries', () => {
  h.run(['rpush', 'big', 'x'.repeat(5000)]);
  expect(h.run(['object', 'encoding', 'big'])).toBe('listpack');
  h.run(['rpush', 'big', 'x'.repeat(5000)]);
  expect(h.run(['object', 'encoding', 'big'])).toBe('quicklist');
  h.run(['config', 'set', 'list-max-listpack-size', '4']);
  h.run(['rpush', 'n', '1', '2', '3', '4']);
  expect(h.run(['object', 'encoding', 'n'])).toBe('listpack');
  h.run(['rpush', 'n', '5']);
  expect(h.run(['object', 'encoding', 'n'])).toBe('quicklist');
});
