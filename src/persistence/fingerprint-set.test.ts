import { describe, expect, it } from 'vitest';
import { FingerprintSet } from './fingerprint-set.js';

describe('FingerprintSet', () => {
  it('answers membership exactly for many similar keys while growing from a small table', () => {
    const s = new FingerprintSet();
    const n = 200_000;
    for (let i = 0; i < n; i += 2) expect(s.add(`key:${String(i).padStart(12, '0')}`)).toBe(true);
    expect(s.size).toBe(n / 2);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (s.has(`key:${String(i).padStart(12, '0')}`) !== (i % 2 === 0)) wrong++;
    expect(wrong).toBe(0);
    expect(s.add('key:000000000000')).toBe(false);
    expect(s.size).toBe(n / 2);
  });

  it('tells apart binary keys, the empty key and keys differing only past their first and last bytes', () => {
    const s = new FingerprintSet(4);
    const long = (c: string) => `${'a'.repeat(40)}${c}${'b'.repeat(40)}`;
    for (const k of ['', '\x00', '\x00\x00', '\xff', 'a\r\nb', long('x')]) expect(s.add(k)).toBe(true);
    expect(s.has(long('y'))).toBe(false);
    expect(s.has('\x00\x00\x00')).toBe(false);
    expect(s.has('')).toBe(true);
    expect(s.has('\xff')).toBe(true);
    expect(s.has(long('x'))).toBe(true);
  });

  it('keeps 8 bytes per slot outside the JS heap, sized up front for the expected count', () => {
    const s = new FingerprintSet(1_000_000);
    expect(s.bytes).toBe(8 * 2 ** 21);
    for (let i = 0; i < 1000; i++) s.add(`k${i}`);
    expect(s.bytes).toBe(8 * 2 ** 21);
  });
});
