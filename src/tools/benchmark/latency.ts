// Latency recording and the statistics redis-benchmark prints. The hot path counts integer microseconds
// in a flat array (one increment per reply); a report folds those counts into an HdrHistogram
// (hdr-histogram-js) laid out exactly like redis-benchmark's (lowest discernible value 10 us, highest
// 3,000,000 us, --precision significant digits) and reads it the way the C hdr_histogram library does:
// percentiles by hdr_value_at_percentile, the mean over median-equivalent values, and the two iterators
// behind "Latency by percentile distribution" and "Cumulative distribution of latencies".
// Counterpart: showLatencyReport() in redis-benchmark.c and deps/hdr_histogram.
import * as hdr from 'hdr-histogram-js';
import { DIRECT_US, HISTOGRAM_MAX_US, type LatencyRecorder } from './recorder.js';

export const HISTOGRAM_MIN_US = 10;

/** An HdrHistogram of everything a recorder holds, with `significantDigits` of precision. */
export function histogramOf(r: LatencyRecorder, significantDigits: number): LatencyHistogram {
  const h = hdr.build({
    bitBucketSize: 64,
    autoResize: false,
    lowestDiscernibleValue: HISTOGRAM_MIN_US,
    highestTrackableValue: HISTOGRAM_MAX_US,
    numberOfSignificantValueDigits: significantDigits as 1 | 2 | 3 | 4 | 5,
  }) as hdr.JsHistogram;
  const d = r.direct;
  for (let i = 0; i < DIRECT_US; i++) if (d[i] !== 0) h.recordValueWithCount(i, d[i]!);
  for (let i = 0; i < r.overflow.length; i += 2) h.recordValueWithCount(r.overflow[i]!, r.overflow[i + 1]!);
  return new LatencyHistogram(h);
}

export interface DistributionLine {
  percentile: number;
  /** Milliseconds. */
  valueMs: number;
  cumulativeCount: number;
}

/** Read-only statistics over a histogram, with the C library's definitions. All values in microseconds. */
export class LatencyHistogram {
  constructor(readonly h: hdr.JsHistogram) {}

  get totalCount(): number {
    return this.h.totalCount;
  }

  private get length(): number {
    return this.h.countsArrayLength;
  }

  /**
   * hdr_min: 0 when something landed in the first bucket, else the lowest equivalent of the smallest
   * sample. Read from the counts: hdr-histogram-js keeps its min and max in an internal form.
   */
  min(): number {
    for (let i = 0; i < this.length; i++) {
      if (this.h.getCountAtIndex(i) !== 0) return i === 0 ? 0 : this.h.valueFromIndex(i);
    }
    return 0;
  }

  /** hdr_max: the highest equivalent value of the largest sample. */
  max(): number {
    for (let i = this.length - 1; i >= 0; i--) {
      if (this.h.getCountAtIndex(i) !== 0) return this.h.highestEquivalentValue(this.h.valueFromIndex(i));
    }
    return 0;
  }

  /** hdr_mean: counts weighted by the median equivalent value of their bucket. */
  mean(): number {
    const total = this.totalCount;
    if (total === 0) return NaN;
    let sum = 0;
    for (let i = 0; i < this.length; i++) {
      const c = this.h.getCountAtIndex(i);
      if (c !== 0) sum += c * this.h.medianEquivalentValue(this.h.valueFromIndex(i));
    }
    return sum / total;
  }

  /** hdr_value_at_percentile: the bucket where the rounded count at that percentile is reached. */
  valueAtPercentile(percentile: number): number {
    const requested = percentile < 100 ? percentile : 100;
    let countAt = Math.trunc((requested / 100) * this.totalCount + 0.5);
    if (countAt > this.totalCount) countAt = this.totalCount;
    let seen = 0;
    let value = 0;
    for (let i = 0; i < this.length && seen < countAt; i++) {
      seen += this.h.getCountAtIndex(i);
      value = this.h.valueFromIndex(i);
    }
    return percentile === 0 ? this.h.lowestEquivalentValue(value) : this.h.highestEquivalentValue(value);
  }

  /**
   * The "Latency by percentile distribution" lines: hdr_iter_percentile with one tick per half
   * distance, printed when the cumulative count moved (or reached the total).
   */
  percentileDistribution(): DistributionLine[] {
    const out: DistributionLine[] = [];
    const it = new CountsWalk(this.h);
    if (it.total === 0) return out;
    let toIterateTo = 0;
    let seenLast = false;
    let previous = -1;
    const next = (): number | null => {
      if (it.cumulative >= it.total) {
        if (seenLast) return null;
        seenLast = true;
        return 100;
      }
      if (it.index === -1 && !it.basicNext()) return null;
      do {
        if (it.count !== 0 && toIterateTo <= (100 * it.cumulative) / it.total) {
          const percentile = toIterateTo;
          const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - toIterateTo)) / Math.log(2)) + 1);
          toIterateTo = Number.isFinite(halfDistance) ? toIterateTo + 100 / halfDistance : Infinity;
          return percentile;
        }
      } while (it.basicNext());
      return toIterateTo;
    };
    for (let p = next(); p !== null; p = next()) {
      if (previous !== it.cumulative || it.cumulative === it.total) {
        out.push({ percentile: p, valueMs: it.highest / 1000, cumulativeCount: it.cumulative });
      }
      previous = it.cumulative;
    }
    return out;
  }

  /**
   * The "Cumulative distribution of latencies" lines: hdr_iter_linear in 100 us steps, switching to
   * 1 ms steps once past 2 ms, printed when the cumulative count moved (or reached the total).
   */
  cumulativeDistribution(): DistributionLine[] {
    const out: DistributionLine[] = [];
    const h = this.h;
    const it = new CountsWalk(h);
    if (it.total === 0) return out;
    let unitsPerBucket = 100;
    let nextLevel = unitsPerBucket;
    let nextLowest = h.lowestEquivalentValue(nextLevel);
    let previous = -1;
    const next = (): boolean => {
      const peekBeyond = it.index < it.length && h.valueFromIndex(it.index + 1) > nextLowest;
      if (it.cumulative >= it.total && !peekBeyond) return false;
      for (;;) {
        if (it.value >= nextLowest) {
          nextLevel += unitsPerBucket;
          nextLowest = h.lowestEquivalentValue(nextLevel);
          return true;
        }
        if (!it.moveNext()) return true;
      }
    };
    while (next()) {
      if (previous !== it.cumulative || it.cumulative === it.total) {
        out.push({ percentile: (it.cumulative / it.total) * 100, valueMs: it.highest / 1000, cumulativeCount: it.cumulative });
      }
      if (it.highest > 2000) unitsPerBucket = 1000;
      previous = it.cumulative;
    }
    return out;
  }
}

/** A walk over the counts array, index by index, as the C library's basic iterator does. */
class CountsWalk {
  index = -1;
  count = 0;
  cumulative = 0;
  /** Lowest value of the current index. */
  value = 0;
  highest = 0;
  readonly total: number;
  readonly length: number;

  constructor(private readonly h: hdr.JsHistogram) {
    this.total = h.totalCount;
    this.length = h.countsArrayLength;
  }

  moveNext(): boolean {
    this.index++;
    if (this.index >= this.length) return false;
    this.count = this.h.getCountAtIndex(this.index);
    this.cumulative += this.count;
    this.value = this.h.valueFromIndex(this.index);
    this.highest = this.h.highestEquivalentValue(this.value);
    return true;
  }

  basicNext(): boolean {
    if (this.cumulative >= this.total || this.index >= this.length) return false;
    this.moveNext();
    return true;
  }
}
