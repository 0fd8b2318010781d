import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let propagated: string[][];
let events: string[];
beforeEach(() => {
  ({ h, propagated, events } = harnessWithEffects());
});
afterEach(() => h.close());

test('ZRANDMEMBER: distinct picks, repeats for negative counts, the whole set highest first', () => {
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c']);
  expect(h.run(['zrandmember', 'z', '10'])).toEqual(['c', 'b', 'a']);
  const picks = h.run(['zrandmember', 'z', '2']) as string[];
  expect(new Set(picks).size).toBe(2);
  expect((h.run(['zrandmember', 'z', '-20']) as string[]).length).toBe(20);
  expect(h.resp(['zrandmember', 'z', '-1', 'WITHSCORES'])).toMatch(/^\*2\r\n\$1\r\n[abc]\r\n\$1\r\n[123]\r\n$/);
  h.run(['hello', '3']);
  expect(h.resp3(['zrandmember', 'z', '-1', 'WITHSCORES'])).toMatch(/^\*1\r\n\*2\r\n\$1\r\n[abc]\r\n,[123]\r\n$/);
  expect(['a', 'b', 'c']).toContain(h.run(['zrandmember', 'z']));
  expect(propagated).toHaveLength(1);
});
