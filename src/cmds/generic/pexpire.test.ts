import { it, expect } from 'vitest';
import { createHarness } from '../../server/harness.js';

it('PEXPIRE sets a TTL in milliseconds and checks int64 overflow', () => {
  const h = createHarness();
  h.run(['set', 'k', 'v']);
  expect(h.resp(['pexpire', 'k', '1500'])).toBe(':1\r\n');
  const left = Number(h.run(['pttl', 'k']));
  expect(left).toBeGreaterThan(1400);
  expect(left).toBeLessThanOrEqual(1500);
  expect(h.resp(['pexpire', 'k', '9223372036854775807'])).toBe("-ERR invalid expire time in 'pexpire' command\r\n");
  // A huge negative time does not overflow the addition: the key is deleted.
  expect(h.resp(['pexpire', 'k', '-9223372036854775808'])).toBe(':1\r\n');
  expect(h.resp(['exists', 'k'])).toBe(':0\r\n');
  h.close();
});
