import { describe, it, expect, afterEach } from 'vitest';
import { createHarness, type Harness } from '../../server/harness.js';
import { crc64 } from '../../util/crc64.js';

let h: Harness;
afterEach(() => h.close());

describe('DUMP', () => {
  it('is the type byte, the value, RDB version 10 and a CRC-64 of all that', () => {
    h = createHarness();
    h.run(['set', 'k', 'hello']);
    const p = h.run(['dump', 'k']) as Buffer;
    expect(p.subarray(0, 7).toString('latin1')).toBe('\x00\x05hello');
    expect(p.readUInt16LE(7)).toBe(10);
    expect(p.readBigUInt64LE(9)).toBe(crc64(p.subarray(0, 9)));
    expect(p.length).toBe(17);
  });

  it('encodes small integers as integers and compresses long strings when rdbcompression is on', () => {
    h = createHarness();
    h.run(['set', 'i', '-3']);
    expect((h.run(['dump', 'i']) as Buffer).subarray(0, 3).toString('hex')).toBe('00c0fd');
    h.run(['set', 'long', 'ab'.repeat(50)]);
    expect((h.run(['dump', 'long']) as Buffer)[1]).toBe(0xc3);
    h.run(['config', 'set', 'rdbcompression', 'no']);
    expect((h.run(['dump', 'long']) as Buffer).length).toBe(1 + 2 + 100 + 10);
  });

  it('answers a null bulk for a missing key', () => {
    h = createHarness();
    expect(h.resp(['dump', 'nope'])).toBe('$-1\r\n');
  });
});
