// Streams the check tools write to (the real process by default, fakes in tests), an output sink that
// respects back-pressure (exports of multi-gigabyte files must not pile up in memory), and the progress
// indicator shown only when stderr is a terminal.
export interface ToolIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  version: string;
}

export async function processToolIo(): Promise<ToolIo> {
  const { readFileSync } = await import('node:fs');
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    // Not run from the package: keep the placeholder.
  }
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, version };
}

export class OutputSink {
  private pending: string[] = [];
  private size = 0;
  /** Called before text goes out (clears a progress line). */
  beforeWrite: (() => void) | null = null;

  /** True once the reader of the output went away (e.g. `| head` exited): writing more is pointless. */
  closed = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    // EPIPE and the like arrive as 'error' events; without a listener they would crash the process.
    stream.on('error', () => {
      this.closed = true;
    });
  }

  line(s: string): void {
    this.raw(`${s}\n`);
  }

  /** A line of Unicode text, written as UTF-8. */
  textLine(s: string): void {
    this.raw(`${Buffer.from(s, 'utf8').toString('latin1')}\n`);
  }

  /** Text whose characters are bytes (latin1), so binary keys and values pass through unchanged. */
  raw(s: string): void {
    this.pending.push(s);
    this.size += s.length;
    if (this.size >= 1 << 16) this.flush();
  }

  private flush(): boolean {
    if (this.closed) this.pending = [];
    if (this.pending.length === 0) return true;
    this.beforeWrite?.();
    const buf = Buffer.from(this.pending.join(''), 'latin1');
    this.pending = [];
    this.size = 0;
    return this.stream.write(buf);
  }

  /** Writes what is pending and waits until the stream has taken it. */
  async drain(): Promise<void> {
    if (this.flush()) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
}

export interface Progress {
  update(bytes: number): void;
  clear(): void;
  stop(): void;
}

/** A spinner with the percentage read, on stderr when it is a terminal; null otherwise. */
export function startProgress(io: ToolIo, label: string, total: number): Progress | null {
  if (!io.stderr.isTTY) return null;
  let spinner: { text: string; clear(): unknown; render(): unknown; stop(): unknown } | null = null;
  let last = 0;
  void import('ora').then(({ default: ora }) => {
    spinner = ora({ text: label, stream: io.stderr as NodeJS.WriteStream }).start();
  });
  return {
    update(bytes) {
      if (spinner === null) return;
      const pct = total > 0 ? Math.floor((bytes / total) * 100) : 100;
      if (pct === last) return;
      last = pct;
      spinner.text = `${label}: ${pct}%`;
    },
    clear() {
      spinner?.clear();
    },
    stop() {
      spinner?.stop();
      spinner = null;
    },
  };
}
