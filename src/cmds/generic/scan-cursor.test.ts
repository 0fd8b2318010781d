import { describe, it, expect } from 'vitest';
import { parseScanCursor } from './scan-cursor.js';

// strtoul() rules as redis-server 7 applies them (checked against the real server).
describe('parseScanCursor', () => {
  const valid: Array<[string, bigint]> = [
    ['0', 0n],
    ['', 0n],
    ['17', 17n],
    ['+1', 1n],
    ['01', 1n],
    ['-0', 0n],
    ['-1', 18446744073709551615n],
    ['-18446744073709551615', 1n],
    ['18446744073709551615', 18446744073709551615n],
    ['0000000000000000000000000018446744073709551615', 18446744073709551615n],
    ['1\x00junk', 1n],
  ];
  for (const [s, v] of valid) it(`accepts ${JSON.stringify(s)}`, () => expect(parseScanCursor(s)).toBe(v));

  for (const s of ['x', ' 1', '\t1', '1 ', '0x1', '+', '-', '18446744073709551616', '-18446744073709551616', '1.5']) {
    it(`refuses ${JSON.stringify(s)}`, () => expect(parseScanCursor(s)).toBeNull());
  }
});
