import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['geoadd', 'Sicily', '13.361389', '38.115556', 'Palermo']);
});
afterEach(() => h.close());

test('GEOPOS answers cell centres with 17 decimals and null arrays for missing members', () => {
  expect(h.resp(['geopos', 'Sicily', 'Palermo', 'nope'])).toBe(
    '*2\r\n*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n*-1\r\n',
  );
  expect(h.resp(['geopos', 'missing', 'a'])).toBe('*1\r\n*-1\r\n');
  h.run(['hello', '3']);
  expect(h.resp3(['geopos', 'Sicily', 'nope'])).toBe('*1\r\n_\r\n');
  // RESP3 doubles carry the value; the reply types print its shortest round-trip form.
  expect(h.resp3(['geopos', 'Sicily', 'Palermo'])).toBe('*1\r\n*2\r\n,13.36138933897018433\r\n,38.11555639549629859\r\n');
  expect(h.resp3(['geopos', 'Sicily'])).toBe('*0\r\n');
});

test('a plain sorted set member decodes too', () => {
  h.run(['zadd', 'z', '0', 'corner']);
  expect(h.resp(['geopos', 'z', 'corner'])).toBe(
    '*1\r\n*2\r\n$22\r\n-179.99999731779098511\r\n$21\r\n-85.05112751263942528\r\n',
  );
});
