// Runs one benchmark test over the lanes (threads): connects every connection, starts the clock, shows
// the live progress line on a terminal, stops on completion, --duration, a fatal error or a signal,
// and merges the latencies. Counterpart: benchmark() and showThroughput() in Redis's redis-benchmark.c.
import { performance } from 'node:perf_hooks';
import { SHARED, STATS, type LoadSpec, type Target } from './engine.js';
import { LatencyRecorder } from './recorder.js';
import type { Lane } from './lanes.js';
import { cfixed } from './report.js';

export interface RunSettings {
  targets: Target[];
  clients: number;
  pipeline: number;
  prefix: Uint8Array;
  prefixReplies: number;
  randomize: boolean;
  keyspacelen: number;
  keepalive: boolean;
  requests: number;
  durationMs: number;
  rate: number;
  seed: number;
  /** Print the progress line (a terminal, not --csv/--json). */
  progress: boolean;
}

export interface TestRun {
  finished: number;
  elapsedMs: number;
  recorder: LatencyRecorder;
  interrupted: boolean;
}

/** A problem that ends the program with status 1 after printing `message` to stderr. */
export class FatalError extends Error {
  override name = 'FatalError';
}

export interface RunnerIo {
  stdout: { write(s: string): unknown };
}

const PROGRESS_MS = 250;

export class Runner {
  /** Set by a signal: the current test stops and reports what it measured. */
  interrupted = false;
  private current: { stop(): void } | null = null;
  private runs = 0;

  constructor(
    private readonly lanes: Lane[],
    private readonly io: RunnerIo,
  ) {}

  /** Stops the running test at once (Ctrl-C). */
  interrupt(): void {
    this.interrupted = true;
    this.current?.stop();
  }

  /** Connection numbers of lane `i`: connection n belongs to lane n % lanes, as redis-benchmark spreads them. */
  private idsFor(lane: number, clients: number): number[] {
    const ids: number[] = [];
    for (let n = lane; n < clients; n += this.lanes.length) ids.push(n);
    return ids;
  }

  async run(title: string, request: Uint8Array, s: RunSettings, idle = false): Promise<TestRun> {
    const lanes = this.lanes;
    const shared = new Int32Array(new SharedArrayBuffer(4 * SHARED.size));
    const stats = new Float64Array(new SharedArrayBuffer(8 * STATS.size * lanes.length));
    const runIndex = this.runs++;
    let fatal: string | null = null;
    let doneCount = 0;
    let wake: () => void = () => {};
    const settled = new Promise<void>((resolve) => (wake = resolve));
    const events = {
      onFatal: (message: string) => {
        if (fatal === null) fatal = message;
        for (const l of lanes) l.stop(true);
        wake();
      },
      onDone: () => {
        if (++doneCount >= lanes.length) wake();
      },
    };
    const laneSpecs: LoadSpec[] = lanes.map((_, i) => {
      const ids = this.idsFor(i, s.clients);
      return {
        targets: s.targets,
        connectionIds: ids,
        request,
        pipeline: s.pipeline,
        prefix: s.prefix,
        prefixReplies: s.prefixReplies,
        randomize: s.randomize,
        keyspacelen: s.keyspacelen,
        keepalive: s.keepalive,
        requests: s.requests,
        durationMs: s.durationMs,
        rate: s.rate > 0 ? (s.rate * ids.length) / s.clients : 0,
        idle,
        seed: (s.seed + Math.imul(runIndex, 0x2545f491)) >>> 0,
        stream: i,
      };
    });
    const active = lanes.filter((_, i) => laneSpecs[i]!.connectionIds.length > 0);
    doneCount = lanes.length - active.length;
    // Every lane finishes connecting (or failing) before any is closed again.
    const connected = await Promise.allSettled(active.map((l) => l.connect(laneSpecs[lanes.indexOf(l)]!, shared, stats, lanes.indexOf(l) * STATS.size, events)));
    const failed = connected.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await Promise.all(active.map((l) => l.collect().catch(() => undefined)));
      throw new FatalError((failed.reason as Error).message);
    }
    const t0 = performance.now();
    let stopped = false;
    this.current = {
      stop: () => {
        if (stopped) return;
        stopped = true;
        for (const l of active) l.stop(true);
      },
    };
    if (this.interrupted) this.current.stop();
    for (const l of active) l.start();
    // No connections at all (-c 0): nothing will report.
    if (active.length === 0) wake();
    const progress = s.progress ? (idle ? this.idleLine(shared) : this.progressLine(title, shared, stats, t0)) : null;
    await settled;
    const elapsedMs = performance.now() - t0;
    progress?.stop();
    this.current = null;
    const recorder = new LatencyRecorder();
    for (const l of active) recorder.merge(await l.collect());
    if (fatal !== null) throw new FatalError(fatal);
    return {
      finished: Atomics.load(shared, SHARED.finished),
      elapsedMs,
      recorder,
      interrupted: this.interrupted,
    };
  }

  /** Bytes of the last progress line, so the report can blank it out first. */
  lastPrinted = 0;

  /** Writes the blanking that redis-benchmark prints before a report on a line with progress. */
  clearLine(): string {
    if (this.lastPrinted === 0) return '';
    const s = `${' '.repeat(this.lastPrinted)}\r`;
    this.lastPrinted = 0;
    return s;
  }

  /** -I on a terminal: the number of open connections. */
  private idleLine(shared: Int32Array): { stop(): void } {
    const timer = setInterval(() => this.io.stdout.write(`clients: ${Atomics.load(shared, SHARED.live)}\r`), PROGRESS_MS);
    return { stop: () => clearInterval(timer) };
  }

  private progressLine(title: string, shared: Int32Array, stats: Float64Array, t0: number): { stop(): void } {
    let prevTick = t0;
    let prevFinished = 0;
    let prevCount = 0;
    let prevSum = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      const finished = Atomics.load(shared, SHARED.finished);
      let count = 0;
      let sum = 0;
      for (let i = 0; i < stats.length; i += STATS.size) {
        count += stats[i + STATS.count]!;
        sum += stats[i + STATS.sumUs]!;
      }
      const rps = finished / ((now - t0) / 1000);
      const instant = (finished - prevFinished) / ((now - prevTick) / 1000);
      const avgNow = (sum - prevSum) / (count - prevCount) / 1000;
      const avgAll = sum / count / 1000;
      prevTick = now;
      prevFinished = finished;
      prevCount = count;
      prevSum = sum;
      const line = `${title}: rps=${cfixed(instant, 1)} (overall: ${cfixed(rps, 1)}) avg_msec=${cfixed(avgNow, 3)} (overall: ${cfixed(avgAll, 3)})`;
      this.io.stdout.write(`${this.clearLine()}${line}\r`);
      this.lastPrinted = line.length;
    }, PROGRESS_MS);
    return { stop: () => clearInterval(timer) };
  }
}
