import { expect, test } from 'vitest';
import { partialSort } from './geo-sort.js';

const cmp = (a: number, b: number) => (a > b ? 1 : a === b ? 0 : -1);

test('the requested ranks hold what a full sort puts there', () => {
  let seed = 12345;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(rnd() * 200);
    const v = Array.from({ length: n }, () => Math.floor(rnd() * (round % 2 ? 10 : 1000)));
    const full = v.slice().sort((a, b) => a - b);
    const hi = Math.floor(rnd() * n);
    const part = v.slice();
    partialSort(part, cmp, 0, hi);
    expect(part.slice(0, hi + 1)).toEqual(full.slice(0, hi + 1));
    expect(part.slice().sort((a, b) => a - b)).toEqual(full);
  }
});
