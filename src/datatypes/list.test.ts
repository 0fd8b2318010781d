import { describe, expect, it } from 'vitest';
import { ListValue, listpackEntryBytes } from './list.js';

/** Mirrors a ListValue with a plain array to check every operation against. */
function check(l: ListValue, model: string[]): void {
  expect(l.length).toBe(model.length);
  expect(l.length ? l.range(0, l.length - 1) : []).toEqual(model);
  expect(l.packedBytes).toBe(7 + model.reduce((n, s) => n + listpackEntryBytes(s), 0));
}

describe('ListValue', () => {
  it('pushes and pops at both ends through growth, wrap-around and shrinking', () => {
    const l = new ListValue();
    const model: string[] = [];
    for (let i = 0; i < 100; i++) {
      l.pushTail(`t${i}`);
      model.push(`t${i}`);
      l.pushHead(`h${i}`);
      model.unshift(`h${i}`);
    }
    check(l, model);
    for (let i = 0; i < 90; i++) {
      expect(l.popHead()).toBe(model.shift());
      expect(l.popTail()).toBe(model.pop());
    }
    check(l, model);
    while (l.length) expect(l.popTail()).toBe(model.pop());
    expect(l.popHead()).toBeUndefined();
    expect(l.popTail()).toBeUndefined();
    check(l, []);
  });

  it('indexes, sets, ranges in reverse and trims both ends', () => {
    const l = ListValue.of(['a', 'b', 'c', 'd', 'e']);
    expect(l.at(0)).toBe('a');
    expect(l.at(4)).toBe('e');
    l.set(2, 'C');
    expect(l.range(1, 3, true)).toEqual(['d', 'C', 'b']);
    l.removeHead(1);
    l.removeTail(2);
    check(l, ['b', 'C']);
  });

  it('inserts on the shorter side and removes matches from either end', () => {
    for (const at of [0, 1, 2, 3, 5, 6]) {
      const model = ['a', 'x', 'b', 'x', 'c', 'x'];
      const l = ListValue.of(model);
      l.popHead();
      l.pushHead('a');
      l.insertAt(at, 'new');
      model.splice(at, 0, 'new');
      check(l, model);
    }
    const l = ListValue.of(['x', 'a', 'x', 'b', 'x', 'c', 'x']);
    expect(l.indexOf('b')).toBe(3);
    expect(l.indexOf('zz')).toBe(-1);
    expect(l.removeMatching('x', 2, true)).toBe(2);
    check(l, ['x', 'a', 'x', 'b', 'c']);
    expect(l.removeMatching('x', 1, false)).toBe(1);
    check(l, ['a', 'x', 'b', 'c']);
    expect(l.removeMatching('nope', 0, false)).toBe(0);
    expect(l.removeMatching('x', 0, false)).toBe(1);
    check(l, ['a', 'b', 'c']);
  });

  it('clone shares nothing mutable', () => {
    const l = ListValue.of(['1', '2']);
    l.quicklist = true;
    const c = l.clone();
    c.pushTail('3');
    expect(l.length).toBe(2);
    expect(c.range(0, 2)).toEqual(['1', '2', '3']);
    expect(c.encoding()).toBe('quicklist');
    expect(c.packedBytes).toBe(l.packedBytes + listpackEntryBytes('3'));
  });

  it('sizes listpack entries like Redis: integers packed by range, strings by length class', () => {
    expect(listpackEntryBytes('7')).toBe(2);
    expect(listpackEntryBytes('-1')).toBe(3);
    expect(listpackEntryBytes('4095')).toBe(3);
    expect(listpackEntryBytes('32767')).toBe(4);
    expect(listpackEntryBytes('8388607')).toBe(5);
    expect(listpackEntryBytes('2147483647')).toBe(6);
    expect(listpackEntryBytes('9223372036854775807')).toBe(10);
    expect(listpackEntryBytes('9223372036854775808')).toBe(21);
    expect(listpackEntryBytes('01')).toBe(4);
    expect(listpackEntryBytes('')).toBe(2);
    expect(listpackEntryBytes('x'.repeat(63))).toBe(65);
    expect(listpackEntryBytes('x'.repeat(64))).toBe(67);
    expect(listpackEntryBytes('x'.repeat(200))).toBe(204);
    expect(listpackEntryBytes('x'.repeat(4096))).toBe(4103);
  });

  it('turns into a quicklist past one node and back below half of it', () => {
    const l = new ListValue();
    l.growEncoding(8000, 1, -2);
    expect(l.encoding()).toBe('listpack');
    l.growEncoding(8186, 1, -2);
    expect(l.encoding()).toBe('quicklist');
    for (let i = 0; i < 100; i++) l.pushTail('x'.repeat(50));
    l.shrinkEncoding(-2);
    expect(l.encoding()).toBe('quicklist');
    while (l.packedBytes > 4096) l.popTail();
    l.shrinkEncoding(-2);
    expect(l.encoding()).toBe('listpack');
    const counted = ListValue.of(['1', '2', '3']);
    counted.growEncoding(1, 3, 5);
    expect(counted.encoding()).toBe('quicklist');
    counted.shrinkEncoding(5);
    expect(counted.encoding()).toBe('quicklist');
    counted.popTail();
    counted.shrinkEncoding(5);
    expect(counted.encoding()).toBe('listpack');
  });
});
