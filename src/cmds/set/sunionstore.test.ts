import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => {
  ({ h, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('SUNIONSTORE stores the union; an empty union deletes the destination', () => {
  h.run(['sadd', '{t}a', 'a', 'b']);
  h.run(['sadd', '{t}b', 'b', 'c']);
  events.length = 0;
  expect(h.resp(['sunionstore', '{t}d', '{t}a', '{t}b'])).toBe(':3\r\n');
  expect(events).toEqual(['sunionstore:{t}d']);
  expect(h.resp(['scard', '{t}d'])).toBe(':3\r\n');
  expect(h.resp(['sunionstore', '{t}d', '{t}missing'])).toBe(':0\r\n');
  expect(events.at(-1)).toBe('del:{t}d');
  expect(h.resp(['exists', '{t}d'])).toBe(':0\r\n');
});

test('SUNIONSTORE into a source key and the stored encoding', () => {
  h.run(['sadd', '{t}a', ...Array.from({ length: 300 }, (_, i) => String(i))]);
  h.run(['sadd', '{t}b', ...Array.from({ length: 300 }, (_, i) => String(i + 250))]);
  expect(h.resp(['sunionstore', '{t}a', '{t}a', '{t}b'])).toBe(':550\r\n');
  expect(h.run(['object', 'encoding', '{t}a'])).toBe('hashtable');
});
