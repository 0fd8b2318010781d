// -c: following -MOVED and -ASK redirections. Cluster mode does not exist in the server yet, so small
// fake nodes answer with redirections and a real redis-server plays the node that owns the slot.
// redis-cli and `cinnabar cli` run against the same fakes; their output must match.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/servers.js';
import { runOurs, runRedisCli, setup, startTarget } from './harness.js';

/** Splits RESP multibulk requests off the front of `buf`; returns them and the unread rest. */
function parseRequests(buf: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let pos = 0;
  outer: while (pos < buf.length) {
    if (buf[pos] !== 0x2a) break;
    let eol = buf.indexOf('\r\n', pos);
    if (eol < 0) break;
    const n = Number(buf.subarray(pos + 1, eol).toString());
    let p = eol + 2;
    const argv: string[] = [];
    for (let i = 0; i < n; i++) {
      eol = buf.indexOf('\r\n', p);
      if (eol < 0) break outer;
      const len = Number(buf.subarray(p + 1, eol).toString());
      if (eol + 2 + len + 2 > buf.length) break outer;
      argv.push(buf.subarray(eol + 2, eol + 2 + len).toString());
      p = eol + 2 + len + 2;
    }
    commands.push(argv);
    pos = p;
  }
  return { commands, rest: buf.subarray(pos) };
}

interface FakeNode {
  server: Server;
  port: number;
  /** Every command received, in order, across connections. */
  seen: string[][];
}

function startFake(answer: (argv: string[]) => string): Promise<FakeNode> {
  const seen: string[][] = [];
  const server = createServer((socket: Socket) => {
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { commands, rest } = parseRequests(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const argv of commands) {
        seen.push(argv);
        socket.write(answer(argv));
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, seen })),
  );
}

describe('cli -c follows cluster redirections like redis-cli', () => {
  let owner: RunningServer;
  let moved: FakeNode;
  let asking: FakeNode;
  let ask: FakeNode;
  let loop: FakeNode;
  beforeAll(async () => {
    owner = await startTarget('redis');
    moved = await startFake(() => `-MOVED 3999 127.0.0.1:${owner.port}\r\n`);
    // Answers only after ASKING, as a node importing a slot does.
    asking = await startFake((argv) => {
      if (argv[0]!.toUpperCase() === 'ASKING') return '+OK\r\n';
      const prev = asking.seen[asking.seen.length - 2];
      return prev && prev[0]!.toUpperCase() === 'ASKING' ? '$9\r\nimporting\r\n' : '-TRYAGAIN not asked\r\n';
    });
    ask = await startFake(() => `-ASK 42 127.0.0.1:${asking.port}\r\n`);
    loop = await startFake(() => `-MOVED 7 127.0.0.1:${loop.port}\r\n`);
    await setup(owner.port, [['set', 'k', 'owned value']]);
  }, 30000);
  afterAll(async () => {
    for (const f of [moved, asking, ask, loop]) f?.server.close();
    await owner?.stop();
  });

  const compare = async (args: string[], stdin?: string) => {
    const expected = await runRedisCli(args, { stdin });
    const actual = await runOurs(args, { stdin });
    expect(actual.stdout.toString()).toBe(expected.stdout.toString());
    expect(actual.stderr.toString()).toBe(expected.stderr.toString());
    expect(actual.code).toBe(expected.code);
    return actual;
  };

  it('one-shot MOVED: the command runs on the owner, silently', async () => {
    const r = await compare(['-c', '-p', String(moved.port), 'get', 'k']);
    expect(r.stdout.toString()).toBe('owned value\n');
  }, 60000);

  it('one-shot MOVED with -r: the repeat starts over on the owner', async () => {
    const args = ['-c', '-p', String(moved.port), '-r', '3', 'incr', 'n'];
    await setup(owner.port, [['del', 'n']]);
    const expected = await runRedisCli(args);
    await setup(owner.port, [['del', 'n']]);
    const actual = await runOurs(args);
    expect(actual.stdout.toString()).toBe(expected.stdout.toString());
    expect(actual.stdout.toString()).toBe('1\n2\n3\n');
  }, 60000);

  it('without -c the redirection is printed as an error', async () => {
    await compare(['-p', String(moved.port), 'get', 'k']);
  }, 60000);

  it('interactive: the redirection is announced and later commands stay on the new node', async () => {
    await compare(['-c', '-p', String(moved.port)], 'get k\nget k\nset other 1\n');
  }, 60000);

  it('ASK: ASKING is sent to the target first', async () => {
    asking.seen.length = 0;
    const r = await runOurs(['-c', '-p', String(ask.port), 'get', 'k']);
    expect(r.stdout.toString()).toBe('importing\n');
    expect(asking.seen.map((a) => a[0]!.toUpperCase())).toEqual(['ASKING', 'GET']);
    asking.seen.length = 0;
    await compare(['-c', '-p', String(ask.port), 'get', 'k']);
  }, 60000);

  it('interactive ASK is announced like MOVED', async () => {
    await compare(['-c', '-p', String(ask.port)], 'get k\n');
  }, 60000);

  it('a node that keeps redirecting to itself: gives up after 16 redirections and shows the error', async () => {
    const r = await runOurs(['-c', '-p', String(loop.port), 'get', 'k']);
    // Raw output: the error line, then the reply delimiter.
    expect(r.stdout.toString()).toBe(`MOVED 7 127.0.0.1:${loop.port}\n\n`);
    expect(loop.seen.length).toBe(17);
  }, 60000);
});
