import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PEXPIREAT takes a unix time in ms and propagates as sent', () => {
  const h = createHarness();
  const seen: string[][] = [];
  h.server.engine.onPropagate((_db, argv) => seen.push(argv));
  h.run(['set', 'k', 'v']);
  const at = Date.now() + 60000;
  expect(h.resp(['pexpireat', 'k', String(at), 'nx'])).toBe(':1\r\n');
  expect(h.resp(['pexpiretime', 'k'])).toBe(`:${at}\r\n`);
  expect(seen[1]).toEqual(['pexpireat', 'k', String(at), 'nx']);
  expect(h.resp(['pexpireat', 'k', '9223372036854775807'])).toBe(':1\r\n');
  expect(h.resp(['pexpireat', 'nokey', '1'])).toBe(':0\r\n');
  h.close();
});
