// Runs `cinnabar benchmark` (built, in dist/) and the real redis-benchmark with the same arguments, and
// reduces their output to comparable lines: the live progress redis-benchmark always writes (text up to
// a carriage return) is dropped, numbers are replaced by their shape.
import { execa, type ResultPromise } from 'execa';
import { BIN } from '../helpers/servers.js';
import { connect } from '../../src/client/client.js';
import type { ReplyNode } from '../../src/protocol/reply-decoder.js';

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const TIMEOUT = 60_000;

export async function ours(args: string[], input?: string): Promise<RunResult> {
  const r = await execa(process.execPath, [BIN, 'benchmark', ...args], { reject: false, timeout: TIMEOUT, input: input ?? '', stripFinalNewline: false });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? -1 };
}

/** Starts ours without waiting (for signal tests). */
export function spawnOurs(args: string[]): ResultPromise<{ reject: false; timeout: number; stripFinalNewline: false }> {
  return execa(process.execPath, [BIN, 'benchmark', ...args], { reject: false, timeout: TIMEOUT, stripFinalNewline: false });
}

export async function theirs(args: string[], input?: string): Promise<RunResult> {
  const r = await execa('redis-benchmark', args, { reject: false, timeout: TIMEOUT, input: input ?? '', stripFinalNewline: false });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? -1 };
}

/** Output lines without progress fragments: whatever precedes the last carriage return of a line goes. */
export function cleanLines(text: string): string[] {
  const lines = text.split('\n').map((l) => {
    const cr = l.lastIndexOf('\r');
    return cr >= 0 ? l.slice(cr + 1) : l;
  });
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** A line's shape: every number becomes N, so two runs with different measurements compare equal. */
export function shape(line: string): string {
  // Column padding depends on how wide the numbers are; the exact layout is unit-tested.
  return line.replace(/ {2,}(?=[-\d])/g, ' ').replace(/-?\d+(\.\d+)?/g, (m) => (m.includes('.') ? `N.${'d'.repeat(m.split('.')[1]!.length)}` : 'N'));
}

/**
 * The report's structure: shapes with runs of identical shapes collapsed (the number of distribution
 * lines depends on the measured latencies).
 */
export function structure(text: string): string[] {
  const out: string[] = [];
  for (const l of cleanLines(text).map(shape)) if (out.at(-1) !== l) out.push(l);
  return out;
}

export const QUIET_LINE = /^(.+): \d+\.\d{2} requests per second, p50=\d+\.\d{3} msec$/;

/** Titles of -q output. */
export function quietTitles(text: string): string[] {
  return cleanLines(text)
    .filter((l) => l !== '')
    .map((l) => {
      const m = QUIET_LINE.exec(l);
      if (!m) throw new Error(`not a -q line: ${JSON.stringify(l)}`);
      return m[1]!;
    });
}

export async function command(port: number, argv: string[]): Promise<ReplyNode> {
  const c = await connect({ port });
  try {
    return await c.call(argv);
  } finally {
    c.destroy();
  }
}
