import { describe, expect, it } from 'vitest';
import { allocBuffer, el, elementSize, elementText, int64EntrySize, readElement, writeElement, writeInt64 } from './stream-listpack.js';

/** Encodes one element and reads it back. */
function roundTrip(s: string): { bytes: string; text: string; size: number } {
  const buf = allocBuffer(8192);
  const n = writeElement(buf, 0, s);
  readElement(buf, 0);
  expect(el.next).toBe(n);
  return { bytes: buf.subarray(0, Math.min(n, 12)).toString('hex'), text: elementText(buf), size: n };
}

describe('listpack elements', () => {
  it('stores integer-looking strings as integers in the smallest encoding, like lpAppend', () => {
    expect(roundTrip('0')).toEqual({ bytes: '0001', text: '0', size: 2 });
    expect(roundTrip('127')).toEqual({ bytes: '7f01', text: '127', size: 2 });
    expect(roundTrip('128').bytes).toBe('c08002');
    expect(roundTrip('-1').bytes).toBe('dfff02');
    expect(roundTrip('-4096').bytes).toBe('d00002');
    expect(roundTrip('4096').bytes).toBe('f1001003');
    expect(roundTrip('-32769').bytes).toBe('f2ff7fff04');
    expect(roundTrip('2147483647').bytes).toBe('f3ffffff7f05');
    expect(roundTrip('9223372036854775807')).toEqual({ bytes: 'f4ffffffffffffff7f09', text: '9223372036854775807', size: 10 });
    expect(roundTrip('-9223372036854775808').text).toBe('-9223372036854775808');
    expect(roundTrip('-9007199254740993').text).toBe('-9007199254740993');
  });

  it('keeps non-canonical numbers and text as strings with 6/12/32-bit lengths and back-lengths', () => {
    expect(roundTrip('007')).toEqual({ bytes: '8330303704', text: '007', size: 5 });
    expect(roundTrip('-0').text).toBe('-0');
    expect(roundTrip('9223372036854775808').text).toBe('9223372036854775808');
    expect(roundTrip('').bytes).toBe('8001');
    const s63 = roundTrip('a'.repeat(63));
    expect(s63.size).toBe(65);
    const s64 = roundTrip('b'.repeat(64));
    expect(s64.size).toBe(64 + 2 + 1);
    const s200 = roundTrip('c'.repeat(200));
    expect(s200.size).toBe(200 + 2 + 2);
    const s5000 = roundTrip('d'.repeat(5000));
    expect(s5000.size).toBe(5000 + 5 + 2);
    expect(s5000.text).toBe('d'.repeat(5000));
    expect(roundTrip('\x00\xff\r\n').text).toBe('\x00\xff\r\n');
  });

  it('sizes match what is written', () => {
    for (const s of ['1', '-100000', 'hello', 'x'.repeat(4095), 'x'.repeat(4096), '18446744073709551615']) {
      const buf = allocBuffer(9000);
      expect(writeElement(buf, 0, s)).toBe(elementSize(s));
    }
    const buf = allocBuffer(16);
    expect(writeInt64(buf, 0, 0xffffffff, 0xfffffffe)).toBe(int64EntrySize(0xffffffff, 0xfffffffe));
    readElement(buf, 0);
    expect(el.num).toBe(-2);
  });
});
