// A fixed-range HDR (high dynamic range) histogram of nanosecond durations: 1 ns .. 1 s with 2
// significant figures, the layout Redis's per-command latency histograms use (hdr_init(1, 1e9, 2)).
// Each power-of-two bucket is split into 128 linear sub-buckets, so a value is recorded with a relative
// error under 1%; recording is one index computation and one increment in a preallocated typed array.
// Counterpart: deps/hdr_histogram in Redis (its layout and its log-iterator and percentile rules are
// reproduced so LATENCY HISTOGRAM and INFO latencystats report the same bucket boundaries).

/** Smallest and largest durations recorded (ns); values outside are clamped, as Redis clamps them. */
export const HIST_MIN_NS = 1;
export const HIST_MAX_NS = 1_000_000_000;

// Derived from (lowest 1, highest 1e9, 2 significant figures): 2 * 10^2 = 200 values need single-unit
// resolution, so sub-buckets span 2^8 = 256 values (the lower half shared with the previous bucket).
const SUB_BUCKET_HALF_MAGNITUDE = 7;
const SUB_BUCKET_HALF = 1 << SUB_BUCKET_HALF_MAGNITUDE; // 128
const SUB_BUCKET_COUNT = SUB_BUCKET_HALF * 2; // 256
const SUB_BUCKET_MASK = SUB_BUCKET_COUNT - 1; // unit magnitude 0
/** Buckets until 256 << (n - 1) exceeds 1e9. */
export const BUCKET_COUNT = 23;
export const COUNTS_LEN = (BUCKET_COUNT + 1) * SUB_BUCKET_HALF; // 3072

/** Bucket of a value: how far its highest set bit is above the sub-bucket range. */
function bucketIndex(v: number): number {
  return 32 - Math.clz32(v | SUB_BUCKET_MASK) - (SUB_BUCKET_HALF_MAGNITUDE + 1);
}

/** Index into the counts array of a value in [0, 2^31). */
export function countsIndex(v: number): number {
  const b = bucketIndex(v);
  const sub = v >>> b;
  return ((b + 1) << SUB_BUCKET_HALF_MAGNITUDE) + sub - SUB_BUCKET_HALF;
}

/** The smallest value counted at an index. */
export function valueAtIndex(index: number): number {
  let b = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  let sub = (index & (SUB_BUCKET_HALF - 1)) + SUB_BUCKET_HALF;
  if (b < 0) {
    sub -= SUB_BUCKET_HALF;
    b = 0;
  }
  return sub * 2 ** b;
}

/** The smallest value that shares v's counter. */
export function lowestEquivalent(v: number): number {
  const b = bucketIndex(v);
  return (v >>> b) * 2 ** b;
}

/** The largest value that shares v's counter. */
export function highestEquivalent(v: number): number {
  const b = bucketIndex(v);
  const sub = v >>> b;
  const size = 2 ** (sub >= SUB_BUCKET_COUNT ? b + 1 : b);
  return sub * 2 ** b + size - 1;
}

export class HdrHistogram {
  readonly counts = new Float64Array(COUNTS_LEN);
  total = 0;

  /** Records one duration in nanoseconds (clamped to 1 ns .. 1 s). */
  record(ns: number): void {
    const v = ns < HIST_MIN_NS ? HIST_MIN_NS : ns > HIST_MAX_NS ? HIST_MAX_NS : ns | 0;
    this.counts[countsIndex(v)]++;
    this.total++;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }

  /**
   * The value at a percentile (0..100): the highest value equivalent to the first counter at which the
   * running count reaches the percentile's share of the total (the lowest equivalent for percentile 0).
   */
  valueAtPercentile(percentile: number): number {
    const p = percentile < 100 ? percentile : 100;
    let want = Math.floor((p / 100) * this.total + 0.5);
    if (want < 1) want = 1;
    let running = 0;
    let value = 0;
    for (let i = 0; i < COUNTS_LEN; i++) {
      running += this.counts[i];
      if (running >= want) {
        value = valueAtIndex(i);
        break;
      }
    }
    return percentile === 0 ? lowestEquivalent(value) : highestEquivalent(value);
  }

  /**
   * The cumulative distribution at power-of-two reporting levels starting at 1024 ns: for each level
   * at which the running count grew, [highest equivalent value reached (ns), running count]. This walks
   * the counters the way hdr_histogram's logarithmic iterator does: a level is reported at the first
   * counter whose value reaches the level, with the counts up to and including that counter.
   */
  logDistribution(firstLevel = 1024, base = 2): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let level = firstLevel;
    let levelLowest = lowestEquivalent(level);
    let index = -1;
    let value = 0;
    let running = 0;
    let previous = 0;
    for (;;) {
      const more = running < this.total || (index + 1 < COUNTS_LEN && valueAtIndex(index + 1) > levelLowest);
      if (!more) break;
      let reported = false;
      for (;;) {
        if (value >= levelLowest) {
          if (running > previous) out.push([highestEquivalent(value), running]);
          previous = running;
          level *= base;
          levelLowest = level > 2 ** 31 - 1 ? level : lowestEquivalent(level);
          reported = true;
          break;
        }
        index++;
        if (index >= COUNTS_LEN) break;
        running += this.counts[index];
        value = valueAtIndex(index);
      }
      if (!reported) break;
    }
    return out;
  }
}
