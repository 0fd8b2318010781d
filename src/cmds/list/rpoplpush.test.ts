import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => ({ h, propagated, events } = harnessWithEffects()));
afterEach(() => h.close());

test('RPOPLPUSH moves the tail of one list to the head of another', () => {
  expect(h.resp(['rpoplpush', '{t}a', '{t}b'])).toBe('$-1\r\n');
  h.run(['rpush', '{t}a', '1', '2']);
  h.run(['rpush', '{t}b', 'x']);
  expect(h.run(['rpoplpush', '{t}a', '{t}b'])).toBe('2');
  expect(h.run(['lrange', '{t}b', '0', '-1'])).toEqual(['2', 'x']);
  expect(events.slice(2)).toEqual(['lpush:{t}b', 'rpop:{t}a']);
  expect(propagated[2]).toEqual(['rpoplpush', '{t}a', '{t}b']);
  h.run(['set', '{t}s', 'v']);
  expect(h.resp(['rpoplpush', '{t}a', '{t}s'])).toMatch(/^-WRONGTYPE/);
});
