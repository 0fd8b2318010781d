import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZSCAN returns a small set whole, and walks a large one completely', () => {
  h.run(['zadd', 'z', '1.5', 'a', '2', 'b']);
  expect(h.run(['zscan', 'z', '0'])).toEqual(['0', ['a', '1.5', 'b', '2']]);
  const args: string[] = [];
  for (let i = 0; i < 500; i++) args.push(String(i), `m${i}`);
  h.run(['zadd', 'big', ...args]);
  const seen = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, items] = h.run(['zscan', 'big', cursor, 'COUNT', '50']) as [string, string[]];
    for (let i = 0; i < items.length; i += 2) seen.set(items[i], items[i + 1]);
    cursor = next;
  } while (cursor !== '0');
  expect(seen.size).toBe(500);
  expect(seen.get('m42')).toBe('42');
  expect(events).toEqual(['zadd:z', 'zadd:big']);
});
