import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('HSTRLEN', () => {
  h.run(['hset', 'h', 'a', 'hello', 'n', '-123', 'e', '']);
  expect(h.resp(['hstrlen', 'h', 'a'])).toBe(':5\r\n');
  expect(h.resp(['hstrlen', 'h', 'n'])).toBe(':4\r\n');
  expect(h.resp(['hstrlen', 'h', 'e'])).toBe(':0\r\n');
  expect(h.resp(['hstrlen', 'h', 'x'])).toBe(':0\r\n');
  expect(h.resp(['hstrlen', 'nokey', 'x'])).toBe(':0\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['hstrlen', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
