import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('HSET replies with the number of new fields, notifies hset once and counts every pair as dirty', () => {
  const dirty = h.server.engine.dirty;
  expect(h.resp(['hset', 'h', 'a', '1', 'b', '2'])).toBe(':2\r\n');
  expect(h.resp(['hset', 'h', 'a', 'x', 'c', '3'])).toBe(':1\r\n');
  expect(h.server.engine.dirty - dirty).toBe(4);
  expect(h.run(['hget', 'h', 'a'])).toBe('x');
  expect(events).toEqual(['hset:h', 'hset:h']);
  expect(propagated).toEqual([
    ['hset', 'h', 'a', '1', 'b', '2'],
    ['hset', 'h', 'a', 'x', 'c', '3'],
  ]);
});

test('HSET checks the pairing and the type', () => {
  expect(h.resp(['hset', 'h', 'a', '1', 'b'])).toBe("-ERR wrong number of arguments for 'hset' command\r\n");
  expect(h.run(['exists', 'h'])).toBe(0);
  h.run(['set', 's', 'v']);
  expect(h.resp(['hset', 's', 'a', '1'])).toMatch(/^-WRONGTYPE/);
});

test('HSET switches to hashtable past hash-max-listpack-entries or -value, and never back', () => {
  h.run(['config', 'set', 'hash-max-listpack-entries', '2']);
  h.run(['hset', 'h', 'a', '1', 'b', '2']);
  expect(h.run(['object', 'encoding', 'h'])).toBe('listpack');
  h.run(['hset', 'h', 'c', '3']);
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
  h.run(['hdel', 'h', 'c', 'b']);
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
  h.run(['hset', 'v', 'a', 'x'.repeat(64)]);
  expect(h.run(['object', 'encoding', 'v'])).toBe('listpack');
  h.run(['hset', 'v', 'a', 'x'.repeat(65)]);
  expect(h.run(['object', 'encoding', 'v'])).toBe('hashtable');
});

test('HSET keeps the TTL and COPY duplicates the hash', () => {
  h.run(['hset', 'h', 'a', '1']);
  h.run(['expire', 'h', '100']);
  h.run(['hset', 'h', 'b', '2']);
  expect(h.run(['ttl', 'h'])).toBe(100);
  expect(h.run(['copy', 'h', 'c'])).toBe(1);
  h.run(['hset', 'h', 'a', 'changed']);
  expect(h.run(['hget', 'c', 'a'])).toBe('1');
  expect(h.resp(['type', 'c'])).toBe('+hash\r\n');
});
