// Protocol fuzzing: malformed requests (bad multibulk and bulk lengths, missing '$', unbalanced inline quotes,
// oversized inline requests and length lines, random bytes) go to cinnabar and to the real redis-server on
// fresh connections. The bytes each sends back, whether it closes the connection, and how it answers a PING
// on the same connection afterwards must match; and each server must still answer PING on a new connection.
import { describe, expect, it } from 'vitest';
import { formatMismatches, nameOf, recordMismatch, useDiffPair, type DiffPair, type Mismatch } from '../helpers/differential.js';
import { RespConnection, escapeBytes, argBytes } from '../helpers/resp.js';
import { Rng, seedFromEnv } from '../helpers/random-commands.js';

const PING = '*1\r\n$4\r\nPING\r\n';
// Long enough for a loaded machine: a reply that comes later than this reads as silence.
const QUIET_MS = 400;

interface Outcome {
  first: string;
  firstClosed: boolean;
  afterPing: string;
  afterPingClosed: boolean;
}

/** Sends the input on a new connection, collects what comes back, then tries a PING on the same connection. */
async function probe(port: number, input: Buffer): Promise<Outcome> {
  const c = await RespConnection.open(port);
  try {
    c.write(input);
    const a = await c.drain(QUIET_MS, 3000);
    if (a.closed) return { first: escapeBytes(a.data, 400), firstClosed: true, afterPing: '', afterPingClosed: true };
    try {
      c.write(PING);
    } catch {
      /* closed in between: reported by drain */
    }
    const b = await c.drain(QUIET_MS, 3000);
    return { first: escapeBytes(a.data, 400), firstClosed: false, afterPing: escapeBytes(b.data, 400), afterPingClosed: b.closed };
  } finally {
    c.close();
  }
}

const show = (o: Outcome) =>
  `${o.first}${o.firstClosed ? ' <closed>' : ` then PING -> ${o.afterPing}${o.afterPingClosed ? ' <closed>' : ''}`}`;

async function compareInput(p: DiffPair, label: string, input: Buffer, seed?: number): Promise<Mismatch | undefined> {
  const [s, o] = await Promise.all([probe(p.subject.port, input), probe(p.oracle.port, input)]);
  if (JSON.stringify(s) === JSON.stringify(o)) return undefined;
  return {
    step: 0,
    command: `${label}: raw ${escapeBytes(input, 300)}`,
    subject: show(s),
    oracle: show(o),
    history: [],
    seed,
    protocol: 2,
    label: 'protocol fuzz',
    subjectName: nameOf(p),
  };
}

/** Both servers still answer PING on a brand-new connection; otherwise names the inputs that killed one. */
async function assertAlive(p: DiffPair, batch: Array<[string, Buffer]>): Promise<void> {
  for (const server of [p.subject, p.oracle]) {
    const name = server === p.oracle ? 'redis' : nameOf(p);
    let reply = '';
    try {
      const c = await RespConnection.open(server.port, { timeoutMs: 3000 });
      try {
        reply = (await c.call(['PING'], 3000)).toString('latin1');
      } finally {
        c.close();
      }
    } catch (e) {
      reply = `<${(e as Error).message}>`;
    }
    if (reply !== '+PONG\r\n') {
      const inputs = batch.map(([label, input]) => `  ${label}: ${escapeBytes(input, 120)}`).join('\n');
      throw new Error(
        `${name} no longer answers PING on a new connection (${escapeBytes(reply)}) after one of these inputs:\n` +
          `${inputs}\n--- last server output ---\n${server.output().slice(-1500)}`,
      );
    }
  }
}

async function runInputs(p: DiffPair, all: Array<[string, Buffer]>, concurrency: number, seed?: number) {
  // DIFF_FUZZ_NO_NUL=1 leaves out inputs containing a NUL byte (to look past a known NUL-handling failure).
  const inputs = process.env.DIFF_FUZZ_NO_NUL === '1' ? all.filter(([, b]) => !b.includes(0)) : all;
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < inputs.length; i += concurrency) {
    const batch = inputs.slice(i, i + concurrency);
    const results = await Promise.all(batch.map(([label, input]) => compareInput(p, label, input, seed)));
    await assertAlive(p, batch);
    for (const m of results) {
      if (!m) continue;
      mismatches.push(m);
      recordMismatch(m);
    }
  }
  return mismatches;
}

const b = (s: string) => argBytes(s);
const big = (n: number, ch = 'a') => ch.repeat(n);

const CASES: Array<[string, Buffer]> = [
  ['bad multibulk length', b('*abc\r\n')],
  ['negative multibulk length', b('*-5\r\n')],
  ['multibulk length -1', b('*-1\r\n')],
  ['multibulk length zero', b('*0\r\n')],
  ['multibulk length with plus', b('*+1\r\n$4\r\nPING\r\n')],
  ['multibulk length with space', b('* 1\r\n$4\r\nPING\r\n')],
  ['multibulk length leading zero', b('*01\r\n$4\r\nPING\r\n')],
  ['multibulk length 1024^3', b('*1073741824\r\n')],
  ['multibulk length 1024^3+1', b('*1073741825\r\n')],
  ['multibulk length 2^31', b('*2147483648\r\n')],
  ['multibulk length 2^63', b('*9223372036854775808\r\n')],
  ['multibulk length empty', b('*\r\n')],
  ['bulk length -1 in request', b('*1\r\n$-1\r\n')],
  ['bulk length abc', b('*1\r\n$abc\r\n')],
  ['bulk length empty', b('*1\r\n$\r\n')],
  ['bulk length leading zero', b('*1\r\n$04\r\nPING\r\n')],
  ['bulk length with space', b('*1\r\n$4 \r\nPING\r\n')],
  ['bulk length over proto-max-bulk-len', b('*1\r\n$536870913\r\n')],
  ['bulk length 2^31', b('*1\r\n$2147483648\r\n')],
  ['bulk length 2^63', b('*1\r\n$9223372036854775808\r\n')],
  ['bulk length 1MB, body missing', b('*1\r\n$1000000\r\n')],
  ['missing $', b('*1\r\nfoo\r\n')],
  ['missing $ before second arg', b('*2\r\n$4\r\nECHO\r\nfoo\r\n')],
  ['nested multibulk', b('*1\r\n*1\r\n$4\r\nPING\r\n')],
  ['colon instead of $', b('*1\r\n:4\r\nPING\r\n')],
  ['bulk longer than declared', b('*1\r\n$3\r\nfoobar\r\n')],
  ['bulk without trailing CRLF', b('*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n')],
  ['LF-only multibulk', b('*1\n$4\nPING\n')],
  ['incomplete multibulk', b('*3\r\n$3\r\nSET\r\n$1\r\na\r\n')],
  ['incomplete bulk', b('*2\r\n$4\r\nECHO\r\n$5\r\nab')],
  ['empty bulk as command', b('*1\r\n$0\r\n\r\n')],
  ['bulk request start', b('$4\r\nPING\r\n')],
  ['simple string request', b('+PING\r\n')],
  ['integer request', b(':1\r\n')],
  ['unbalanced double quote', b('ECHO "foo\r\n')],
  ['unbalanced single quote', b("ECHO 'foo\r\n")],
  ['lone quote', b('"\r\n')],
  ['quote followed by text', b('ECHO "foo"bar\r\n')],
  ['single quote followed by text', b("ECHO 'foo'bar\r\n")],
  ['bad hex escape', b('ECHO "\\xzz"\r\n')],
  ['trailing backslash in quotes', b('ECHO "abc\\"\r\n')],
  ['inline only spaces', b('    \r\n')],
  ['inline only CRLF', b('\r\n\r\n\r\n')],
  ['inline binary', b('\x00\x01\x02 \xff\xfe\r\n')],
  ['inline NUL in command', b('PI\x00NG\r\n')],
  ['inline lone CR', b('PING\rECHO x\r\n')],
  ['inline tab separated', b('ECHO\tx\r\n')],
  ['too big inline request', b(big(70_000))],
  ['inline 70KB with newline', b(`ECHO ${big(70_000)}\r\n`)],
  ['inline just under 64KB', b(`ECHO ${big(60_000)}\r\n`)],
  ['too big multibulk count line', b(`*${big(70_000, '1')}`)],
  ['too big bulk count line', b(`*1\r\n$${big(70_000, '1')}`)],
  ['huge argument count then garbage', b('*1048576\r\n$1\r\nx\r\n')],
  ['valid then garbage', b('*1\r\n$4\r\nPING\r\n*x\r\n')],
  ['garbage after inline', b('PING\r\n*1\r\nfoo\r\n')],
  ['many empty multibulks', b('*0\r\n'.repeat(100) + PING)],
  ['interleaved inline and multibulk', b('PING\r\n*1\r\n$4\r\nPING\r\nECHO hi\r\n')],
];

// Each test gets its own pair of servers, so a crash found by one does not fail the other.
describe('protocol fuzz: malformed requests', () => {
  const pair = useDiffPair();
  it('malformed requests', async () => {
    const mismatches = await runInputs(pair(), CASES, 8);
    console.log(`differential: compared ${CASES.length} malformed requests`);
    expect(mismatches.length, `\n${formatMismatches(mismatches, 60)}\n`).toBe(0);
  }, 60_000);
});

describe('protocol fuzz: random garbage', () => {
  const pair = useDiffPair();
  it('seeded random garbage', async () => {
    const seed = seedFromEnv();
    const rng = new Rng(seed ^ 0x2545f491);
    const count = Number(process.env.DIFF_FUZZ_COUNT ?? 120);
    const inputs: Array<[string, Buffer]> = [];
    for (let i = 0; i < count; i++) inputs.push([`garbage #${i}`, randomGarbage(rng)]);
    const mismatches = await runInputs(pair(), inputs, 12, seed);
    console.log(`differential: compared ${inputs.length} random protocol inputs (seed ${seed})`);
    expect(mismatches.length, `\nreplay with DIFF_SEED=${seed}\n${formatMismatches(mismatches, 30)}\n`).toBe(0);
  }, 60_000);
});

const TOKENS = [
  '*', '$', '\r\n', '\r\n', '\r\n', '\n', '\r', ' ', ' ', '"', "'", '\\', '\\x41', '-1', '0', '1', '2', '3', '4',
  '10', '-', '+', ':', 'PING', 'ping', 'ECHO', 'GET', 'SET', 'EXISTS', 'k', 'v', 'foo', '\x00', '\xff', '{', '}',
];

/** Garbage built from protocol-ish tokens and random bytes; commands limited to harmless ones. */
function randomGarbage(r: Rng): Buffer {
  const parts: Buffer[] = [];
  if (r.chance(0.4)) parts.push(b(`*${r.pick(['1', '2', '3', '-1', '0', 'x', ''])}\r\n`));
  const n = 1 + r.int(24);
  for (let i = 0; i < n; i++) {
    if (r.chance(0.2)) {
      const len = 1 + r.int(4);
      parts.push(Buffer.from(Array.from({ length: len }, () => r.int(256))));
    } else if (r.chance(0.15)) {
      const arg = r.pick(['PING', 'ECHO', 'x', 'howdy', '']); // not "hello": inline HELLO replies differ by id
      const declared = r.chance(0.8) ? arg.length : arg.length + r.int(5) - 2;
      parts.push(b(`$${declared}\r\n${arg}\r\n`));
    } else parts.push(b(r.pick(TOKENS)));
  }
  return Buffer.concat(parts);
}
