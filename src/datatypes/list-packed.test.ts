import { describe, expect, it } from 'vitest';
import { ListValue, PACK_ABOVE, listpackEntryBytes } from './list.js';
import { NODE_BYTES, PackedList } from './list-packed.js';
import { Rng } from '../../test/helpers/random-commands.js';

/** The seeded generator of the differential tests, as a function, so a failure replays. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

/** Elements of every length class: empty, short, 33-127 bytes, long (own-length prefix), node-sized. */
function element(r: () => number, i: number, shortOnly: boolean): string {
  const k = shortOnly ? r() * 0.7 : r();
  let n: number;
  if (k < 0.05) n = 0;
  else if (k < 0.7) n = 1 + Math.floor(r() * 12);
  else if (k < 0.85) n = 33 + Math.floor(r() * 95);
  else if (k < 0.97) n = 128 + Math.floor(r() * 600);
  else n = NODE_BYTES - 50 + Math.floor(r() * 200);
  let s = String(i);
  while (s.length < n) s += String.fromCharCode(Math.floor(r() * 256));
  return s.slice(0, n);
}

function check(l: ListValue, model: string[]): void {
  l.verify();
  expect(l.length).toBe(model.length);
  expect(l.length ? l.range(0, l.length - 1) : []).toEqual(model);
  expect(l.packedBytes).toBe(7 + model.reduce((n, s) => n + listpackEntryBytes(s), 0));
}

/** One random operation on l and its array model (op in [0, 1) picks it; shrink makes pops likelier). */
function randomOp(l: ListValue, model: string[], r: () => number, op: number, ids: { next: number }, shortOnly: boolean, shrink = false): void {
  if (op < 0.5) {
    const v = element(r, ids.next++, shortOnly);
    if (r() < 0.5) {
      l.pushHead(v);
      model.unshift(v);
    } else {
      l.pushTail(v);
      model.push(v);
    }
  } else if (op < 0.62 || (shrink && op < 0.75)) {
    if (r() < 0.5) expect(l.popHead()).toBe(model.shift());
    else expect(l.popTail()).toBe(model.pop());
  } else if (op < 0.78 && model.length > 0) {
    const i = Math.floor(r() * model.length);
    const v = element(r, ids.next++, shortOnly);
    l.set(i, v);
    model[i] = v;
  } else if (op < 0.86) {
    const i = Math.floor(r() * (model.length + 1));
    const v = element(r, ids.next++, shortOnly);
    l.insertAt(i, v);
    model.splice(i, 0, v);
  } else if (op < 0.9 && model.length > 0) {
    const n = Math.floor(r() * Math.min(model.length, 12));
    if (r() < 0.5) {
      l.removeHead(n);
      model.splice(0, n);
    } else {
      l.removeTail(n);
      model.splice(model.length - n, n);
    }
  } else if (op < 0.93 && model.length > 0) {
    const v = model[Math.floor(r() * model.length)];
    const limit = Math.floor(r() * 3);
    const fromTail = r() < 0.5;
    const hits = model.map((x, i) => (x === v ? i : -1)).filter((i) => i >= 0);
    const take = limit === 0 ? hits : fromTail ? hits.slice(-limit) : hits.slice(0, limit);
    expect(l.removeMatching(v, limit, fromTail)).toBe(take.length);
    for (const i of [...take].sort((a, b) => b - a)) model.splice(i, 1);
  } else if (model.length > 0) {
    // Random and sequential reads (the finger), and index lookups.
    const i = Math.floor(r() * model.length);
    expect(l.at(i)).toBe(model[i]);
    const j = Math.min(model.length - 1, i + 1 + Math.floor(r() * 5));
    expect(l.at(j)).toBe(model[j]);
    if (i > 0) expect(l.at(i - 1)).toBe(model[i - 1]);
    const v = model[i];
    expect(l.indexOf(v)).toBe(model.indexOf(v));
    const s = Math.floor(r() * model.length);
    const e = Math.min(model.length - 1, s + Math.floor(r() * 300));
    const rev = r() < 0.5;
    const want = model.slice(s, e + 1);
    expect(l.range(s, e, rev)).toEqual(rev ? want.reverse() : want);
  }
}

describe('packed lists', () => {
  it('agree with an array model through random pushes, pops, sets, inserts, trims and removals', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = rng(seed);
      const l = new ListValue();
      const model: string[] = [];
      const ids = { next: 0 };
      let packedSteps = 0;
      for (let step = 0; step < 4500; step++) {
        if (l.isPacked) packedSteps++;
        // Grow well past the ring's bound first, then shrink back through it.
        randomOp(l, model, r, step < 3000 ? r() : 0.3 + r() * 0.7, ids, seed % 2 === 1, step >= 3000);
        if (step % 97 === 0) check(l, model);
      }
      check(l, model);
      expect(packedSteps).toBeGreaterThan(2000);
      const c = l.clone();
      check(c, model);
      c.pushTail('only in the clone');
      check(l, model);
      // Drain back through the ring's bound.
      while (model.length > 10) {
        if (r() < 0.5) expect(l.popHead()).toBe(model.shift());
        else expect(l.popTail()).toBe(model.pop());
      }
      check(l, model);
      expect(l.isPacked).toBe(false);
    }
  });

  it('a copy sharing the node buffers and the list both change freely without seeing each other', () => {
    for (const seed of [11, 12, 13, 14]) {
      const r = rng(seed);
      const ids = { next: 0 };
      const l = new ListValue();
      const model: string[] = [];
      for (let step = 0; step < 2500; step++) randomOp(l, model, r, r() * 0.55, ids, seed % 2 === 1);
      expect(l.isPacked).toBe(true);
      const c = l.cloneShared();
      const cm = model.slice();
      check(c, cm);
      // Every kind of change, on both sides; removals by value (which repack a list into new nodes)
      // only now and then, so most changes meet nodes still shared.
      const op = (): number => {
        const x = r();
        return x >= 0.9 && x < 0.93 && r() < 0.9 ? r() * 0.9 : x;
      };
      for (let step = 0; step < 3000; step++) {
        if (r() < 0.5) randomOp(l, model, r, op(), ids, seed % 2 === 1);
        else randomOp(c, cm, r, op(), ids, seed % 2 === 1);
        if (step % 50 === 0) {
          check(l, model);
          check(c, cm);
        }
      }
      check(l, model);
      check(c, cm);
    }
  });

  it('a shared copy keeps its elements when the list overwrites, inserts into and refills shared nodes', () => {
    const l = ListValue.of(Array.from({ length: 3000 }, (_, i) => `e${i % 10}`));
    const model = l.range(0, 2999);
    const c = l.cloneShared();
    l.set(1500, 'x1');
    l.insertAt(10, 'inserted');
    l.popTail();
    l.pushTail('pushed in the bytes the pop freed');
    l.popHead();
    l.pushHead('y');
    check(c, model);
    c.set(2000, 'z9');
    expect(l.at(2001)).toBe('e0');
    model[2000] = 'z9';
    check(c, model);
  });

  it('packs past PACK_ABOVE elements and goes back to the ring when short again', () => {
    const l = new ListValue();
    const model: string[] = [];
    for (let i = 0; i < PACK_ABOVE; i++) {
      l.pushTail(`e${i}`);
      model.push(`e${i}`);
    }
    expect(l.isPacked).toBe(false);
    l.pushHead('first');
    model.unshift('first');
    expect(l.isPacked).toBe(true);
    check(l, model);
    while (l.length > 16) expect(l.popTail()).toBe(model.pop());
    expect(l.isPacked).toBe(false);
    check(l, model);
    expect(ListValue.of(Array.from({ length: 100 }, (_, i) => String(i))).isPacked).toBe(true);
  });

  it('keeps a million short elements in a few thousand full nodes, read back in order', () => {
    const p = new PackedList();
    for (let i = 0; i < 500_000; i++) p.pushTail(`t${i}`);
    for (let i = 0; i < 500_000; i++) p.pushHead(`h${i}`);
    p.verify();
    expect(p.length).toBe(1_000_000);
    // 'h123456' and 't123456' entries are 9 bytes: nodes of 4096 bytes are nearly full.
    expect(p.nodeCount).toBeLessThan(Math.ceil((1_000_000 * 9) / (NODE_BYTES * 0.9)));
    expect(p.at(0)).toBe('h499999');
    expect(p.at(499_999)).toBe('h0');
    expect(p.at(500_000)).toBe('t0');
    expect(p.at(999_999)).toBe('t499999');
    let i = 0;
    p.forEach((v) => {
      if (i < 500_000 ? v !== `h${499_999 - i}` : v !== `t${i - 500_000}`) throw new Error(`element ${i}: ${v}`);
      i++;
    });
    expect(i).toBe(1_000_000);
    for (let k = 0; k < 999_990; k++) p.popHead();
    p.verify();
    expect(p.range(0, 9, false)).toEqual(Array.from({ length: 10 }, (_, k) => `t${499_990 + k}`));
    expect(p.nodeCount).toBe(1);
  });

  it('gives an element longer than a node a node of its own, in the middle too', () => {
    const l = ListValue.of(Array.from({ length: 200 }, (_, i) => `e${i}`));
    const model = l.range(0, 199);
    const big = 'B'.repeat(NODE_BYTES * 3);
    l.insertAt(100, big);
    model.splice(100, 0, big);
    check(l, model);
    l.set(50, big);
    model[50] = big;
    check(l, model);
    l.set(100, 'small again');
    model[100] = 'small again';
    check(l, model);
    expect(l.removeMatching(big, 0, false)).toBe(1);
    model.splice(50, 1);
    check(l, model);
  });
});
