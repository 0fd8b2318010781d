import { describe, expect, it } from 'vitest';
import { SetValue, compareIntMembers, isIntMember, type SetLimits } from './set.js';

const LIMITS: SetLimits = { intsetEntries: 512, listpackEntries: 128, listpackValue: 64 };

function build(members: string[], limits = LIMITS): SetValue {
  const s = SetValue.create(members[0], members.length, limits);
  for (const m of members) s.add(m, limits);
  return s;
}

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('SetValue encodings (Redis 7.2 rules)', () => {
  it('stays an intset up to set-max-intset-entries canonical integers, then becomes a hashtable', () => {
    const s = build(range(512, (i) => String(i - 100)));
    expect(s.encoding()).toBe('intset');
    s.add('-9223372036854775808', LIMITS);
    expect(s.encoding()).toBe('hashtable');
  });

  it('treats non-canonical integers as strings', () => {
    for (const m of ['01', '+1', ' 1', '-0', '9223372036854775808', '1.0']) expect(isIntMember(m)).toBe(false);
    for (const m of ['0', '-1', '9223372036854775807', '-9223372036854775808']) expect(isIntMember(m)).toBe(true);
    expect(build(['1', '2', '01']).encoding()).toBe('listpack');
  });

  it('turns an intset into a listpack in ascending order when a string joins a small set', () => {
    const s = build(['30', '-5', '100', '7']);
    expect(s.members()).toEqual(['-5', '7', '30', '100']);
    s.add('x', LIMITS);
    expect(s.encoding()).toBe('listpack');
    s.add('11', LIMITS);
    expect(s.members()).toEqual(['-5', '7', '30', '100', 'x', '11']);
  });

  it('goes straight from intset to hashtable when the listpack limit is already reached', () => {
    const s = build(range(128, String));
    expect(s.encoding()).toBe('intset');
    s.add('a', LIMITS);
    expect(s.encoding()).toBe('hashtable');
    const t = build(range(127, String));
    t.add('a', LIMITS);
    expect(t.encoding()).toBe('listpack');
  });

  it('keeps a listpack up to set-max-listpack-entries members of set-max-listpack-value bytes', () => {
    const s = build(range(128, (i) => `m${i}`));
    expect(s.encoding()).toBe('listpack');
    s.add('one more', LIMITS);
    expect(s.encoding()).toBe('hashtable');
    const t = build(['a', 'x'.repeat(64)]);
    expect(t.encoding()).toBe('listpack');
    t.add('y'.repeat(65), LIMITS);
    expect(t.encoding()).toBe('hashtable');
  });

  it('never converts back when members leave', () => {
    const s = build(range(129, (i) => `m${i}`));
    expect(s.encoding()).toBe('hashtable');
    for (let i = 0; i < 128; i++) s.delete(`m${i}`);
    expect(s.size).toBe(1);
    expect(s.encoding()).toBe('hashtable');
  });

  it('chooses the starting encoding from the first member and the size hint (setTypeCreate)', () => {
    expect(SetValue.create('1', 512, LIMITS).encoding()).toBe('intset');
    expect(SetValue.create('1', 513, LIMITS).encoding()).toBe('hashtable');
    expect(SetValue.create('a', 128, LIMITS).encoding()).toBe('listpack');
    expect(SetValue.create('a', 129, LIMITS).encoding()).toBe('hashtable');
    const s = SetValue.create('a', 3, LIMITS);
    s.maybeConvert(200, LIMITS);
    expect(s.encoding()).toBe('hashtable');
  });

  it('reads the limits it is given at each write', () => {
    const small: SetLimits = { intsetEntries: 2, listpackEntries: 2, listpackValue: 3 };
    const s = build(['1', '2'], small);
    expect(s.encoding()).toBe('intset');
    s.add('3', small);
    expect(s.encoding()).toBe('hashtable');
    const t = build(['ab'], small);
    t.add('abcd', small);
    expect(t.encoding()).toBe('hashtable');
  });
});

describe('SetValue operations', () => {
  it('adds, removes and finds members with swap-remove keeping positions right', () => {
    const s = build(range(200, (i) => `m${i}`));
    for (let i = 0; i < 200; i += 3) expect(s.delete(`m${i}`)).toBe(true);
    expect(s.delete('m0')).toBe(false);
    expect(s.size).toBe(133);
    for (let i = 0; i < 200; i++) expect(s.has(`m${i}`)).toBe(i % 3 !== 0);
    const seen = new Set<string>();
    while (s.size > 0) seen.add(s.popRandom());
    expect(seen.size).toBe(133);
  });

  it('samples distinct members, both near and far below the set size', () => {
    const s = build(range(1000, (i) => `m${i}`));
    for (const count of [1, 10, 300, 999]) {
      const got = s.sampleDistinct(count);
      expect(got.length).toBe(count);
      expect(new Set(got).size).toBe(count);
      for (const m of got) expect(s.has(m)).toBe(true);
    }
  });

  it('finds and removes intset members by value, never by a non-canonical spelling', () => {
    const s = build(['5', '-20', '300', '0']);
    expect(s.has('05')).toBe(false);
    expect(s.has('-0')).toBe(false);
    expect(s.has('x')).toBe(false);
    expect(s.has('-20')).toBe(true);
    expect(s.delete('+5')).toBe(false);
    expect(s.delete('5')).toBe(true);
    expect(s.add('7', LIMITS)).toBe(true);
    expect(s.add('7', LIMITS)).toBe(false);
    expect(s.members()).toEqual(['-20', '0', '7', '300']);
    expect(s.encoding()).toBe('intset');
  });

  it('keeps listpack order when members leave', () => {
    const s = build(['c', 'a', 'b', 'd']);
    s.delete('a');
    expect(s.has('a')).toBe(false);
    expect(s.members()).toEqual(['c', 'b', 'd']);
  });

  it('random picks reach every member', () => {
    const s = build(['a', 'b', 'c']);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(s.random());
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });

  it('clones independently with the same encoding', () => {
    const s = build(['1', '2', '3']);
    const c = s.clone();
    c.add('x', LIMITS);
    s.delete('1');
    expect(c.encoding()).toBe('listpack');
    expect(s.encoding()).toBe('intset');
    expect(c.members()).toEqual(['1', '2', '3', 'x']);
    expect(s.members()).toEqual(['2', '3']);
  });

  it('orders canonical integers numerically', () => {
    const xs = ['10', '-10', '9', '-9', '0', '9223372036854775807', '-9223372036854775808', '100'];
    expect(xs.sort(compareIntMembers)).toEqual([
      '-9223372036854775808', '-10', '-9', '0', '9', '10', '100', '9223372036854775807',
    ]);
  });
});
