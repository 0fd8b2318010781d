// Accepting connections while a script holds the event loop (Redis accepts them in
// processEventsWhileBlocked; redis-cli opens a new connection for each SCRIPT KILL).
//
// The main thread cannot accept while it runs a script, so a helper thread listens on the same listening
// sockets (their file descriptors are shared by the process) and accepts instead. It is started at the
// first script that times out and otherwise sleeps in Atomics.wait, so it never competes with the main
// thread's own accepts. An accepted connection is handed over as its file descriptor through a ring in
// shared memory; the main thread wraps it in a Socket of its own and serves it as any client. The
// helper's wrapper of the connection never reads, writes or closes it (it is only kept referenced).
// TLS listeners are not shared: their connections wait for the script to end.
import { closeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** state[0]: 0 parked, 1 accepting, 2 asked to park. state[1]/[2]: ring write/read counts. */
const FLAG = 0;
const WRITTEN = 1;
const READ = 2;
const RING_AT = 4;
const RING = 256;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const net = require('node:net');
const state = new Int32Array(workerData.shared);
const kept = [];
for (const l of workerData.listeners) {
  const srv = net.createServer({ pauseOnConnect: true }, (sock) => {
    const fd = sock._handle && sock._handle.fd;
    const w = Atomics.load(state, ${WRITTEN});
    if (typeof fd !== 'number' || fd < 0 || w - Atomics.load(state, ${READ}) >= ${RING}) {
      sock.destroy();
      return;
    }
    kept.push(sock);
    const slot = ${RING_AT} + (w % ${RING}) * 2;
    Atomics.store(state, slot, fd);
    Atomics.store(state, slot + 1, l.isUnix ? 1 : 0);
    Atomics.store(state, ${WRITTEN}, w + 1);
  });
  srv.on('error', () => {});
  srv.listen({ fd: l.fd });
}
function check() {
  const f = Atomics.load(state, ${FLAG});
  if (f === 1 || (f === 2 && Atomics.compareExchange(state, ${FLAG}, 2, 0) !== 2)) return void setTimeout(check, 1);
  Atomics.wait(state, ${FLAG}, 0);
  setTimeout(check, 1);
}
check();
`;

export interface ListenerFd {
  fd: number;
  isUnix: boolean;
}

export class BusyAcceptor {
  private readonly state = new Int32Array(new SharedArrayBuffer((RING_AT + RING * 2) * 4));
  private worker: Worker | null = null;
  private draining = false;

  constructor(
    private readonly listeners: () => ListenerFd[],
    private readonly adopt: (fd: number, isUnix: boolean) => void,
  ) {}

  /** A script timed out: accept from now on (the helper starts on first use). */
  start(): void {
    const s = this.state;
    Atomics.store(s, FLAG, 1);
    if (this.worker === null) {
      // Started from the count hook, while the event loop is held: the helper runs on its own.
      const listeners = this.listeners();
      if (listeners.length === 0) return;
      this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared: s.buffer, listeners } });
      this.worker.on('error', () => {
        this.worker = null;
      });
      this.worker.unref();
    } else Atomics.notify(s, FLAG);
  }

  /** Connections accepted so far are served as clients. */
  take(): void {
    const s = this.state;
    const written = Atomics.load(s, WRITTEN);
    for (let r = Atomics.load(s, READ); r < written; r++) {
      const slot = RING_AT + (r % RING) * 2;
      const fd = Atomics.load(s, slot);
      const isUnix = Atomics.load(s, slot + 1) === 1;
      Atomics.store(s, READ, r + 1);
      try {
        this.adopt(fd, isUnix);
      } catch {
        // The connection could not be wrapped (already gone): release its descriptor.
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
    }
  }

  /** The script ended: the helper parks; what it accepted meanwhile is taken once it has. */
  stop(): void {
    if (this.worker === null) return;
    Atomics.compareExchange(this.state, FLAG, 1, 2);
    if (this.draining) return;
    this.draining = true;
    let tries = 0;
    const drain = (): void => {
      this.take();
      if (Atomics.load(this.state, FLAG) === 2 && ++tries < 1000) {
        setTimeout(drain, 1);
        return;
      }
      this.take();
      this.draining = false;
    };
    setImmediate(drain);
  }
}
