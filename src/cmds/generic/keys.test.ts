import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('KEYS matches a glob pattern and hides expired keys without deleting them', () => {
  const h = createHarness();
  h.run(['mset', 'user:1', 'a', 'user:2', 'b', 'other', 'c']);
  h.run(['set', 'user:3', 'x', 'px', '5000']);
  expect((h.run(['keys', 'user:*']) as string[]).sort()).toEqual(['user:1', 'user:2', 'user:3']);
  h.advanceTime(5010);
  expect((h.run(['keys', 'user:*']) as string[]).sort()).toEqual(['user:1', 'user:2']);
  expect((h.run(['keys', '*']) as string[]).sort()).toEqual(['other', 'user:1', 'user:2']);
  expect(h.resp(['dbsize'])).toBe(':4\r\n');
  expect(h.resp(['keys', 'nomatch*'])).toBe('*0\r\n');
  expect(h.run(['keys', 'user:[12]'])).toHaveLength(2);
  h.close();
});
