import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('SADD counts new members, fires "sadd" only when something was added', () => {
  expect(h.resp(['sadd', 's', 'a', 'b', 'a'])).toBe(':2\r\n');
  expect(h.resp(['sadd', 's', 'a'])).toBe(':0\r\n');
  expect(h.resp(['sadd', 's', 'c'])).toBe(':1\r\n');
  expect(h.resp(['scard', 's'])).toBe(':3\r\n');
  expect(events).toEqual(['sadd:s', 'sadd:s']);
  expect(propagated).toEqual([['sadd', 's', 'a', 'b', 'a'], ['sadd', 's', 'c']]);
  expect(h.server.engine.dirty).toBe(3);
});

test('SADD refuses other types', () => {
  h.run(['set', 'k', 'v']);
  expect(h.resp(['sadd', 'k', 'a'])).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
});

test('SADD picks the encoding from the first member and the member count (Redis 7.2)', () => {
  h.run(['sadd', 'i', '1', '2', '3']);
  expect(h.run(['object', 'encoding', 'i'])).toBe('intset');
  h.run(['sadd', 'l', 'a', '1']);
  expect(h.run(['object', 'encoding', 'l'])).toBe('listpack');
  h.run(['sadd', 'h', ...Array.from({ length: 200 }, () => 'same')]);
  expect(h.resp(['scard', 'h'])).toBe(':1\r\n');
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
  h.run(['sadd', 'i', 'x'.repeat(65)]);
  expect(h.run(['object', 'encoding', 'i'])).toBe('hashtable');
});

test('SADD follows set-max-* changed at run time', () => {
  h.run(['config', 'set', 'set-max-intset-entries', '2']);
  h.run(['sadd', 's', '1', '2']);
  expect(h.run(['object', 'encoding', 's'])).toBe('intset');
  h.run(['sadd', 's', '3']);
  expect(h.run(['object', 'encoding', 's'])).toBe('hashtable');
});
