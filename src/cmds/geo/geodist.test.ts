import { afterEach, beforeEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness();
  h.run(['geoadd', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania']);
});
afterEach(() => h.close());

test('GEODIST in each unit, as a 4-decimal bulk string in both protocols', () => {
  expect(h.resp(['geodist', 'Sicily', 'Palermo', 'Catania'])).toBe('$11\r\n166274.1516\r\n');
  expect(h.resp3(['geodist', 'Sicily', 'Palermo', 'Catania'])).toBe('$11\r\n166274.1516\r\n');
  expect(h.run(['geodist', 'Sicily', 'Palermo', 'Catania', 'KM'])).toBe('166.2742');
  expect(h.run(['geodist', 'Sicily', 'Palermo', 'Catania', 'mi'])).toBe('103.3182');
  expect(h.run(['geodist', 'Sicily', 'Palermo', 'Catania', 'ft'])).toBe('545518.8700');
  expect(h.run(['geodist', 'Sicily', 'Palermo', 'Palermo'])).toBe('0.0000');
});

test('missing members or key answer null; bad units and extra arguments are errors', () => {
  expect(h.resp(['geodist', 'Sicily', 'Palermo', 'nope'])).toBe('$-1\r\n');
  expect(h.resp3(['geodist', 'missing', 'a', 'b'])).toBe('_\r\n');
  expect(h.resp(['geodist', 'Sicily', 'Palermo', 'Catania', 'yd'])).toBe(
    '-ERR unsupported unit provided. please use M, KM, FT, MI\r\n',
  );
  expect(h.resp(['geodist', 'Sicily', 'Palermo', 'Catania', 'km', 'x'])).toBe('-ERR syntax error\r\n');
});
