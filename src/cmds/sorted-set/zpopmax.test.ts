import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZPOPMAX pops highest first', () => {
  expect(h.resp(['zpopmax', 'z', '2'])).toBe('*4\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\nc\r\n$1\r\n3\r\n');
});
