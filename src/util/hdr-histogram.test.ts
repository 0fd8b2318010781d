import { describe, expect, it } from 'vitest';
import { COUNTS_LEN, HdrHistogram, countsIndex, highestEquivalent, lowestEquivalent, valueAtIndex } from './hdr-histogram.js';

/** A few thousand values spread over the whole range, every power of two and its neighbours included. */
function sampleValues(): number[] {
  const out: number[] = [];
  for (let v = 0; v < 4096; v++) out.push(v);
  for (let p = 12; p <= 30; p++) {
    const b = 2 ** p;
    out.push(b - 1, b, b + 1, Math.floor(b * 1.37), Math.floor(b * 1.99));
  }
  for (let v = 1000; v <= 1e9; v *= 1.1) out.push(Math.floor(v));
  return out;
}

describe('HDR histogram layout (1 ns .. 1 s, 2 significant figures)', () => {
  it('has the dimensions hdr_init(1, 1e9, 2) gives', () => {
    expect(COUNTS_LEN).toBe(3072);
    // The last counter still holds values beyond 1 s; the one after would not exist.
    expect(countsIndex(1e9)).toBeLessThan(COUNTS_LEN);
    expect(highestEquivalent(1e9)).toBeGreaterThanOrEqual(1e9);
  });

  it('counts every value in a counter whose range holds it, at under 1% relative width', () => {
    for (const v of sampleValues()) {
      const lo = lowestEquivalent(v);
      const hi = highestEquivalent(v);
      expect(lo).toBeLessThanOrEqual(v);
      expect(hi).toBeGreaterThanOrEqual(v);
      expect(valueAtIndex(countsIndex(v))).toBe(lo);
      expect(countsIndex(lo)).toBe(countsIndex(v));
      expect(countsIndex(hi)).toBe(countsIndex(v));
      if (v > 0) expect(countsIndex(hi + 1)).toBe(countsIndex(v) + 1);
      if (v >= 256) expect((hi - lo + 1) / lo).toBeLessThan(0.01);
      else expect(hi).toBe(lo); // single-unit resolution below 256 ns
    }
  });

  it('maps indexes back to increasing values', () => {
    let prev = -1;
    for (let i = 0; i < COUNTS_LEN; i++) {
      const v = valueAtIndex(i);
      expect(v).toBeGreaterThan(prev);
      expect(countsIndex(v)).toBe(i);
      prev = v;
    }
  });

  it('gives the bucket bounds Redis reports for whole-microsecond durations', () => {
    // Values seen from redis-server 7.0 (INFO latencystats, LATENCY HISTOGRAM) for these durations.
    expect(highestEquivalent(1000)).toBe(1003);
    expect(highestEquivalent(6000)).toBe(6015);
    expect(lowestEquivalent(13000)).toBe(12992);
    expect(highestEquivalent(13000)).toBe(13055);
    expect(highestEquivalent(60000)).toBe(60159);
    expect(lowestEquivalent(60000)).toBe(59904);
  });
});

describe('HdrHistogram', () => {
  it('clamps values to 1 ns .. 1 s and counts them', () => {
    const h = new HdrHistogram();
    h.record(0);
    h.record(-5);
    h.record(5e9);
    expect(h.total).toBe(3);
    expect(h.counts[countsIndex(1)]).toBe(2);
    expect(h.counts[countsIndex(1e9)]).toBe(1);
    h.reset();
    expect(h.total).toBe(0);
    expect(h.counts.every((c) => c === 0)).toBe(true);
  });

  it('answers percentiles as hdr_value_at_percentile does', () => {
    const h = new HdrHistogram();
    for (let k = 1; k <= 100; k++) h.record(k * 1000);
    // 50% of 100 -> the 50th value (50 us), reported as the top of its counter.
    expect(h.valueAtPercentile(50)).toBe(highestEquivalent(50000));
    expect(h.valueAtPercentile(99)).toBe(highestEquivalent(99000));
    expect(h.valueAtPercentile(99.9)).toBe(highestEquivalent(100000));
    expect(h.valueAtPercentile(100)).toBe(highestEquivalent(100000));
    expect(h.valueAtPercentile(150)).toBe(highestEquivalent(100000));
    // Percentile 0 is the bottom of the first counter.
    expect(h.valueAtPercentile(0)).toBe(lowestEquivalent(1000));
    // Rounding of the wanted count: 0.4% of 100 -> 0 -> at least 1.
    expect(h.valueAtPercentile(0.4)).toBe(highestEquivalent(1000));
    expect(new HdrHistogram().valueAtPercentile(50)).toBe(0);
  });

  it('reports the logarithmic cumulative distribution Redis replies for LATENCY HISTOGRAM', () => {
    const h = new HdrHistogram();
    // Two DEBUG SLEEPs of Redis: about 20 ms and 50 ms -> buckets 33816 and 67633 us.
    h.record(20_100_000);
    h.record(50_300_000);
    expect(h.logDistribution().map(([ns, n]) => [Math.floor(ns / 1000), n])).toEqual([
      [33816, 1],
      [67633, 2],
    ]);
    const g = new HdrHistogram();
    for (const us of [1, 1, 2, 3, 9, 17, 40, 40]) g.record(us * 1000);
    // Levels 1024, 2048, 4096... ns; a level counts every value up to the first counter that reaches it.
    expect(g.logDistribution().map(([ns, n]) => [Math.floor(ns / 1000), n])).toEqual([
      [1, 2],
      [2, 3],
      [4, 4],
      [16, 5],
      [33, 6],
      [66, 8],
    ]);
  });

  it('matches a direct count of the values below each reporting level', () => {
    const h = new HdrHistogram();
    const values: number[] = [];
    let x = 12345;
    for (let k = 0; k < 5000; k++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const v = Math.floor(Math.exp((x / 2147483648) * Math.log(5e8)));
      values.push(v);
      h.record(v);
    }
    let prev = 0;
    for (const [top, count] of h.logDistribution()) {
      // Everything at or below the top of the reported counter is counted, nothing above.
      const direct = values.filter((v) => highestEquivalent(Math.min(Math.max(v, 1), 1e9)) <= top).length;
      expect(count).toBe(direct);
      expect(count).toBeGreaterThan(prev);
      prev = count;
    }
    expect(prev).toBe(5000);
  });

  it('leaves out values above the last power-of-two level reached, as the hdr iterator does', () => {
    // The last level that 1 s values reach is 536870912 ns: a call slower than that is counted in
    // `calls` but in no histogram_usec bucket.
    const h = new HdrHistogram();
    h.record(1000);
    h.record(900_000_000);
    expect(h.total).toBe(2);
    expect(h.logDistribution()).toEqual([[highestEquivalent(1024), 1]]);
  });
});
