import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

test('GEOHASH gives standard 11-character strings, null for missing members', () => {
  h.run(['geoadd', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania']);
  expect(h.run(['geohash', 'Sicily', 'Palermo', 'Catania', 'nope'])).toEqual(['sqc8b49rny0', 'sqdtr74hyu0', null]);
  expect(h.resp3(['geohash', 'missing', 'a'])).toBe('*1\r\n_\r\n');
  h.run(['set', 's', 'v']);
  expect(h.resp(['geohash', 's', 'a'])).toMatch(/^-WRONGTYPE/);
});
