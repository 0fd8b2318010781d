import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('HINCRBY creates the key and field at 0 and adds', () => {
  expect(h.resp(['hincrby', 'h', 'n', '5'])).toBe(':5\r\n');
  expect(h.resp(['hincrby', 'h', 'n', '-7'])).toBe(':-2\r\n');
  expect(h.run(['hget', 'h', 'n'])).toBe('-2');
  expect(events).toEqual(['hincrby:h', 'hincrby:h']);
  expect(propagated).toEqual([
    ['hincrby', 'h', 'n', '5'],
    ['hincrby', 'h', 'n', '-7'],
  ]);
});

test('HINCRBY works across the int64 range and refuses overflow', () => {
  h.run(['hset', 'h', 'n', '9223372036854775800']);
  expect(h.resp(['hincrby', 'h', 'n', '7'])).toBe(':9223372036854775807\r\n');
  expect(h.resp(['hincrby', 'h', 'n', '1'])).toBe('-ERR increment or decrement would overflow\r\n');
  expect(h.resp(['hincrby', 'h', 'm', '-9223372036854775808'])).toBe(':-9223372036854775808\r\n');
  expect(h.resp(['hincrby', 'h', 'm', '-1'])).toBe('-ERR increment or decrement would overflow\r\n');
});

test('HINCRBY errors', () => {
  expect(h.resp(['hincrby', 'h', 'n', '1.5'])).toBe('-ERR value is not an integer or out of range\r\n');
  expect(h.run(['exists', 'h'])).toBe(0);
  for (const bad of ['abc', '010', '-0', ' 1', '1.0']) {
    h.run(['hset', 'h', 'n', bad]);
    expect(h.resp(['hincrby', 'h', 'n', '1'])).toBe('-ERR hash value is not an integer\r\n');
  }
  h.run(['set', 's', 'v']);
  expect(h.resp(['hincrby', 's', 'n', '1'])).toMatch(/^-WRONGTYPE/);
});

test('HINCRBY on a long field converts the hash', () => {
  h.run(['hset', 'h', 'a', '1']);
  h.run(['hincrby', 'h', 'f'.repeat(65), '1']);
  expect(h.run(['object', 'encoding', 'h'])).toBe('hashtable');
});
