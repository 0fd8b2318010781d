import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
let propagated: string[][];
beforeEach(() => {
  ({ h, events, propagated } = harnessWithEffects());
});
afterEach(() => h.close());

test('SINTERSTORE stores the intersection over any type, dropping the TTL', () => {
  h.run(['sadd', '{t}a', '1', '2', '3']);
  h.run(['sadd', '{t}b', '2', '3', '4']);
  h.run(['set', '{t}d', 'v', 'EX', '100']);
  events.length = 0;
  expect(h.resp(['sinterstore', '{t}d', '{t}a', '{t}b'])).toBe(':2\r\n');
  expect(events).toEqual(['sinterstore:{t}d']);
  expect(h.resp(['ttl', '{t}d'])).toBe(':-1\r\n');
  expect(h.run(['object', 'encoding', '{t}d'])).toBe('intset');
  expect(propagated.at(-1)).toEqual(['sinterstore', '{t}d', '{t}a', '{t}b']);
});

test('SINTERSTORE with an empty result deletes the destination', () => {
  h.run(['sadd', '{t}a', 'x']);
  h.run(['sadd', '{t}b', 'y']);
  h.run(['sadd', '{t}d', 'z']);
  events.length = 0;
  expect(h.resp(['sinterstore', '{t}d', '{t}a', '{t}b'])).toBe(':0\r\n');
  expect(events).toEqual(['del:{t}d']);
  h.run(['sadd', '{t}d', 'z']);
  expect(h.resp(['sinterstore', '{t}d', '{t}a', '{t}missing'])).toBe(':0\r\n');
  expect(h.resp(['exists', '{t}d'])).toBe(':0\r\n');
  const before = propagated.length;
  expect(h.resp(['sinterstore', '{t}d', '{t}a', '{t}missing'])).toBe(':0\r\n');
  expect(propagated.length).toBe(before);
});

test('SINTERSTORE result encodings follow the members', () => {
  h.run(['sadd', '{t}a', 'x', 'y']);
  h.run(['sinterstore', '{t}d', '{t}a', '{t}a']);
  expect(h.run(['object', 'encoding', '{t}d'])).toBe('listpack');
});
