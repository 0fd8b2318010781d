import { describe, expect, it } from 'vitest';
import { histogramOf } from './latency.js';
import { LatencyRecorder } from './recorder.js';
import { cfixed, fullReport, summarize } from './report.js';

function hist(values: number[], digits = 3) {
  const r = new LatencyRecorder();
  for (const v of values) r.record(v, 1);
  return histogramOf(r, digits);
}

const line = (l: { percentile: number; valueMs: number; cumulativeCount: number }): string =>
  `${cfixed(l.percentile, 3)}% <= ${cfixed(l.valueMs, 3)} milliseconds (cumulative count ${l.cumulativeCount})`;

describe('LatencyHistogram (C hdr_histogram semantics, 10 us lowest discernible value)', () => {
  it('reports min, max, mean and percentiles from bucket boundaries', () => {
    const h = hist([100, 200, 300, 400]);
    // 100 us lands in the 8-us bucket 96..103, so min is 96 and the median-equivalent value is 100.
    expect(h.min()).toBe(96);
    expect(h.max()).toBe(407);
    expect(h.mean()).toBe((100 + 204 + 300 + 404) / 4);
    expect(h.valueAtPercentile(50)).toBe(207);
    expect(h.valueAtPercentile(95)).toBe(407);
    // hdr_value_at_percentile(0) rounds the count to 0 and stays at value 0 (redis-benchmark uses hdr_min).
    expect(h.valueAtPercentile(0)).toBe(0);
  });

  it('takes min and max from the bucket of the extreme samples, also at a bucket edge', () => {
    const h = hist([103, 97]);
    expect(h.min()).toBe(96);
    expect(h.max()).toBe(103);
    expect(hist([5, 2000]).min()).toBe(0);
  });

  it('walks percentiles in half-distance ticks, printing only when the count moves', () => {
    expect(hist([100, 200, 300, 400]).percentileDistribution().map(line)).toEqual([
      '0.000% <= 0.103 milliseconds (cumulative count 1)',
      '50.000% <= 0.207 milliseconds (cumulative count 2)',
      '75.000% <= 0.303 milliseconds (cumulative count 3)',
      '87.500% <= 0.407 milliseconds (cumulative count 4)',
      '100.000% <= 0.407 milliseconds (cumulative count 4)',
    ]);
  });

  it('walks the cumulative distribution in 100 us steps, then 1 ms steps past 2 ms', () => {
    const h = hist([1000, 2500, 5000]);
    expect(h.cumulativeDistribution().map(line)).toEqual([
      '0.000% <= 0.103 milliseconds (cumulative count 0)',
      '33.333% <= 1.007 milliseconds (cumulative count 1)',
      '66.667% <= 3.103 milliseconds (cumulative count 2)',
      '100.000% <= 5.103 milliseconds (cumulative count 3)',
    ]);
    expect(h.percentileDistribution().map(line)).toEqual([
      '0.000% <= 1.007 milliseconds (cumulative count 1)',
      '50.000% <= 2.503 milliseconds (cumulative count 2)',
      '75.000% <= 5.007 milliseconds (cumulative count 3)',
      '100.000% <= 5.007 milliseconds (cumulative count 3)',
    ]);
  });

  it('reaches deep percentiles for large counts and ends at 100%', () => {
    const values: number[] = [];
    for (let i = 0; i < 20000; i++) values.push(150 + (i % 1000));
    const lines = hist(values).percentileDistribution();
    expect(lines[0]!.percentile).toBe(0);
    expect(lines.map((l) => cfixed(l.percentile, 3))).toContain('99.609');
    expect(lines.at(-1)).toMatchObject({ percentile: 100, cumulativeCount: 20000 });
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.percentile).toBeGreaterThan(lines[i - 1]!.percentile);
  });

  it('counts latencies beyond the flat array and clamps at 3 seconds', () => {
    const r = new LatencyRecorder();
    r.record(70_000, 2);
    r.record(5_000_000, 1);
    r.record(50, 1);
    const h = histogramOf(r, 3);
    expect(h.totalCount).toBe(4);
    expect(h.max()).toBeGreaterThanOrEqual(3_000_000);
    expect(h.max()).toBeLessThan(3_002_000);
  });

  it('merges recorders from several threads', () => {
    const a = new LatencyRecorder();
    const b = new LatencyRecorder();
    a.record(100, 3);
    b.record(100, 2);
    b.record(80_000, 1);
    a.merge(b);
    expect(a.total).toBe(6);
    expect(histogramOf(a, 3).totalCount).toBe(6);
  });

  it('uses coarser buckets with a lower --precision', () => {
    expect(hist([1234]).max()).toBeLessThan(hist([1234], 1).max());
  });
});

describe('cfixed (printf %.Nf)', () => {
  it('rounds exact ties to even and everything else to nearest', () => {
    expect(cfixed(0.125, 2)).toBe('0.12');
    expect(cfixed(0.375, 2)).toBe('0.38');
    expect(cfixed(98.4375, 3)).toBe('98.438');
    expect(cfixed(0.0625, 3)).toBe('0.062');
    expect(cfixed(2.5, 0)).toBe('2');
    expect(cfixed(1.005, 2)).toBe('1.00');
    expect(cfixed(73260.0732, 2)).toBe('73260.07');
  });

  it('spells NaN and infinities like glibc', () => {
    expect(cfixed(NaN, 3)).toBe('-nan');
    expect(cfixed(Infinity, 2)).toBe('inf');
  });
});

describe('fullReport', () => {
  it("has redis-benchmark's sections, labels and column layout", () => {
    const h = hist([100, 200, 300, 400]);
    const s = summarize('SET', h, 4, 2000, [], false);
    const text = fullReport(s, h, { clients: 50, dataSize: 3, keepalive: true, serverConfig: { save: '', appendonly: 'no' }, threads: 0 });
    expect(text.split('\n').slice(0, 10)).toEqual([
      '====== SET ======',
      '  4 requests completed in 2.00 seconds',
      '  50 parallel clients',
      '  3 bytes payload',
      '  keep alive: 1',
      '  host configuration "save": ',
      '  host configuration "appendonly": no',
      '  multi-thread: no',
      '',
      'Latency by percentile distribution:',
    ]);
    expect(text).toContain(
      [
        'Summary:',
        '  throughput summary: 2.00 requests per second',
        '  latency summary (msec):',
        '          avg       min       p50       p95       p99       max',
        '        0.252     0.096     0.207     0.407     0.407     0.407',
        '',
      ].join('\n'),
    );
  });
});
