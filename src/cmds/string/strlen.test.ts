import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => (h = createHarness()));
afterEach(() => h.close());

test('STRLEN of missing, plain, integer, mutable and wrong-type values', () => {
  expect(h.resp(['strlen', 'k'])).toBe(':0\r\n');
  h.run(['set', 'k', 'hello']);
  expect(h.resp(['strlen', 'k'])).toBe(':5\r\n');
  h.run(['set', 'n', '-123']);
  expect(h.resp(['strlen', 'n'])).toBe(':4\r\n');
  h.run(['setrange', 'm', '10', 'x']);
  expect(h.resp(['strlen', 'm'])).toBe(':11\r\n');
  h.server.engine.dbs[0].set('l', { type: 'list', encoding: () => 'listpack' });
  expect(h.resp(['strlen', 'l'])).toMatch(/^-WRONGTYPE/);
});
