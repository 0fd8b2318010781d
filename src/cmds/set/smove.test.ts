import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => {
  ({ h, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('SMOVE moves a member, creating the destination and deleting an emptied source', () => {
  h.run(['sadd', '{t}a', 'x']);
  events.length = 0;
  expect(h.resp(['smove', '{t}a', '{t}b', 'x'])).toBe(':1\r\n');
  expect(events).toEqual(['srem:{t}a', 'del:{t}a', 'sadd:{t}b']);
  expect(h.resp(['exists', '{t}a'])).toBe(':0\r\n');
  expect(h.resp(['smembers', '{t}b'])).toBe('*1\r\n$1\r\nx\r\n');
  expect(h.server.engine.dirty).toBe(3);
});

test('SMOVE to a set that has the member only removes it from the source', () => {
  h.run(['sadd', '{t}a', 'x', 'y']);
  h.run(['sadd', '{t}b', 'x']);
  events.length = 0;
  expect(h.resp(['smove', '{t}a', '{t}b', 'x'])).toBe(':1\r\n');
  expect(events).toEqual(['srem:{t}a']);
  expect(h.resp(['smove', '{t}a', '{t}b', 'nope'])).toBe(':0\r\n');
});

test('SMOVE within one key, from a missing key, and type errors', () => {
  h.run(['sadd', '{t}a', 'x']);
  expect(h.resp(['smove', '{t}a', '{t}a', 'x'])).toBe(':1\r\n');
  expect(h.resp(['smove', '{t}a', '{t}a', 'y'])).toBe(':0\r\n');
  h.run(['set', '{t}s', 'v']);
  expect(h.resp(['smove', '{t}missing', '{t}s', 'x'])).toBe(':0\r\n');
  expect(h.resp(['smove', '{t}a', '{t}s', 'x'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['smove', '{t}s', '{t}a', 'x'])).toMatch(/^-WRONGTYPE/);
  expect(h.resp(['scard', '{t}a'])).toBe(':1\r\n');
});

test('SMOVE creates the destination with the member as encoding hint', () => {
  h.run(['sadd', '{t}a', '5', 'x']);
  h.run(['smove', '{t}a', '{t}i', '5']);
  expect(h.run(['object', 'encoding', '{t}i'])).toBe('intset');
});
