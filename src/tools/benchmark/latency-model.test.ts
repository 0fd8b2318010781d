// Differential check of the report statistics: an independent model of the C hdr_histogram arithmetic
// that redis-benchmark links (bucket index from the bit length of value | sub_bucket_mask, the
// percentile and linear iterators, redis-benchmark's printing loops) against LatencyHistogram, which
// is built on hdr-histogram-js. Random latency distributions, several precisions.
import { describe, expect, it } from 'vitest';
import { histogramOf } from './latency.js';
import { LatencyRecorder } from './recorder.js';
import { cfixed } from './report.js';

class CModel {
  readonly halfMag: number;
  readonly unit: number;
  readonly subCount: number;
  readonly half: number;
  readonly mask: number;
  readonly len: number;
  readonly counts: number[];
  total = 0;
  minValue = Number.MAX_SAFE_INTEGER;
  maxValue = 0;

  constructor(lowest: number, highest: number, sig: number) {
    const largest = 2 * 10 ** sig;
    this.halfMag = Math.max(Math.ceil(Math.log(largest) / Math.log(2)), 1) - 1;
    this.unit = Math.trunc(Math.log(lowest) / Math.log(2));
    this.subCount = 2 ** (this.halfMag + 1);
    this.half = this.subCount / 2;
    this.mask = (this.subCount - 1) * 2 ** this.unit;
    let smallest = this.subCount * 2 ** this.unit;
    let buckets = 1;
    while (smallest <= highest) {
      smallest *= 2;
      buckets++;
    }
    this.len = (buckets + 1) * this.half;
    this.counts = new Array<number>(this.len).fill(0);
  }

  private bitLength(v: number): number {
    return v === 0 ? 0 : Math.floor(Math.log2(v)) + 1;
  }
  bucket(v: number): number {
    return this.bitLength(v | this.mask) - this.unit - (this.halfMag + 1);
  }
  sub(v: number, b: number): number {
    return Math.floor(v / 2 ** (b + this.unit));
  }
  index(v: number): number {
    const b = this.bucket(v);
    return (b + 1) * this.half + this.sub(v, b) - this.half;
  }
  valueAt(i: number): number {
    let b = Math.floor(i / this.half) - 1;
    let sb = (i % this.half) + this.half;
    if (b < 0) {
      sb -= this.half;
      b = 0;
    }
    return sb * 2 ** (b + this.unit);
  }
  rangeSize(v: number): number {
    const b = this.bucket(v);
    return 2 ** (this.unit + (this.sub(v, b) >= this.subCount ? b + 1 : b));
  }
  lowest(v: number): number {
    const b = this.bucket(v);
    return this.sub(v, b) * 2 ** (b + this.unit);
  }
  highest(v: number): number {
    return this.lowest(v) + this.rangeSize(v) - 1;
  }
  record(v: number): void {
    this.counts[this.index(v)]++;
    this.total++;
    if (v < this.minValue && v !== 0) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
  }
  min(): number {
    return this.counts[0]! > 0 ? 0 : this.lowest(this.minValue);
  }
  max(): number {
    return this.maxValue === 0 ? 0 : this.highest(this.maxValue);
  }
  mean(): number {
    let t = 0;
    this.counts.forEach((c, i) => {
      if (c) t += c * (this.lowest(this.valueAt(i)) + this.rangeSize(this.valueAt(i)) / 2);
    });
    return t / this.total;
  }
  atPercentile(p: number): number {
    const cap = Math.min(Math.trunc((Math.min(p, 100) / 100) * this.total + 0.5), this.total);
    let seen = 0;
    let v = 0;
    for (let i = 0; seen < cap; i++) {
      seen += this.counts[i]!;
      v = this.valueAt(i);
    }
    return p === 0 ? this.lowest(v) : this.highest(v);
  }

  /** Both printed distributions, as redis-benchmark's loops print them. */
  lines(): { pct: string[]; lin: string[] } {
    const fmt = (p: number, v: number, c: number): string => `${cfixed(p, 3)}% <= ${cfixed(v / 1000, 3)} milliseconds (cumulative count ${c})`;
    const walk = { i: -1, count: 0, cum: 0, value: 0, hev: 0 };
    const move = (): boolean => {
      walk.i++;
      if (walk.i >= this.len) return false;
      walk.count = this.counts[walk.i]!;
      walk.cum += walk.count;
      walk.value = this.valueAt(walk.i);
      walk.hev = this.lowest(walk.value) + this.rangeSize(walk.value) - 1;
      return true;
    };
    const basic = (): boolean => (walk.cum >= this.total || walk.i >= this.len ? false : (move(), true));
    const pct: string[] = [];
    let to = 0;
    let seenLast = false;
    let prev = -1;
    for (;;) {
      let p: number | null;
      if (walk.cum >= this.total) {
        p = seenLast ? null : 100;
        seenLast = true;
      } else if (walk.i === -1 && !basic()) p = null;
      else {
        p = to;
        for (;;) {
          if (walk.count !== 0 && to <= (100 * walk.cum) / this.total) {
            p = to;
            to += 100 / 2 ** (Math.trunc(Math.log(100 / (100 - to)) / Math.log(2)) + 1);
            break;
          }
          if (!basic()) break;
        }
      }
      if (p === null) break;
      if (prev !== walk.cum || walk.cum === this.total) pct.push(fmt(p, walk.hev, walk.cum));
      prev = walk.cum;
    }
    Object.assign(walk, { i: -1, count: 0, cum: 0, value: 0, hev: 0 });
    const lin: string[] = [];
    let units = 100;
    let level = units;
    let low = this.lowest(level);
    prev = -1;
    for (;;) {
      const peek = walk.i < this.len && this.valueAt(walk.i + 1) > low;
      if (!(walk.cum < this.total || peek)) break;
      for (;;) {
        if (walk.value >= low) {
          level += units;
          low = this.lowest(level);
          break;
        }
        if (!move()) break;
      }
      if (prev !== walk.cum || walk.cum === this.total) lin.push(fmt((walk.cum / this.total) * 100, walk.hev, walk.cum));
      if (walk.hev > 2000) units = 1000;
      prev = walk.cum;
    }
    return { pct, lin };
  }
}

describe('LatencyHistogram against a model of the C histogram', () => {
  let seed = 12345;
  const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const distributions: Array<(u: number) => number> = [
    (u) => 50 + u * 2000, // uniform, sub-millisecond to 2 ms
    (u) => -Math.log(1 - u) * 800, // exponential
    (u) => Math.exp(u * 15), // log-uniform, 1 us to 3 s
    (u) => (u < 0.99 ? 200 + u * 100 : 5000 + u * 4e6), // tight with a far tail
  ];

  for (let k = 0; k < 24; k++) {
    const n = [1, 2, 5, 50, 1000, 20000][k % 6]!;
    const sig = [3, 3, 1, 2, 4, 3][k % 6]!;
    const dist = distributions[k % 4]!;
    it(`case ${k}: ${n} samples, ${sig} significant digits`, () => {
      const model = new CModel(10, 3_000_000, sig);
      const rec = new LatencyRecorder();
      for (let i = 0; i < n; i++) {
        const v = Math.min(Math.floor(dist(rnd())), 3_000_000);
        model.record(v);
        rec.record(v, 1);
      }
      const h = histogramOf(rec, sig);
      const line = (l: { percentile: number; valueMs: number; cumulativeCount: number }): string =>
        `${cfixed(l.percentile, 3)}% <= ${cfixed(l.valueMs, 3)} milliseconds (cumulative count ${l.cumulativeCount})`;
      const want = model.lines();
      expect(h.percentileDistribution().map(line)).toEqual(want.pct);
      expect(h.cumulativeDistribution().map(line)).toEqual(want.lin);
      expect([h.mean(), h.min(), h.valueAtPercentile(50), h.valueAtPercentile(95), h.valueAtPercentile(99), h.max()]).toEqual([
        model.mean(),
        model.min(),
        model.atPercentile(50),
        model.atPercentile(95),
        model.atPercentile(99),
        model.max(),
      ]);
    });
  }
});
