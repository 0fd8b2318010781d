import { describe, expect, it } from 'vitest';
import { MAX_ID, MIN_ID, decrId, formatId, idOf, incrId, makeId, parseId } from './stream-id.js';

const p = (s: string, max = false, strict = false, star = false) => {
  const r = parseId(s, max, strict, star);
  return r === null ? null : `${formatId(r.id)}${r.seqGiven ? '' : '*'}`;
};

describe('stream IDs', () => {
  it('orders IDs as strings, byte for byte like the 128-bit big-endian key', () => {
    const ids = [idOf(0, 1), idOf(1, 0), idOf(1, 2 ** 32), idOf(2 ** 32, 0), makeId(0xffffffff, 0, 0, 0), MAX_ID];
    for (let i = 1; i < ids.length; i++) expect(ids[i - 1] < ids[i]).toBe(true);
    expect(MIN_ID < idOf(0, 1)).toBe(true);
    expect(idOf(5, 6)).toBe(makeId(0, 5, 0, 6));
  });

  it('formats 64-bit parts exactly, beyond 2^53 too', () => {
    expect(formatId(MAX_ID)).toBe('18446744073709551615-18446744073709551615');
    expect(formatId(idOf(1526919030474, 55))).toBe('1526919030474-55');
    expect(formatId(makeId(0x200000, 1, 0, 0))).toBe('9007199254740993-0');
  });

  it('increments and decrements with carries, null at the ends', () => {
    expect(formatId(incrId(idOf(1, 2))!)).toBe('1-3');
    expect(formatId(incrId(makeId(0, 1, 0xffffffff, 0xffffffff))!)).toBe('2-0');
    expect(incrId(MAX_ID)).toBeNull();
    expect(formatId(decrId(idOf(2, 0))!)).toBe('1-18446744073709551615');
    expect(decrId(MIN_ID)).toBeNull();
  });

  it('parses like streamGenericParseIDOrReply with string2ull', () => {
    expect(p('5')).toBe('5-0');
    expect(p('5', true)).toBe('5-18446744073709551615');
    expect(p('5-7')).toBe('5-7');
    expect(p('-')).toBe('0-0');
    expect(p('+')).toBe('18446744073709551615-18446744073709551615');
    expect(p('-', false, true)).toBeNull();
    expect(p('+', false, true)).toBeNull();
    expect(p('5-*')).toBeNull();
    expect(p('5-*', false, true, true)).toBe('5-0*');
    expect(p('18446744073709551615-18446744073709551615')).toBe('18446744073709551615-18446744073709551615');
    expect(p('18446744073709551616')).toBeNull();
    // strtoull's leniency after string2ll fails: spaces, '+', leading zeros, a wrapping '-'
    expect(p(' 12-0')).toBe('12-0');
    expect(p('+12-+3')).toBe('12-3');
    expect(p('007-0')).toBe('7-0');
    expect(p('1--01')).toBe('1-18446744073709551615');
    expect(p('1--1')).toBeNull();
    expect(p('-1')).toBeNull();
    expect(p('1-')).toBeNull();
    expect(p('1-2-3')).toBeNull();
    expect(p('')).toBeNull();
    expect(p('1x')).toBeNull();
    expect(p('1'.repeat(128))).toBeNull();
  });
});
