// CLIENT PAUSE / UNPAUSE: while a pause lasts, clients' commands wait (they are not refused) - every
// command, or in WRITE mode those that may change the dataset or propagate (write and may-replicate
// commands, and EXEC of a transaction holding one). Keys do not expire while paused. Waiting clients
// resume in the order they were held when the pause ends or is lifted.
// Counterpart: pauseActions / blockPostponeClient / unblockPostponedClients (networking.c, blocked.c)
// and the pause check in processCommand (server.c).
import { NoReply, type Reply } from '../protocol/reply.js';
import type { PauseApi } from '../spec/context.js';
import type { Command } from '../spec/types.js';
import type { Client } from './client.js';
import type { Engine } from './engine.js';

/**
 * Commands with Redis's MAY_REPLICATE flag: not writes, but they may propagate something. COMMAND INFO
 * does not report this flag, so the generated command table cannot carry it.
 */
const MAY_REPLICATE = new Set(['publish', 'spublish', 'eval', 'evalsha', 'fcall', 'pfcount', 'script|load', 'script|flush']);

function mayReplicate(cmd: Command): boolean {
  return cmd.isWrite || MAY_REPLICATE.has(cmd.fullName);
}

export class ClientPause implements PauseApi {
  /** Unix ms when the pause ends. */
  private end = 0;
  /** ALL (every command) rather than WRITE. */
  private all = false;
  private timer: NodeJS.Timeout | null = null;
  /** Held clients, oldest first; each keeps its command in `postponed`. */
  private readonly waiting: Client[] = [];

  /** `resume` runs a held client's command and then the rest of its input. */
  constructor(
    private readonly engine: Engine,
    private readonly resume: (c: Client, argv: string[]) => void,
  ) {}

  /** Is a pause in effect (eviction is suspended too while it is)? */
  get active(): boolean {
    return this.engine.clientPause !== null;
  }

  /** The pause mode in effect, or null. */
  get mode(): 'write' | 'all' | null {
    return this.active ? (this.all ? 'all' : 'write') : null;
  }

  pause(endMs: number, all: boolean): void {
    if (this.active) {
      // A WRITE pause does not relax a pause of everything, and a pause never ends earlier than set.
      if (this.all) all = true;
      if (this.end > endMs) endMs = this.end;
    }
    this.end = endMs;
    this.all = all;
    this.engine.clientPause = this;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.unpause(), Math.max(0, endMs - Date.now()));
  }

  unpause(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.active) return;
    this.engine.clientPause = null;
    const held = this.waiting.splice(0);
    for (const c of held) {
      const argv = c.postponed;
      c.postponed = null;
      c.blocked = false;
      // A resumed command may start another pause: the clients after it are held again.
      if (argv !== null) this.resume(c, argv);
    }
  }

  /** processCommand's check: must this client's command wait? */
  mustWait(c: Client, cmd: Command): boolean {
    // Replayed commands (the AOF loader, a primary's stream) are never paused.
    if (c.mustObey) return false;
    // Past its end the pause no longer holds new commands; the timer releases those already held.
    if (Date.now() >= this.end) return false;
    if (this.all) return true;
    if (mayReplicate(cmd)) return true;
    if (cmd.name === 'exec' && c.multiQueue !== null) {
      for (const [queued] of c.multiQueue) if (mayReplicate(queued)) return true;
    }
    return false;
  }

  /** Holds the client: CLIENT LIST shows it blocked; its input is not read until it resumes. */
  postpone(c: Client, cmd: Command, argv: string[]): Reply {
    c.postponed = argv;
    c.blocked = true;
    c.lastCmd = cmd.fullName;
    this.waiting.push(c);
    return NoReply.instance;
  }

  /** A held client disconnected. */
  forget(c: Client): void {
    const i = this.waiting.indexOf(c);
    if (i >= 0) this.waiting.splice(i, 1);
    c.postponed = null;
    c.blocked = false;
  }
}
