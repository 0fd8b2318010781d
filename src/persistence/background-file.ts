// The temp file a background save (BGSAVE, an AOF rewrite) writes: chunks are appended in order on the
// libuv thread pool, so the event loop never waits for the file system between its slices of
// serialisation (a synchronous 256 KB write held clients up for 0.2-0.4 ms each time). One write is in
// flight at a time; the saver checks `backlog` and pauses producing while too much waits.
import { closeSync, existsSync, fsync, unlinkSync, write } from 'node:fs';

export class BackgroundFile {
  private readonly queue: Buffer[] = [];
  private inFlight = false;
  private idleWaiters: Array<() => void> = [];
  /** Bytes handed to append() and not yet written. */
  backlog = 0;
  /** Called with each chunk once it is in the file (the producer may reuse its buffer). */
  onWritten: ((b: Buffer) => void) | null = null;
  /** The first write error; later chunks are dropped. */
  error: Error | null = null;
  private closed = false;

  constructor(readonly fd: number) {}

  /** Queues bytes for the end of the file (the buffer must not change afterwards). */
  append(b: Buffer): void {
    if (this.error !== null || b.length === 0) return;
    this.queue.push(b);
    this.backlog += b.length;
    if (!this.inFlight) this.next();
  }

  /** Calls back once nothing is queued or being written (at once when that is already so). */
  whenIdle(cb: () => void): void {
    if (!this.inFlight) cb();
    else this.idleWaiters.push(cb);
  }

  /**
   * Once every queued chunk is written: fsync on the thread pool (tens of ms for a large file), then
   * `cb` with the first error of either, null when the file is complete on disk.
   */
  sync(cb: (err: Error | null) => void): void {
    this.whenIdle(() => {
      if (this.error !== null) return cb(this.error);
      fsync(this.fd, (err) => cb(err));
    });
  }

  /**
   * Gives the file up: it is unlinked at once and its descriptor closed once no write uses it any more
   * (closing earlier could let a pending write land in a file opened meanwhile under the same number).
   */
  discard(path: string): void {
    try {
      if (existsSync(path)) unlinkSync(path);
    } catch {
      // nothing to clean up
    }
    this.dropQueued();
    this.whenIdle(() => {
      try {
        this.close();
      } catch {
        // nothing more to do with it
      }
    });
  }

  /** Closes the descriptor (once: a later close or discard leaves a reused descriptor number alone). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private dropQueued(): void {
    this.queue.length = 0;
    this.backlog = 0;
  }

  private next(): void {
    const b = this.queue.shift();
    if (b === undefined) {
      this.inFlight = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const cb of waiters) cb();
      return;
    }
    this.inFlight = true;
    this.writeFrom(b, 0);
  }

  private writeFrom(b: Buffer, off: number): void {
    write(this.fd, b, off, b.length - off, null, (err, n) => {
      if (err !== null || n === 0) {
        this.error = err ?? new Error('write returned no progress');
        this.dropQueued();
        this.next();
        return;
      }
      // A short write (a full disk reports ENOSPC on the next call) continues where it stopped.
      if (off + n < b.length) {
        this.writeFrom(b, off + n);
        return;
      }
      this.backlog -= b.length;
      this.onWritten?.(b);
      this.next();
    });
  }
}
