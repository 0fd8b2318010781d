// The streams and environment the cli runs against: the real process by default, fakes in tests.
// Counterpart: none; redis-cli uses stdin/stdout/stderr and getenv directly.

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** Home directory for the history and preferences files. */
  home: string;
}

export async function processIo(): Promise<CliIo> {
  const { homedir } = await import('node:os');
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, home: homedir() };
}

/** Reads all of stdin as bytes (for -x). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
