// Serving the other clients while a script runs past busy-reply-threshold: Redis's
// processEventsWhileBlocked, called from the interpreter's count hook (see src/scripting/lua-vm.ts).
// The script holds the event loop, so connections are read here directly: their file descriptors are
// non-blocking (libuv makes them so), so fs.readSync returns what has arrived or fails with EAGAIN. What
// is read takes the normal path (parser, processCommand, which answers BUSY to all but the allow-busy
// commands, then the reply write, which libuv performs at once when nothing is queued on the socket).
// New connections are accepted by a helper thread (busy-accept.ts) and served the same way.
// Not served meanwhile: the script's caller (Redis protects it the same way) and TLS connections (their
// bytes need the TLS layer, which runs on the event loop); they are served when the script ends.
import { readSync } from 'node:fs';
import type { Client } from './client.js';

export interface BusyPollTarget {
  clients(): Iterable<Client>;
  /** Handles bytes received from a client as a socket read would. */
  feed(c: Client, chunk: Buffer): void;
  /** Writes out the client's pending replies now. */
  write(c: Client): void;
  /** The client's connection ended or failed. */
  drop(c: Client): void;
  /** The server is shutting down (SHUTDOWN NOSAVE arrived): the script must stop. */
  stopping(): boolean;
  /** The clock the commands see, kept as the script froze it. */
  clock: { eventNow: number };
  /** Accepts new connections while the event loop is held (start), hands them over (take). */
  acceptor?: { start(): void; take(): void; stop(): void };
}

/** Reads per client and poll: bounded, so one client streaming commands cannot stall the script. */
const READS_PER_CLIENT = 16;

export interface BusyPoller {
  /** One pass over the clients (no more often than every millisecond, nor more than a fifth of the
   * time: a read that finds nothing costs microseconds, and there may be many idle connections).
   * Returns true when the script must stop. */
  poll(caller: Client): boolean;
  /** The timed-out script ended. */
  end(): void;
}

export function createBusyPoller(t: BusyPollTarget): BusyPoller {
  const buf = Buffer.allocUnsafe(65536);
  let next = 0;
  let accepting = false;
  const poll = (caller: Client): boolean => {
    const start = performance.now();
    if (start < next) return t.stopping();
    const frozen = t.clock.eventNow;
    try {
      if (t.acceptor !== undefined) {
        if (!accepting) t.acceptor.start();
        accepting = true;
        t.acceptor.take();
      }
      for (const c of [...t.clients()]) {
        if (c === caller || c.closed || c.socket === null) continue;
        const readable = c.fd >= 0 && (c.socket as { encrypted?: boolean }).encrypted !== true;
        for (let reads = 0; readable && reads < READS_PER_CLIENT && !c.closed; reads++) {
          let n: number;
          try {
            n = readSync(c.fd, buf, 0, buf.length, null);
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') t.drop(c);
            break;
          }
          if (n === 0) {
            t.drop(c);
            break;
          }
          t.feed(c, buf.subarray(0, n));
          if (n < buf.length) break;
        }
        // Replies, and what others' commands produced for it (MONITOR lines), go out now.
        if (!c.closed && c.out.len > 0) t.write(c);
        if (t.stopping()) return true;
      }
    } finally {
      t.clock.eventNow = frozen;
    }
    const end = performance.now();
    next = end + Math.max(1, 4 * (end - start));
    return t.stopping();
  };
  const end = (): void => {
    next = 0;
    if (accepting) t.acceptor?.stop();
    accepting = false;
  };
  return { poll, end };
}
