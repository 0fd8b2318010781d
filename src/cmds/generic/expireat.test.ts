import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('EXPIREAT takes a unix time in seconds', () => {
  const h = createHarness();
  const seen: string[][] = [];
  h.server.engine.onPropagate((_db, argv) => seen.push(argv));
  h.run(['set', 'k', 'v']);
  const at = Math.floor(Date.now() / 1000) + 60;
  expect(h.resp(['expireat', 'k', String(at)])).toBe(':1\r\n');
  expect(h.resp(['expiretime', 'k'])).toBe(`:${at}\r\n`);
  expect(seen[1]).toEqual(['PEXPIREAT', 'k', String(at * 1000)]);
  expect(h.resp(['expireat', 'k', '9223372036854775807'])).toBe("-ERR invalid expire time in 'expireat' command\r\n");
  expect(h.resp(['expireat', 'k', '1'])).toBe(':1\r\n');
  expect(h.resp(['exists', 'k'])).toBe(':0\r\n');
  h.close();
});
