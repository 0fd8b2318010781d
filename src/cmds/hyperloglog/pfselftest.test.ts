import { afterEach, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';

let h: Harness | undefined;
afterEach(() => h?.close());

test('PFSELFTEST passes', () => {
  h = createHarness();
  expect(h.resp(['pfselftest'])).toBe('+OK\r\n');
  expect(h.resp(['pfselftest', 'x'])).toBe("-ERR wrong number of arguments for 'pfselftest' command\r\n");
});
