// The load loop of one thread: N connections, each sending its pre-encoded batch (one write), counting
// the replies with the minimal scanner, recording one latency per batch for each of its replies, and
// sending the next batch. Counterpart: writeHandler(), readHandler() and clientDone() in
// redis-benchmark.c. Runs on the main thread or inside a worker (worker.ts); threads share the issued
// and finished counters through a SharedArrayBuffer, like redis-benchmark's atomic counters.
import { connect as netConnect, type NetConnectOpts, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describeSocketError } from '../../client/client.js';
import { LatencyRecorder } from './recorder.js';
import { Random, randomizePayload, repeatRequest, type Payload } from './payload.js';
import { ReplyCounter } from './reply-counter.js';

/** Slots of the shared Int32Array every thread of one run sees. */
export const SHARED = {
  /** Requests handed out (grows by the pipeline size per batch). */
  issued: 0,
  /** Replies received for benchmark commands. */
  finished: 1,
  /** Non-zero: stop sending (Ctrl-C, --duration elapsed). */
  stop: 2,
  /** Open connections. */
  live: 3,
  /** Error replies received. */
  errors: 4,
  size: 5,
} as const;

/** Per-thread slots of the shared Float64Array the progress line reads. */
export const STATS = {
  /** Samples recorded. */
  count: 0,
  /** Sum of the recorded latencies, microseconds. */
  sumUs: 1,
  size: 2,
} as const;

/** A server to connect to. */
export interface Target {
  host: string;
  port: number;
  /** Unix socket path; wins over host and port. */
  path?: string;
}

/**
 * Which server a connection talks to: the connection-selection seam. Plain data, so it crosses into
 * worker threads. Standalone runs have one target. Cluster mode (not built yet) would list the masters
 * here and, like redis-benchmark, give each connection a `{tag}` hashing to one of its node's slots,
 * patched into the payload the same way as `__rand_int__`.
 */
export function targetFor(targets: readonly Target[], connectionId: number): Target {
  return targets[connectionId % targets.length]!;
}

export interface LoadSpec {
  /** Servers; connection n goes to targetFor(targets, n). */
  targets: Target[];
  /** Connection numbers this thread owns (for routing). */
  connectionIds: number[];
  /** The request: one command's bytes; the payload repeats it `pipeline` times. */
  request: Uint8Array;
  pipeline: number;
  /** Commands sent once before the first batch on every connection (AUTH, SELECT, HELLO...). */
  prefix: Uint8Array;
  prefixReplies: number;
  /** Replace __rand_int__ with numbers below this (-r given). */
  randomize: boolean;
  keyspacelen: number;
  keepalive: boolean;
  /** Total requests of the run; Infinity with --duration. */
  requests: number;
  /** Stop sending this many ms after the start; Infinity if no --duration. */
  durationMs: number;
  /** Requests per second for this thread (0: as fast as possible). */
  rate: number;
  /** Connections that only connect and wait (-I). */
  idle: boolean;
  seed: number;
  stream: number;
}

export interface EngineEvents {
  /** A fatal problem: message for stderr; the run ends with exit code 1. */
  onFatal(message: string): void;
  /** All work of this thread is over. */
  onDone(): void;
}

const READ_BUFFER = 256 * 1024;
const TIMER_SLACK_MS = 2;

class Conn {
  socket!: Socket;
  readonly counter = new ReplyCounter();
  readonly payload: Payload;
  /** Replies still expected for the current batch (prefix replies included). */
  pending = 0;
  prefixPending = 0;
  /** First batch goes out with the prefix commands in front. */
  firstWrite: Buffer | null = null;
  /** When the batch was sent (or meant to be sent, with --rate), ms. */
  start = 0;
  /** Latency of the current batch in us, measured at its first read; -1 before that. */
  latency = -1;
  busy = false;
  /** --rate: the intended send time of this connection's next batch. */
  nextDue = 0;
  closed = false;

  constructor(
    readonly id: number,
    payload: Payload,
  ) {
    this.payload = payload;
  }
}

export class Engine {
  readonly recorder = new LatencyRecorder();
  private readonly conns: Conn[] = [];
  private readonly rng: Random;
  private readonly readBuf = Buffer.allocUnsafe(READ_BUFFER);
  private active = 0;
  private finishedLocal = false;
  private rateTimer: NodeJS.Timeout | null = null;
  private rateTimerDue = 0;
  private rateStart = 0;
  /** performance.now() after which nothing more is sent. */
  private deadline = Infinity;
  private rateSlot = 0;
  private deadlineTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly spec: LoadSpec,
    private readonly shared: Int32Array,
    private readonly stats: Float64Array,
    private readonly statsBase: number,
    private readonly events: EngineEvents,
  ) {
    this.rng = new Random(spec.seed, spec.stream);
  }

  /** Opens every connection; resolves when all are connected (rejects with the first failure's text). */
  async connectAll(): Promise<void> {
    const { spec } = this;
    const one = Buffer.from(spec.request);
    await Promise.all(
      spec.connectionIds.map((id) => {
        // Each connection randomises its own copy of the batch.
        const conn = new Conn(id, repeatRequest(one, spec.pipeline));
        this.conns.push(conn);
        return this.open(conn);
      }),
    );
  }

  private open(conn: Conn): Promise<void> {
    const target = targetFor(this.spec.targets, conn.id);
    const buffer = this.readBuf;
    return new Promise((resolve, reject) => {
      const opts = {
        ...(target.path ? { path: target.path } : { host: target.host, port: target.port }),
        noDelay: true,
        onread: { buffer, callback: (n: number) => this.onRead(conn, n) },
      };
      const socket = netConnect(opts as unknown as NetConnectOpts);
      conn.socket = socket;
      conn.closed = false;
      conn.counter.reset();
      conn.counter.captureErrors = true;
      const onConnectError = (err: NodeJS.ErrnoException): void => {
        const reason = describeSocketError(err).reason;
        reject(new Error(target.path ? `Could not connect to Redis at ${target.path}: ${reason}` : `Could not connect to Redis at ${target.host}:${target.port}: ${reason}`));
      };
      socket.once('error', onConnectError);
      socket.once('connect', () => {
        socket.off('error', onConnectError);
        socket.setNoDelay(true);
        socket.on('error', (err: NodeJS.ErrnoException) => this.onSocketError(conn, err));
        socket.on('close', () => this.onClose(conn));
        Atomics.add(this.shared, SHARED.live, 1);
        if (this.spec.prefix.length > 0) {
          const first = Buffer.allocUnsafe(this.spec.prefix.length + conn.payload.bytes.length);
          first.set(this.spec.prefix, 0);
          conn.firstWrite = first;
          conn.prefixPending = this.spec.prefixReplies;
        } else {
          conn.firstWrite = null;
          conn.prefixPending = 0;
        }
        resolve();
      });
    });
  }

  /** Starts sending on every connection. */
  start(): void {
    if (this.spec.idle) return;
    const now = performance.now();
    if (this.spec.durationMs !== Infinity) {
      this.deadline = now + this.spec.durationMs;
      this.deadlineTimer = setTimeout(() => this.checkDone(), this.spec.durationMs + 1);
    }
    if (this.spec.rate > 0) {
      this.rateStart = now;
      // Each connection takes the next free slot of the schedule; a slot is one batch.
      for (const c of this.conns) c.nextDue = this.nextSlot();
      this.scheduleRate();
      return;
    }
    for (const c of this.conns) this.issue(c, now);
    this.checkDone();
  }

  private nextSlot(): number {
    const intervalMs = (1000 * this.spec.pipeline) / this.spec.rate;
    return this.rateStart + this.rateSlot++ * intervalMs;
  }

  /** --rate: sends every idle connection whose slot is due, then sleeps until the next slot. */
  private scheduleRate(): void {
    this.rateTimer = null;
    if (this.finishedLocal) return;
    const now = performance.now();
    let earliest = Infinity;
    for (const c of this.conns) {
      if (c.busy || c.closed) continue;
      if (c.nextDue <= now) this.issue(c, now, true);
      if (!c.busy && !c.closed && c.nextDue < earliest && this.canIssue(now)) earliest = c.nextDue;
    }
    this.checkDone();
    if (!this.finishedLocal && earliest !== Infinity) this.armRateTimer(earliest);
  }

  private armRateTimer(due: number): void {
    if (this.rateTimer !== null) {
      if (this.rateTimerDue <= due) return;
      clearTimeout(this.rateTimer);
    }
    this.rateTimerDue = due;
    this.rateTimer = setTimeout(() => this.scheduleRate(), Math.max(0, due - performance.now()));
  }

  private canIssue(now: number): boolean {
    return Atomics.load(this.shared, SHARED.stop) === 0 && now < this.deadline && Atomics.load(this.shared, SHARED.issued) < this.spec.requests;
  }

  /** Sends the connection's next batch if requests remain. */
  private issue(c: Conn, now: number, fromTimer = false): void {
    const spec = this.spec;
    if (Atomics.load(this.shared, SHARED.stop) !== 0 || now >= this.deadline) return;
    if (spec.requests !== Infinity && Atomics.add(this.shared, SHARED.issued, spec.pipeline) >= spec.requests) return;
    if (spec.randomize) randomizePayload(c.payload, this.rng, spec.keyspacelen);
    // With --rate, latency counts from the intended send time, so a send delayed by a slow server is not
    // hidden (coordinated omission). Timer granularity (about a millisecond) is not the server's doing:
    // a connection that sat idle until its slot and was woken within that margin counts from now.
    c.start = spec.rate > 0 && !(fromTimer && now - c.nextDue <= TIMER_SLACK_MS) ? c.nextDue : now;
    c.latency = -1;
    c.pending = spec.pipeline + c.prefixPending;
    c.busy = true;
    this.active++;
    if (c.firstWrite !== null) {
      const first = c.firstWrite;
      first.set(c.payload.bytes, spec.prefix.length);
      c.firstWrite = null;
      c.socket.write(first);
    } else {
      c.socket.write(c.payload.bytes);
    }
  }

  private onRead(c: Conn, n: number): void {
    if (this.finishedLocal) return;
    if (!c.busy) {
      // Unrequested bytes (idle mode, a server closing with an error): count nothing.
      if (n > 0) {
        try {
          c.counter.feed(this.readBuf, 0, n);
        } catch {
          // ignore garbage outside a batch
        }
      }
      return;
    }
    const now = performance.now();
    if (c.latency < 0) c.latency = Math.floor((now - c.start) * 1000);
    let done: number;
    try {
      done = c.counter.feed(this.readBuf, 0, n);
    } catch (err) {
      this.events.onFatal(`Error: ${(err as Error).message}`);
      return;
    }
    if (done === 0) return;
    if (c.counter.errors > 0) {
      // redis-benchmark 7 stops at the first error reply rather than report numbers for failed commands.
      Atomics.add(this.shared, SHARED.errors, c.counter.errors);
      c.counter.errors = 0;
      this.events.onFatal(`Error from server: ${c.counter.takeError() ?? ''}`);
      return;
    }
    if (c.prefixPending > 0) {
      const skipped = done < c.prefixPending ? done : c.prefixPending;
      c.prefixPending -= skipped;
      c.pending -= skipped;
      done -= skipped;
      if (done === 0) return;
    }
    c.pending -= done;
    const spec = this.spec;
    const before = Atomics.add(this.shared, SHARED.finished, done);
    // Only the first `requests` replies are recorded, as redis-benchmark does.
    const toRecord = spec.requests === Infinity ? done : Math.min(done, spec.requests - before);
    if (toRecord > 0) {
      this.recorder.record(c.latency, toRecord);
      const stats = this.stats;
      const base = this.statsBase;
      stats[base + STATS.count] += toRecord;
      stats[base + STATS.sumUs] += c.latency * toRecord;
    }
    if (c.pending <= 0) this.batchDone(c, now);
  }

  private batchDone(c: Conn, now: number): void {
    c.busy = false;
    this.active--;
    const spec = this.spec;
    if (spec.requests !== Infinity && Atomics.load(this.shared, SHARED.finished) >= spec.requests) {
      this.checkDone();
      return;
    }
    if (!spec.keepalive) {
      this.reconnect(c);
      return;
    }
    if (spec.rate > 0) {
      c.nextDue = this.nextSlot();
      if (c.nextDue <= now) this.issue(c, now);
      else if (this.canIssue(now)) this.armRateTimer(c.nextDue);
    } else {
      this.issue(c, now);
    }
    if (!c.busy) this.checkDone();
  }

  /** -k 0: a fresh connection for every batch. */
  private reconnect(c: Conn): void {
    c.closed = true;
    c.socket.removeAllListeners('close');
    c.socket.destroy();
    Atomics.sub(this.shared, SHARED.live, 1);
    this.active++;
    this.open(c).then(
      () => {
        this.active--;
        this.issue(c, performance.now());
        if (!c.busy) this.checkDone();
      },
      (err: Error) => this.events.onFatal(err.message),
    );
  }

  private onSocketError(c: Conn, err: NodeJS.ErrnoException): void {
    if (this.finishedLocal || c.closed) return;
    this.events.onFatal(`Error: ${describeSocketError(err).reason}`);
  }

  private onClose(c: Conn): void {
    if (c.closed) return;
    c.closed = true;
    Atomics.sub(this.shared, SHARED.live, 1);
    if (this.finishedLocal) return;
    if (c.busy) {
      // A reply will never come: redis-benchmark stops here too.
      this.events.onFatal('Error: Server closed the connection');
      return;
    }
    if (this.spec.idle) return;
    if (Atomics.load(this.shared, SHARED.live) === 0 && Atomics.load(this.shared, SHARED.finished) < this.spec.requests && Atomics.load(this.shared, SHARED.stop) === 0) {
      this.events.onFatal('All clients disconnected... aborting.');
      return;
    }
    this.checkDone();
  }

  /** Re-checks whether this thread is done: nothing in flight and nothing more to send. */
  checkDone(): void {
    if (this.finishedLocal) return;
    const spec = this.spec;
    const finishedAll = spec.requests !== Infinity && Atomics.load(this.shared, SHARED.finished) >= spec.requests;
    if (!finishedAll && this.active > 0) return;
    // With --rate, idle connections wait for their slot; without it an idle connection is one that
    // found nothing left to send.
    if (!finishedAll && spec.rate > 0 && this.canIssue(performance.now())) return;
    this.finish();
  }

  /** Stops sending; in-flight batches still complete unless `abort` is set. */
  stop(abort: boolean): void {
    Atomics.store(this.shared, SHARED.stop, 1);
    if (abort) this.finish();
    else this.checkDone();
  }

  private finish(): void {
    if (this.finishedLocal) return;
    this.finishedLocal = true;
    if (this.rateTimer) clearTimeout(this.rateTimer);
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.events.onDone();
  }

  /** Closes every connection. */
  close(): void {
    for (const c of this.conns) {
      if (!c.closed) {
        c.closed = true;
        Atomics.sub(this.shared, SHARED.live, 1);
      }
      c.socket?.removeAllListeners('close');
      c.socket?.destroy();
    }
  }
}
