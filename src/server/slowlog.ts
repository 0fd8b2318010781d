// The slow log: commands whose execution took at least slowlog-log-slower-than microseconds, newest
// first, at most slowlog-max-len entries; arguments shortened as Redis stores them (32 arguments, 128
// bytes each). Counterpart: slowlog.c.
import { redactedArgv } from './monitor.js';

const MAX_ARGC = 32;
const MAX_STRING = 128;

export interface SlowlogEntry {
  id: number;
  /** Unix seconds when the command ran. */
  time: number;
  /** Microseconds it took. */
  duration: number;
  argv: string[];
  addr: string;
  name: string;
}

export class SlowLog {
  /** Newest first. */
  entries: SlowlogEntry[] = [];
  private nextId = 0;

  push(argv: readonly string[], duration: number, addr: string, name: string, maxLen: number): void {
    const shown = redactedArgv(argv);
    const argc = Math.min(shown.length, MAX_ARGC);
    const out: string[] = [];
    for (let i = 0; i < argc; i++) {
      if (argc !== shown.length && i === argc - 1) {
        out.push(`... (${shown.length - argc + 1} more arguments)`);
        break;
      }
      const a = shown[i];
      out.push(a.length > MAX_STRING ? `${a.slice(0, MAX_STRING)}... (${a.length - MAX_STRING} more bytes)` : a);
    }
    this.entries.unshift({ id: this.nextId++, time: Math.floor(Date.now() / 1000), duration: Math.floor(duration), argv: out, addr, name });
    if (this.entries.length > maxLen) this.entries.length = maxLen;
  }

  trim(maxLen: number): void {
    if (this.entries.length > maxLen) this.entries.length = maxLen;
  }

  reset(): void {
    this.entries = [];
  }
}
