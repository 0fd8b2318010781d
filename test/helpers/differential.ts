// The differential harness: the same command sequence goes to cinnabar (the subject) and to the real
// redis-server (the oracle) over raw RESP connections, and every reply is compared byte for byte unless a step
// says how else to compare it (type only, sorted, integer within a tolerance, normalized, or not at all).
// Mismatches carry the command, both replies escaped, recent history and the seed that produced the sequence.
//
// Environment: DIFF_SUBJECT=redis runs the oracle against a second redis-server (checks the harness itself);
// DIFF_REPORT=<file> appends every mismatch found to that file as well.
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from './servers.js';
import {
  RespConnection,
  decodeReply,
  escapeBytes,
  formatArgv,
  argBytes,
  encodeCommand,
  type Arg,
  type RespValue,
} from './resp.js';

/** How a step's two replies are compared. */
export type Compare =
  | 'exact'
  /** Same reply type byte only (nondeterministic content, e.g. RANDOMKEY, CLIENT ID). */
  | 'type'
  /** Aggregate replies compared as multisets of their elements' encodings (e.g. KEYS). */
  | 'sorted'
  /** Sent to both, reply not compared (it is still read, so the stream stays in step). */
  | 'skip'
  /** Integer replies within ± tolerance (TTL, PTTL, OBJECT IDLETIME); other replies exactly. */
  | { approx: number }
  /** Both replies mapped to a comparable string; equal strings pass. */
  | { normalize: (v: RespValue) => string; label?: string };

export interface Step {
  argv?: Arg[];
  /** Raw request bytes instead of an argv (inline commands, odd framing). */
  raw?: Buffer | string;
  cmp?: Compare;
  /** Wait this long before the step (for expiries); a step with only `sleep` sends nothing. */
  sleep?: number;
  /** A request that gets no reply (e.g. an empty inline line): send, and read nothing. */
  noReply?: boolean;
  /** Replies to read for this step (a raw step may pipeline several commands); compared as one. */
  replies?: number;
  /** Write the request in pieces of this many bytes, yielding between them (exercises partial parsing). */
  chunkSize?: number;
  /**
   * A full SCAN-family iteration: argv is the command with the cursor at `cursorIndex` (default 1), repeated on
   * each server until its cursor returns to 0; the sets of returned elements are compared.
   */
  scanAll?: { cursorIndex?: number };
}

export type CaseInput = Arg[] | Step;

export interface Mismatch {
  step: number;
  command: string;
  subject: string;
  oracle: string;
  note?: string;
  history: string[];
  seed?: string | number;
  protocol: 2 | 3;
  label: string;
  /** Name of the subject in reports ("cinnabar", or "redis#2" when a second redis stands in). */
  subjectName?: string;
}

export interface DiffPair {
  subject: RunningServer;
  oracle: RunningServer;
}

export function subjectName(): string {
  return process.env.DIFF_SUBJECT === 'redis' ? 'redis#2' : 'cinnabar';
}

/** The subject's name in reports for a running pair. */
export function nameOf(pair: DiffPair): string {
  return pair.subject.kind === 'redis' ? 'redis#2' : 'cinnabar';
}

export interface PairOptions {
  /** Extra arguments for the subject server. */
  subjectArgs?: string[];
  /** Extra arguments for the oracle redis-server. */
  oracleArgs?: string[];
  /** Force the subject (default: cinnabar, or redis when DIFF_SUBJECT=redis). */
  subject?: 'cinnabar' | 'redis';
}

/** Starts the subject and the oracle side by side. */
export async function startPair(opts: PairOptions = {}): Promise<DiffPair> {
  const subjectKind = opts.subject ?? (process.env.DIFF_SUBJECT === 'redis' ? 'redis' : 'cinnabar');
  const [subject, oracle] = await Promise.all([
    subjectKind === 'redis' ? startRedis(opts.oracleArgs ?? []) : startCinnabar(opts.subjectArgs ?? []),
    startRedis(opts.oracleArgs ?? []),
  ]);
  return { subject, oracle };
}

/** Registers beforeAll/afterAll for a pair shared by a test file; the getter is valid inside tests. */
export function useDiffPair(opts: PairOptions = {}): () => DiffPair {
  let pair: DiffPair | undefined;
  beforeAll(async () => {
    pair = await startPair(opts);
  });
  afterAll(async () => {
    await Promise.all([pair?.subject.stop(), pair?.oracle.stop()]);
  });
  return () => {
    if (!pair) throw new Error('differential pair not started');
    return pair;
  };
}

export interface SessionOptions {
  protocol?: 2 | 3;
  seed?: string | number;
  label?: string;
  /** Per-reply timeout in ms. */
  timeoutMs?: number;
  /** Recent commands kept for mismatch reports. */
  historySize?: number;
}

/**
 * Fields of the HELLO map that legitimately differ: the connection id, and the version (cinnabar answers as
 * Redis 7.2 while the oracle installed here is 7.0).
 */
export const HELLO_VARIABLE_FIELDS = ['id', 'version'];

/** Normalizes a map/array-of-pairs reply, replacing the values of the named fields with a placeholder. */
export function maskFields(fields: string[]): (v: RespValue) => string {
  return (v) => {
    if (!v.items) return v.raw.toString('latin1');
    const items = v.items.map((it, i) =>
      i % 2 === 1 && fields.includes(v.items![i - 1].data?.toString('latin1') ?? '') ? '<masked>' : it.raw.toString('latin1'),
    );
    return `${v.type}${v.items.length}|${items.join('|')}`;
  };
}

const HELLO_NORMALIZE: Compare = { normalize: maskFields(HELLO_VARIABLE_FIELDS), label: 'hello' };

/** One pair of connections (subject, oracle) fed the same steps. */
export class DiffSession {
  readonly protocol: 2 | 3;
  readonly label: string;
  readonly seed: string | number | undefined;
  readonly mismatches: Mismatch[] = [];
  /** Replies compared so far (skipped steps not counted). */
  compared = 0;
  private subject!: RespConnection;
  private oracle!: RespConnection;
  private history: string[] = [];
  private step = 0;
  private readonly timeoutMs: number;
  private readonly historySize: number;

  constructor(
    readonly pair: DiffPair,
    opts: SessionOptions = {},
  ) {
    this.protocol = opts.protocol ?? 2;
    this.label = opts.label ?? '';
    this.seed = opts.seed;
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.historySize = opts.historySize ?? 8;
  }

  async open(): Promise<void> {
    [this.subject, this.oracle] = await Promise.all([
      RespConnection.open(this.pair.subject.port, { readTimeoutMs: this.timeoutMs }),
      RespConnection.open(this.pair.oracle.port, { readTimeoutMs: this.timeoutMs }),
    ]);
    if (this.protocol === 3) await this.run({ argv: ['HELLO', '3'], cmp: HELLO_NORMALIZE });
  }

  close(): void {
    this.subject?.close();
    this.oracle?.close();
  }

  /** Runs one step; returns the mismatch if the replies differ. */
  async run(input: CaseInput): Promise<Mismatch | undefined> {
    const step: Step = Array.isArray(input) ? { argv: input } : input;
    if (step.sleep) await new Promise((r) => setTimeout(r, step.sleep));
    if (!step.argv && step.raw === undefined) return undefined;
    if (step.scanAll && step.argv) return this.runScan(step.argv, step.scanAll.cursorIndex ?? 1);
    const closedNote = await this.checkClosed();
    const n = this.step++;
    const command = step.argv ? formatArgv(step.argv) : `raw ${escapeBytes(argBytes(step.raw!), 200)}`;
    this.history.push(command);
    if (this.history.length > this.historySize) this.history.shift();
    const bytes = step.argv ? encodeCommand(step.argv) : argBytes(step.raw!);
    const chunk = step.chunkSize ?? bytes.length;
    for (let off = 0; off < bytes.length; off += chunk) {
      for (const c of [this.subject, this.oracle]) {
        try {
          c.write(bytes.subarray(off, off + chunk));
        } catch {
          /* the read below reports the closed connection */
        }
      }
      if (off + chunk < bytes.length) await new Promise((r) => setTimeout(r, 1));
    }
    if (step.noReply) return undefined;
    const count = step.replies ?? 1;
    const [s, o] = await Promise.all([readOutcome(this.subject, count), readOutcome(this.oracle, count)]);
    const cmp = step.cmp ?? 'exact';
    if (cmp === 'skip' && s.reply && o.reply) return undefined;
    this.compared++;
    let note: string | undefined;
    let equal: boolean;
    if (!s.reply || !o.reply) {
      equal = !s.reply && !o.reply && s.error === o.error;
      note = 'a reply did not arrive';
    } else {
      [equal, note] = compareReplies(s.reply, o.reply, cmp);
    }
    if (!s.reply || !o.reply) await this.reconnectBroken();
    if (closedNote) {
      equal = false;
      note = closedNote;
    }
    if (equal) return undefined;
    const m: Mismatch = {
      step: n,
      command,
      subject: s.reply ? escapeBytes(s.reply) : `<${s.error}>`,
      oracle: o.reply ? escapeBytes(o.reply) : `<${o.error}>`,
      note,
      history: this.history.slice(0, -1),
      seed: this.seed,
      protocol: this.protocol,
      label: this.label,
      subjectName: nameOf(this.pair),
    };
    this.mismatches.push(m);
    recordMismatch(m);
    return m;
  }

  private async runScan(argv: Arg[], cursorIndex: number): Promise<Mismatch | undefined> {
    const n = this.step++;
    const command = `scan-all ${formatArgv(argv)}`;
    this.history.push(command);
    const iterate = async (c: RespConnection): Promise<string> => {
      const seen = new Set<string>();
      let cursor = '0';
      for (let i = 0; i < 10000; i++) {
        const a = argv.slice();
        a[cursorIndex] = cursor;
        let v: RespValue;
        try {
          v = decodeReply(await c.call(a));
        } catch (e) {
          return `<${(e as Error).message}>`;
        }
        if (v.type !== '*' || v.items?.length !== 2) return escapeBytes(v.raw);
        for (const e of v.items[1].items ?? []) seen.add(escapeBytes(e.raw));
        cursor = v.items[0].data!.toString('latin1');
        if (cursor === '0') return [...seen].sort().join(' ');
      }
      return '<cursor never returned to 0>';
    };
    const [s, o] = await Promise.all([iterate(this.subject), iterate(this.oracle)]);
    this.compared++;
    if (s === o) return undefined;
    const m: Mismatch = {
      step: n,
      command,
      subject: s,
      oracle: o,
      note: 'elements of a full iteration, sorted',
      history: this.history.slice(0, -1),
      seed: this.seed,
      protocol: this.protocol,
      label: this.label,
      subjectName: nameOf(this.pair),
    };
    this.mismatches.push(m);
    recordMismatch(m);
    return m;
  }

  async runAll(cases: readonly CaseInput[]): Promise<Mismatch[]> {
    const before = this.mismatches.length;
    for (const c of cases) await this.run(c);
    return this.mismatches.slice(before);
  }

  /**
   * A server may close the connection after replying (protocol errors do). If only one did, that is a
   * difference in itself; either way both sides are reopened so the next step has live connections.
   */
  private async checkClosed(): Promise<string | undefined> {
    if (!this.subject.closed && !this.oracle.closed) {
      // Give a close that follows the last reply a moment to arrive.
      await new Promise((r) => setImmediate(r));
      if (!this.subject.closed && !this.oracle.closed) return undefined;
    }
    const note =
      this.subject.closed === this.oracle.closed
        ? undefined
        : `before this step only ${this.subject.closed ? nameOf(this.pair) : 'redis'} closed the connection`;
    await this.reconnectBroken();
    return note;
  }

  /** After a timeout or close, the stream is out of step: reopen what broke (state may now differ). */
  private async reconnectBroken(): Promise<void> {
    this.subject.close();
    this.oracle.close();
    try {
      await this.open();
    } catch (e) {
      throw new Error(`could not reconnect after a failed step: ${(e as Error).message}`);
    }
  }
}

async function readOutcome(c: RespConnection, count: number): Promise<{ reply?: Buffer; error?: string }> {
  try {
    const parts: Buffer[] = [];
    for (let i = 0; i < count; i++) parts.push(await c.read());
    return { reply: Buffer.concat(parts) };
  } catch (e) {
    return { error: (e as Error).message.startsWith('no complete reply') ? 'timeout' : (e as Error).message };
  }
}

/** Compares two raw replies under a mode; returns [equal, note]. */
export function compareReplies(s: Buffer, o: Buffer, cmp: Compare): [boolean, string | undefined] {
  if (cmp === 'exact' || cmp === 'skip') return [s.equals(o), undefined];
  let sv: RespValue, ov: RespValue;
  try {
    sv = decodeReply(s);
    ov = decodeReply(o);
  } catch (e) {
    return [false, `undecodable reply: ${(e as Error).message}`];
  }
  if (cmp === 'type') return [sv.type === ov.type, 'compared reply types only'];
  if (cmp === 'sorted') {
    if (!sv.items || !ov.items) return [s.equals(o), 'expected aggregate replies (sorted compare)'];
    const key = (v: RespValue) => `${v.type}${v.items!.length}|${v.items!.map((i) => i.raw.toString('latin1')).sort().join('|')}`;
    return [key(sv) === key(ov), 'compared as sorted'];
  }
  if ('approx' in cmp) {
    if (sv.type === ':' && ov.type === ':') {
      const a = Number(sv.data!.toString());
      const b = Number(ov.data!.toString());
      // Negative replies are sentinels (-1 no expiry, -2 no key): those must match exactly.
      const ok = a < 0 || b < 0 ? a === b : Math.abs(a - b) <= cmp.approx;
      return [ok, `integers compared within ±${cmp.approx}`];
    }
    return [s.equals(o), undefined];
  }
  return [cmp.normalize(sv) === cmp.normalize(ov), `compared normalized${cmp.label ? ` (${cmp.label})` : ''}`];
}

/** Appends a mismatch to DIFF_REPORT, when set. */
export function recordMismatch(m: Mismatch): void {
  const file = process.env.DIFF_REPORT;
  if (file) appendFileSync(file, `${formatMismatch(m)}\n\n`);
}

export function formatMismatch(m: Mismatch): string {
  const lines = [
    `mismatch${m.label ? ` in ${m.label}` : ''} (RESP${m.protocol}, step ${m.step}${m.seed !== undefined ? `, seed ${m.seed}` : ''})`,
    `  command:  ${m.command}`,
    `  redis:    ${m.oracle}`,
    `  ${`${m.subjectName ?? subjectName()}:`.padEnd(10)}${m.subject}`,
  ];
  if (m.note) lines.push(`  note:     ${m.note}`);
  if (m.history.length) lines.push(`  after:    ${m.history.join('\n            ')}`);
  return lines.join('\n');
}

/** Formats a list of mismatches (capped) for an assertion message. */
export function formatMismatches(ms: readonly Mismatch[], max = 25): string {
  const shown = ms.slice(0, max).map(formatMismatch).join('\n\n');
  return ms.length > max ? `${shown}\n\n... and ${ms.length - max} more` : shown;
}

/** Runs cases in a fresh session (FLUSHALL, db 0) and returns the mismatches. */
export async function runCases(
  pair: DiffPair,
  cases: readonly CaseInput[],
  opts: SessionOptions = {},
): Promise<{ mismatches: Mismatch[]; compared: number }> {
  const session = new DiffSession(pair, opts);
  await session.open();
  try {
    await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
    await session.runAll(cases);
    return { mismatches: session.mismatches, compared: session.compared };
  } finally {
    session.close();
  }
}

export interface CaseGroupOptions {
  /** Protocols to run the group under; default both. */
  protocols?: Array<2 | 3>;
  timeout?: number;
  /**
   * Commands the subject must know for the group to mean anything (e.g. RPUSH to make a list for WRONGTYPE
   * checks). When the subject answers one with "unknown command", the group is skipped, not failed.
   */
  requires?: string[];
}

/** Commands from `names` that the server answers with an unknown-command error. */
export async function missingCommands(port: number, names: readonly string[]): Promise<string[]> {
  const c = await RespConnection.open(port);
  try {
    const missing: string[] = [];
    for (const n of names) {
      // A bare command name: known commands fail the arity check (or run harmlessly), unknown ones say so.
      const reply = (await c.call([n])).toString('latin1');
      if (reply.startsWith('-ERR unknown command')) missing.push(n);
    }
    return missing;
  } finally {
    c.close();
  }
}

/** Declares one vitest test per protocol that runs the cases against both servers and fails on any mismatch. */
export function diffCases(
  name: string,
  pair: () => DiffPair,
  cases: readonly CaseInput[],
  opts: CaseGroupOptions = {},
): void {
  for (const protocol of opts.protocols ?? [2, 3]) {
    it(
      `${name} (RESP${protocol})`,
      async (ctx) => {
        if (opts.requires?.length) {
          const missing = await missingCommands(pair().subject.port, opts.requires);
          if (missing.length) ctx.skip(`${nameOf(pair())} does not implement ${missing.join(', ')} yet`);
        }
        const { mismatches } = await runCases(pair(), cases, { protocol, label: name });
        expect(mismatches.length, `\n${formatMismatches(mismatches)}\n`).toBe(0);
      },
      opts.timeout,
    );
  }
}

/** Shorthand for a step compared in a given mode. */
export const as = (cmp: Compare, argv: Arg[]): Step => ({ argv, cmp });
export const typeOnly = (...argv: Arg[]): Step => ({ argv, cmp: 'type' });
export const sorted = (...argv: Arg[]): Step => ({ argv, cmp: 'sorted' });
export const skip = (...argv: Arg[]): Step => ({ argv, cmp: 'skip' });
export const approx = (tolerance: number, ...argv: Arg[]): Step => ({ argv, cmp: { approx: tolerance } });
export const sleep = (ms: number): Step => ({ sleep: ms });
export const scanAll = (...argv: Arg[]): Step => ({ argv, scanAll: {} });
export const raw = (bytes: string | Buffer, cmp: Compare = 'exact'): Step => ({ raw: bytes, cmp });
