// Ordering of search results by distance, reproducing which of several equidistant members Redis puts
// first. A full sort is stable (glibc's qsort merges); when COUNT cuts the result, Redis sorts only the
// ranks it returns with a partial quicksort (Bentley and McIlroy's three-way partitioning quicksort that
// skips the partitions lying outside the wanted rank range). Counterpart: the qsort/pqsort calls in
// georadiusGeneric (geo.c) and pqsort.c.

export type DistCompare<T> = (a: T, b: T) => number;

function swap<T>(v: T[], i: number, j: number): void {
  const t = v[i];
  v[i] = v[j];
  v[j] = t;
}

/** Swaps the n elements starting at i with the n elements starting at j, pairwise in order. */
function vecswap<T>(v: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(v, i + k, j + k);
}

function med3<T>(v: T[], a: number, b: number, c: number, cmp: DistCompare<T>): number {
  if (cmp(v[a], v[b]) < 0) return cmp(v[b], v[c]) < 0 ? b : cmp(v[a], v[c]) < 0 ? c : a;
  return cmp(v[b], v[c]) > 0 ? b : cmp(v[a], v[c]) < 0 ? a : c;
}

function insertionSort<T>(v: T[], start: number, n: number, cmp: DistCompare<T>): void {
  for (let m = start + 1; m < start + n; m++) {
    for (let l = m; l > start && cmp(v[l - 1], v[l]) > 0; l--) swap(v, l, l - 1);
  }
}

/**
 * Sorts v so that ranks lo..hi (inclusive) hold what a full sort would put there, touching only the
 * partitions that overlap that range.
 */
export function partialSort<T>(v: T[], cmp: DistCompare<T>, lo: number, hi: number): void {
  pqsort(v, cmp, lo, hi, 0, v.length);
}

function pqsort<T>(v: T[], cmp: DistCompare<T>, lo: number, hi: number, start: number, n: number): void {
  for (;;) {
    if (n < 7) {
      insertionSort(v, start, n, cmp);
      return;
    }
    let pm = start + (n >>> 1);
    if (n > 7) {
      let pl = start;
      let pn = start + n - 1;
      if (n > 40) {
        const d = n >>> 3;
        pl = med3(v, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(v, pm - d, pm, pm + d, cmp);
        pn = med3(v, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(v, pl, pm, pn, cmp);
    }
    swap(v, start, pm);
    // Elements equal to the pivot gather at both ends ([start, pa) and (pd, end]) and move to the
    // middle after partitioning.
    let pa = start + 1;
    let pb = pa;
    let pc = start + n - 1;
    let pd = pc;
    let swapped = false;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(v[pb], v[start])) <= 0) {
        if (r === 0) {
          swapped = true;
          swap(v, pa, pb);
          pa++;
        }
        pb++;
      }
      while (pb <= pc && (r = cmp(v[pc], v[start])) >= 0) {
        if (r === 0) {
          swapped = true;
          swap(v, pc, pd);
          pd--;
        }
        pc--;
      }
      if (pb > pc) break;
      swap(v, pb, pc);
      swapped = true;
      pb++;
      pc--;
    }
    if (!swapped) {
      insertionSort(v, start, n, cmp);
      return;
    }
    const end = start + n;
    let r = Math.min(pa - start, pb - pa);
    vecswap(v, start, pb - r, r);
    r = Math.min(pd - pc, end - pd - 1);
    vecswap(v, pb, end - r, r);
    const leftN = pb - pa;
    if (leftN > 1 && !(hi < start || lo > start + leftN - 1)) {
      pqsort(v, cmp, lo, hi, start, leftN);
    }
    const rightN = pd - pc;
    if (rightN <= 1) return;
    start = end - rightN;
    n = rightN;
    if (hi < start || lo > start + n - 1) return;
  }
}
