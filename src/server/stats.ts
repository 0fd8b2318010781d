// Server-wide counters behind INFO stats / errorstats and CONFIG RESETSTAT.
// Counterpart: the stat_* fields of redisServer in Redis's server.h.

export class Stats {
  connectionsReceived = 0;
  commandsProcessed = 0;
  rejectedConnections = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  expiredKeys = 0;
  evictedKeys = 0;
  hits = 0;
  misses = 0;
  totalErrorReplies = 0;
  unexpectedErrorReplies = 0;
  /** errorstats: error code -> count. */
  errors = new Map<string, number>();
  /** Ring of (time, commands) samples for instantaneous_ops_per_sec. */
  private samples: Array<[number, number, number, number]> = [];

  countError(code: string): void {
    this.totalErrorReplies++;
    // Redis stops tracking new codes past 128 distinct ones to bound memory.
    const n = this.errors.get(code);
    if (n !== undefined) this.errors.set(code, n + 1);
    else if (this.errors.size < 128) this.errors.set(code, 1);
  }

  /** Called every 100 ms. */
  sample(now: number): void {
    this.samples.push([now, this.commandsProcessed, this.netInputBytes, this.netOutputBytes]);
    if (this.samples.length > 16) this.samples.shift();
  }

  private rate(idx: 1 | 2 | 3): number {
    if (this.samples.length < 2) return 0;
    const a = this.samples[0];
    const b = this.samples[this.samples.length - 1];
    const dt = b[0] - a[0];
    return dt > 0 ? ((b[idx] - a[idx]) * 1000) / dt : 0;
  }

  get opsPerSec(): number {
    return Math.round(this.rate(1));
  }
  get inputKbps(): number {
    return this.rate(2) / 1024;
  }
  get outputKbps(): number {
    return this.rate(3) / 1024;
  }

  reset(): void {
    this.connectionsReceived = 0;
    this.commandsProcessed = 0;
    this.rejectedConnections = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.expiredKeys = 0;
    this.evictedKeys = 0;
    this.hits = 0;
    this.misses = 0;
    this.totalErrorReplies = 0;
    this.unexpectedErrorReplies = 0;
    this.errors.clear();
    this.samples = [];
  }
}
