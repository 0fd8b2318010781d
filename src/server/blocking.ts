// Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN, XREAD BLOCK, ...): per-key FIFO queues, the list of
// keys made ready by writes, serving waiters after each command, timeouts and CLIENT UNBLOCK.
// Counterpart: Redis's blocked.c (blockForKeys, signalKeyAsReady, handleClientsBlockedOnKeys).
import type { BlockRequest } from '../spec/types.js';
import type { Reply } from '../protocol/reply.js';
import type { Client } from './client.js';

export interface BlockedState {
  req: BlockRequest;
  dbIndex: number;
  timer: NodeJS.Timeout | null;
  /** The command that blocked, for stats and propagation when it is served. */
  commandName: string;
}

export interface BlockingHost {
  /** Runs a waiter's retry as that client (stats, propagation); undefined = keep waiting. */
  retry(c: Client, state: BlockedState): Reply | undefined;
  /** Writes the final reply of a served, timed-out or unblocked client and resumes its input. */
  finish(c: Client, reply: Reply): void;
}

export class BlockingManager {
  /** dbIndex -> key -> waiting clients, oldest first. */
  private readonly waiting = new Map<number, Map<string, Client[]>>();
  private readonly blocked = new Map<Client, BlockedState>();
  private ready: Array<[number, string]> = [];
  private readonly readySet = new Set<string>();
  private serving = false;

  constructor(private readonly host: BlockingHost) {}

  get count(): number {
    return this.blocked.size;
  }

  get hasReady(): boolean {
    return this.ready.length > 0;
  }

  stateOf(c: Client): BlockedState | undefined {
    return this.blocked.get(c);
  }

  block(c: Client, req: BlockRequest, dbIndex: number, commandName: string): void {
    const state: BlockedState = { req, dbIndex, timer: null, commandName };
    this.blocked.set(c, state);
    c.blocked = true;
    let byKey = this.waiting.get(dbIndex);
    if (!byKey) this.waiting.set(dbIndex, (byKey = new Map()));
    for (const key of new Set(req.keys)) {
      const q = byKey.get(key);
      if (q) q.push(c);
      else byKey.set(key, [c]);
    }
    if (req.timeoutAt > 0) {
      const delay = Math.max(0, req.timeoutAt - Date.now());
      state.timer = setTimeout(() => this.unblock(c, req.onTimeout), delay);
    }
  }

  /** A key changed: if anyone waits on it, it is served after the current command. */
  signal(dbIndex: number, key: string): void {
    const byKey = this.waiting.get(dbIndex);
    if (!byKey || !byKey.has(key)) return;
    const id = `${dbIndex}\0${key}`;
    if (this.readySet.has(id)) return;
    this.readySet.add(id);
    this.ready.push([dbIndex, key]);
  }

  /** FLUSHDB/FLUSHALL: every key of the database that has waiters is signalled (their keys are gone). */
  signalDb(dbIndex: number): void {
    const byKey = this.waiting.get(dbIndex);
    if (byKey) for (const key of byKey.keys()) this.signal(dbIndex, key);
  }

  /** Serves waiters of every ready key, oldest first, until no key is ready (serving may ready more). */
  handleReady(): void {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.ready.length > 0) {
        const batch = this.ready;
        this.ready = [];
        this.readySet.clear();
        for (const [dbIndex, key] of batch) {
          const q = this.waiting.get(dbIndex)?.get(key);
          if (!q) continue;
          for (const c of [...q]) {
            const state = this.blocked.get(c);
            if (!state) continue;
            const reply = this.host.retry(c, state);
            if (reply === undefined) continue;
            this.release(c, state);
            this.host.finish(c, reply);
          }
        }
      }
    } finally {
      this.serving = false;
    }
  }

  /** Ends a client's wait with the given reply (timeout, CLIENT UNBLOCK); false if it was not blocked. */
  unblock(c: Client, reply: Reply): boolean {
    const state = this.blocked.get(c);
    if (!state) return false;
    this.release(c, state);
    this.host.finish(c, reply);
    return true;
  }

  /** Forgets a client that disconnected while blocked. */
  remove(c: Client): void {
    const state = this.blocked.get(c);
    if (state) this.release(c, state);
  }

  private release(c: Client, state: BlockedState): void {
    this.blocked.delete(c);
    c.blocked = false;
    if (state.timer) clearTimeout(state.timer);
    const byKey = this.waiting.get(state.dbIndex);
    if (!byKey) return;
    for (const key of new Set(state.req.keys)) {
      const q = byKey.get(key);
      if (!q) continue;
      const i = q.indexOf(c);
      if (i >= 0) q.splice(i, 1);
      if (q.length === 0) byKey.delete(key);
    }
  }
}
