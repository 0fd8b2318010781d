// A lane is one thread's share of the connections: either an Engine on the main thread or one inside a
// worker thread (worker.ts). The runner drives every lane the same way: connect, start, stop, collect.
// Counterpart: redis-benchmark's --threads event loops (benchmarkThread), with the shared atomic
// counters living in a SharedArrayBuffer.
import { Worker } from 'node:worker_threads';
import { Engine, type LoadSpec } from './engine.js';

export interface LaneResult {
  direct: Float64Array;
  overflow: number[];
}

export interface LaneEvents {
  onFatal(message: string): void;
  onDone(): void;
}

export interface Lane {
  /** Opens the lane's connections; rejects with a "Could not connect..." message. */
  connect(spec: LoadSpec, shared: Int32Array, stats: Float64Array, statsBase: number, events: LaneEvents): Promise<void>;
  start(): void;
  /** Stop sending; with `abort`, end at once without waiting for replies in flight. */
  stop(abort: boolean): void;
  /** The recorded latencies, after onDone (or a stop with abort). Closes the connections. */
  collect(): Promise<LaneResult>;
  /** Frees the lane (ends its thread). */
  dispose(): Promise<void>;
}

export class InThreadLane implements Lane {
  private engine: Engine | null = null;

  async connect(spec: LoadSpec, shared: Int32Array, stats: Float64Array, statsBase: number, events: LaneEvents): Promise<void> {
    this.engine = new Engine(spec, shared, stats, statsBase, events);
    try {
      await this.engine.connectAll();
    } catch (err) {
      this.engine.close();
      throw err;
    }
  }

  start(): void {
    this.engine!.start();
  }

  stop(abort: boolean): void {
    this.engine?.stop(abort);
  }

  async collect(): Promise<LaneResult> {
    const e = this.engine!;
    e.close();
    this.engine = null;
    return { direct: e.recorder.direct, overflow: e.recorder.overflow };
  }

  async dispose(): Promise<void> {
    this.engine?.close();
    this.engine = null;
  }
}

type FromWorker =
  | { type: 'connected' }
  | { type: 'connectError'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'done' }
  | { type: 'result'; direct: Float64Array; overflow: number[] };

export class WorkerLane implements Lane {
  private readonly worker: Worker;
  private events: LaneEvents | null = null;
  private waiting: ((msg: FromWorker) => void) | null = null;
  private exited: Error | null = null;

  constructor() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    this.worker.on('error', (err) => {
      this.exited = err;
      this.events?.onFatal(`Benchmark thread failed: ${err.message}`);
    });
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'fatal':
        this.events?.onFatal(msg.message);
        return;
      case 'done':
        this.events?.onDone();
        return;
      default: {
        const w = this.waiting;
        this.waiting = null;
        w?.(msg);
      }
    }
  }

  private request(msg: unknown): Promise<FromWorker> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.worker.postMessage(msg);
    });
  }

  async connect(spec: LoadSpec, shared: Int32Array, stats: Float64Array, statsBase: number, events: LaneEvents): Promise<void> {
    this.events = events;
    const reply = await this.request({ type: 'connect', spec, shared, stats, statsBase });
    if (reply.type === 'connectError') throw new Error(reply.message);
  }

  start(): void {
    this.worker.postMessage({ type: 'start' });
  }

  stop(abort: boolean): void {
    this.worker.postMessage({ type: 'stop', abort });
  }

  async collect(): Promise<LaneResult> {
    const reply = await this.request({ type: 'collect' });
    if (reply.type !== 'result') throw new Error('unexpected reply from a benchmark thread');
    return { direct: reply.direct, overflow: reply.overflow };
  }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}
