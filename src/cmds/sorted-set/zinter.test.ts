import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['zadd', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
});
afterEach(() => h.close());

test('ZINTER with weights and MIN', () => {
  h.run(['zadd', 'y', '10', 'a', '1', 'c']);
  expect(h.resp(['zinter', '2', 'z', 'y', 'WEIGHTS', '1', '2', 'AGGREGATE', 'MIN', 'WITHSCORES'])).toBe(
    '*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n2\r\n',
  );
});
