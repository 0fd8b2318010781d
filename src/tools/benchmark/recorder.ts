// Latency samples as the load loop records them: integer microseconds counted in a flat array (one
// increment per reply, no allocation), longer ones listed. Kept apart from the histogram code so worker
// threads load nothing else. Counterpart: the hdr_record_value calls in redis-benchmark.c's readHandler.

export const HISTOGRAM_MAX_US = 3_000_000;
/** Latencies below this many microseconds are counted in the flat array; longer ones are listed. */
export const DIRECT_US = 1 << 16;

/** Per-thread recorder: no allocation per sample. */
export class LatencyRecorder {
  readonly direct = new Float64Array(DIRECT_US);
  /** Samples of DIRECT_US or more, as [value, count] pairs appended in order. */
  overflow: number[] = [];
  total = 0;
  sumUs = 0;

  record(us: number, count: number): void {
    if (us < DIRECT_US) this.direct[us] += count;
    else this.overflow.push(us > HISTOGRAM_MAX_US ? HISTOGRAM_MAX_US : us, count);
    this.total += count;
    this.sumUs += us * count;
  }

  /** Adds another recorder's samples (from another thread). */
  merge(other: { direct: Float64Array; overflow: number[] }): void {
    const d = this.direct;
    const od = other.direct;
    const n = Math.min(od.length, DIRECT_US);
    for (let i = 0; i < n; i++) {
      const c = od[i]!;
      if (c !== 0) {
        d[i] += c;
        this.total += c;
        this.sumUs += i * c;
      }
    }
    for (let i = 0; i < other.overflow.length; i += 2) this.record(other.overflow[i]!, other.overflow[i + 1]!);
  }

  clear(): void {
    this.direct.fill(0);
    this.overflow = [];
    this.total = 0;
    this.sumUs = 0;
  }
}
