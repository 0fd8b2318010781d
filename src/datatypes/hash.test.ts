import { describe, expect, it } from 'vitest';
import { HashValue } from './hash.js';

function pairsOf(h: HashValue): [string, string][] {
  return [...h.entries()];
}

describe('HashValue', () => {
  it('sets, gets and deletes fields, keeping insertion order with deletes closing the gap', () => {
    const h = new HashValue();
    expect(h.type).toBe('hash');
    expect(h.set('a', '1')).toBe(true);
    expect(h.set('b', '2')).toBe(true);
    expect(h.set('c', '3')).toBe(true);
    expect(h.set('a', 'x')).toBe(false);
    expect(h.get('a')).toBe('x');
    expect(h.get('z')).toBeUndefined();
    expect(h.has('b')).toBe(true);
    expect(h.delete('a')).toBe(true);
    expect(h.delete('a')).toBe(false);
    h.set('a', 'y');
    expect(pairsOf(h)).toEqual([['b', '2'], ['c', '3'], ['a', 'y']]);
    expect(h.size).toBe(3);
  });

  it('is binary safe', () => {
    const h = new HashValue();
    h.set('\x00\xff', '\r\n\x80');
    expect(h.get('\x00\xff')).toBe('\r\n\x80');
  });

  it('reports listpack until converted, and hashtable for good after', () => {
    const h = new HashValue();
    expect(h.encoding()).toBe('listpack');
    h.convert();
    expect(h.encoding()).toBe('hashtable');
    h.set('a', '1');
    h.delete('a');
    expect(h.encoding()).toBe('hashtable');
  });

  function churn(h: HashValue, ref: Map<string, string>, steps: number, fields: number): void {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let wrong = 0;
    for (let step = 0; step < steps; step++) {
      const f = `f${rnd(fields)}`;
      if (rnd(3) === 0) {
        if (h.delete(f) !== ref.delete(f)) wrong++;
      } else {
        const v = `v${step}`;
        if (h.set(f, v) !== !ref.has(f)) wrong++;
        ref.set(f, v);
      }
      if (h.get(f) !== ref.get(f)) wrong++;
    }
    expect(wrong).toBe(0);
  }

  it('keeps a small hash in insertion order up to the point it is indexed, and after', () => {
    const h = new HashValue();
    const ref = new Map<string, string>();
    churn(h, ref, 400, 12);
    expect(h.size).toBe(ref.size);
    expect(pairsOf(h)).toEqual([...ref]);
    for (let i = 0; i < 40; i++) {
      h.set(`g${i}`, `${i}`);
      ref.set(`g${i}`, `${i}`);
      expect(pairsOf(h)).toEqual([...ref]);
    }
    h.delete('g3');
    ref.delete('g3');
    expect(pairsOf(h)).toEqual([...ref]);
    expect([...h.scanSource.keys()]).toEqual([...ref.keys()]);
  });

  it('keeps a plain (Map-only) hash consistent under random sets and deletes, without pair pages', () => {
    const h = new HashValue();
    const ref = new Map<string, string>();
    churn(h, ref, 60000, 9000);
    expect(h.isSampled).toBe(false);
    expect(h.size).toBe(ref.size);
    expect(pairsOf(h)).toEqual([...ref]);
    // Memory sampling reads pairs without moving the hash.
    const seen: string[] = [];
    const bytes = h.sampleBytes(8, true, (x) => (seen.push(x), x.length));
    expect(seen).toEqual(pairsOf(h).slice(0, 8).flat());
    expect(bytes).toBe(seen.join('').length);
    expect(h.isSampled).toBe(false);
  });

  it('sums the sizes of all pairs, or of k spread over the small and sampled layouts', () => {
    const small = new HashValue();
    for (let i = 0; i < 10; i++) small.set(`f${i}`, 'v'.repeat(i));
    const all = pairsOf(small).flat();
    expect(small.sampleBytes(100, true, (x) => x.length)).toBe(all.join('').length);
    // k of n spread: pairs 0, 2.5 -> 2, 5, 7.5 -> 7 (positions are floor(j * n / k)).
    const picked: string[] = [];
    small.sampleBytes(4, true, (x) => (picked.push(x), 0));
    expect(picked).toEqual(['f0', '', 'f2', 'vv', 'f5', 'vvvvv', 'f7', 'vvvvvvv']);
    const big = new HashValue();
    const ref = new Map<string, string>();
    churn(big, ref, 20000, 9000);
    big.randomPosition();
    expect(big.isSampled).toBe(true);
    let pairs = 0;
    big.sampleBytes(big.size + 5, false, () => (pairs++, 1));
    expect(pairs).toBe(2 * big.size);
    const fields = new Set<string>();
    let odd = 0;
    big.sampleBytes(8, true, (x) => (odd++ % 2 === 0 && fields.add(x), 1));
    expect(fields.size).toBe(8);
    for (const f of fields) expect(ref.has(f)).toBe(true);
  });

  it('moves to the sampled layout on the first random pick and keeps its pages consistent after', () => {
    const h = new HashValue();
    const ref = new Map<string, string>();
    churn(h, ref, 20000, 9000);
    h.randomPosition();
    expect(h.isSampled).toBe(true);
    expect(pairsOf(h)).toEqual([...ref]);
    churn(h, ref, 60000, 9000);
    expect(h.size).toBe(ref.size);
    expect(pairsOf(h)).toEqual([...ref]);
    const seen = new Map<string, string>();
    for (let n = 0; n < h.size; n++) seen.set(h.fieldAt(n), h.valueAt(n));
    expect(seen).toEqual(ref);
    for (const f of [...ref.keys()]) h.delete(f);
    expect(h.size).toBe(0);
    h.set('again', '1');
    expect(h.fieldAt(0)).toBe('again');
  });

  it('scans through its Map, reading values at visit time in either layout', () => {
    const h = new HashValue();
    h.set('a', '1');
    h.set('b', '2');
    expect([...h.scanSource].map(([f, x]) => [f, h.scanValue(x)])).toEqual([['a', '1'], ['b', '2']]);
    for (let i = 0; i < 100; i++) h.set(`f${i}`, `v${i}`);
    // An iterator opened before the move to the sampled layout carries on over the same Map.
    const it = h.scanSource.entries();
    const first = it.next().value!;
    h.randomPosition();
    const rest = [...it].map(([f, x]) => [f, h.scanValue(x)]);
    expect([[first[0], h.scanValue(first[1])], ...rest]).toEqual(pairsOf(h));
    expect(rest.length).toBe(101);
  });

  it('clones a small hash independently', () => {
    const h = new HashValue();
    h.set('a', '1');
    const c = h.clone();
    h.set('a', '2');
    h.set('b', '3');
    expect(pairsOf(c)).toEqual([['a', '1']]);
    expect(c.encoding()).toBe('listpack');
  });

  it('clones independently, keeping the encoding', () => {
    const h = new HashValue();
    for (let i = 0; i < 5000; i++) h.set(`f${i}`, `v${i}`);
    h.convert();
    const c = h.clone();
    h.set('f1', 'changed');
    h.delete('f2');
    expect(c.get('f1')).toBe('v1');
    expect(c.get('f2')).toBe('v2');
    expect(c.size).toBe(5000);
    expect(c.encoding()).toBe('hashtable');
    c.delete('f4999');
    expect(h.get('f4999')).toBe('v4999');
  });

  it('picks random positions uniformly enough', () => {
    const h = new HashValue();
    for (let i = 0; i < 4; i++) h.set(`f${i}`, `v${i}`);
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const f = h.fieldAt(h.randomPosition());
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    expect(counts.size).toBe(4);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800);
  });
});

describe('HashValue.flatBytes', () => {
  const sb = (s: string) => 16 + ((s.length + 7) & ~7);
  it('matches the strings of the small layout through sets, overwrites, deletes and clones', () => {
    const h = new HashValue();
    const model = new Map<string, string>();
    for (let i = 0; i < 400; i++) {
      const f = `f${(i * 7) % 13}`;
      if (i % 5 === 4) {
        h.delete(f);
        model.delete(f);
      } else {
        const v = 'v'.repeat(i % 23);
        h.set(f, v);
        model.set(f, v);
      }
      let want = 0;
      for (const [k, v] of model) want += sb(k) + sb(v);
      expect(h.isFlat).toBe(true);
      expect(h.flatBytes).toBe(want);
    }
    expect(h.clone().flatBytes).toBe(h.flatBytes);
  });
});
