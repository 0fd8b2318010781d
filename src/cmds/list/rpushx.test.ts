import { afterEach, beforeEach, expect, test } from 'vitest';
import { harnessWithEffects, type Harness } from '../../server/harness.js';

let h: Harness;
let events: string[];
beforeEach(() => ({ h, events } = harnessWithEffects()));
afterEach(() => h.close());

test('RPUSHX only pushes onto an existing list', () => {
  expect(h.resp(['rpushx', 'l', 'a'])).toBe(':0\r\n');
  h.run(['lpush', 'l', 'z']);
  expect(h.resp(['rpushx', 'l', 'a', 'b'])).toBe(':3\r\n');
  expect(h.run(['lrange', 'l', '0', '-1'])).toEqual(['z', 'a', 'b']);
  expect(events).toEqual(['lpush:l', 'rpush:l']);
  h.run(['set', 's', 'v']);
  expect(h.resp(['rpushx', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
