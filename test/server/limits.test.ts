// Limits and hostile clients, side by side with redis-server where the outcome is deterministic:
// maxclients, the idle timeout (blocked clients and subscribers are exempt), client-output-buffer-limit
// for normal clients and subscribers (hard, and soft held for N seconds), a client pipelining big
// replies without reading (and the memory coming back), client-query-buffer-limit, proto-max-bulk-len,
// rename-command, thousands of connections opened and closed, and what an unauthenticated client may run.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import { BIN, startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection, encodeCommand, type Arg } from '../helpers/resp.js';

type Kind = 'cinnabar' | 'redis';
const KINDS: Kind[] = ['cinnabar', 'redis'];

const started: RunningServer[] = [];
const conns: RespConnection[] = [];
const raws: Socket[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  for (const s of raws.splice(0)) s.destroy();
  for (const s of started.splice(0)) await s.stop();
});

async function server(kind: Kind, args: string[] = []): Promise<RunningServer> {
  const s = kind === 'cinnabar' ? await startCinnabar(args) : await startRedis(args);
  started.push(s);
  return s;
}
async function conn(port: number): Promise<RespConnection> {
  const c = await RespConnection.open(port, { readTimeoutMs: 10000 });
  conns.push(c);
  return c;
}
const text = (b: Buffer) => b.toString('latin1');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A field of INFO as a number. */
async function info(c: RespConnection, field: string): Promise<number> {
  const m = new RegExp(`^${field}:(\\d+)`, 'm').exec(text(await c.call(['INFO', 'everything'])));
  if (!m) throw new Error(`no ${field} in INFO`);
  return Number(m[1]);
}

/** A raw socket that never reads what it is sent (its receive buffer fills, then the server's). */
function nonReader(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    raws.push(s);
    s.once('connect', () => {
      s.pause();
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** Polls INFO until connected_clients is n (a server-side close a paused socket does not notice yet). */
async function waitClients(c: RespConnection, n: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let now = await info(c, 'connected_clients');
  while (now !== n && Date.now() < deadline) {
    await sleep(50);
    now = await info(c, 'connected_clients');
  }
  return now;
}

/** Waits (bounded) until `channel` has a subscriber: a raw socket's SUBSCRIBE gets no read-back. */
async function waitSubscribed(c: RespConnection, channel: string): Promise<void> {
  const want = `*2\r\n$${channel.length}\r\n${channel}\r\n:1\r\n`;
  const deadline = Date.now() + 5000;
  while (text(await c.call(['PUBSUB', 'NUMSUB', channel])) !== want && Date.now() < deadline) await sleep(20);
}

/** Resolves true once the socket closes (a paused one is resumed so it sees the close). */
function whenClosed(s: Socket, timeoutMs: number): Promise<boolean> {
  s.resume();
  return new Promise((resolve) => {
    if (s.destroyed) return resolve(true);
    const t = setTimeout(() => resolve(false), timeoutMs);
    s.once('close', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** Runs a server process to its exit (start-up refusals). */
function runToExit(kind: Kind, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = kind === 'cinnabar' ? spawn(process.execPath, [BIN, 'server', ...args]) : spawn('redis-server', args);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    const t = setTimeout(() => p.kill('SIGKILL'), 15000);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out });
    });
  });
}

describe('maxclients', () => {
  it('the next client gets Redis error and is closed, counted in rejected_connections', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--maxclients', '2']);
      const a = await conn(s.port);
      // The start helper's readiness probe may still be counted for a moment.
      expect(await waitClients(a, 1, 2000)).toBe(1);
      await conn(s.port);
      const c3 = await conn(s.port);
      const { data, closed } = await c3.drain(300);
      expect(text(data), kind).toBe('-ERR max number of clients reached\r\n');
      expect(closed).toBe(true);
      expect(await info(a, 'rejected_connections'), kind).toBe(1);
      expect(await info(a, 'connected_clients'), kind).toBe(2);
    }
  });
});

describe('timeout', () => {
  it('closes idle clients but not blocked clients or subscribers', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--timeout', '1']);
      const idle = await conn(s.port);
      const blocked = await conn(s.port);
      const sub = await conn(s.port);
      const busy = await conn(s.port);
      blocked.write(encodeCommand(['BLPOP', 'nothing', '0']));
      expect(text(await sub.call(['SUBSCRIBE', 'ch']))).toBe('*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n');
      const deadline = Date.now() + 3500;
      while (Date.now() < deadline) {
        expect(text(await busy.call(['PING']))).toBe('+PONG\r\n');
        await sleep(300);
      }
      expect(idle.closed, kind).toBe(true);
      expect(blocked.closed, kind).toBe(false);
      expect(sub.closed, kind).toBe(false);
      expect(busy.closed, kind).toBe(false);
      expect(text(await busy.call(['RPUSH', 'nothing', 'x']))).toBe(':1\r\n');
      expect(text(await blocked.read())).toBe('*2\r\n$7\r\nnothing\r\n$1\r\nx\r\n');
      // Unblocked, it is an ordinary client again and the timeout reaches it.
      expect(await blocked.waitClosed(4000), kind).toBe(true);
    }
  }, 30000);
});

describe('client-output-buffer-limit', () => {
  it('normal class, hard limit: a client pipelining big replies without reading is closed', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--client-output-buffer-limit', 'normal 1mb 0 0']);
      const admin = await conn(s.port);
      expect(text(await admin.call(['SET', 'big', 'x'.repeat(65536)]))).toBe('+OK\r\n');
      const hog = await nonReader(s.port);
      const batch = Buffer.concat(Array.from({ length: 500 }, () => encodeCommand(['GET', 'big'])));
      for (let i = 0; i < 10 && !hog.destroyed; i++) hog.write(batch);
      expect(await waitClients(admin, 1, 10000), kind).toBe(1);
      hog.resume();
      expect(await whenClosed(hog, 5000), kind).toBe(true);
    }
  });

  it('replies bigger than the socket buffer, pipelined with small ones, arrive whole and in order', async () => {
    // The kernel takes part of a big reply; the rest is sent later from the bytes handed over, while
    // the following replies are built in a new buffer.
    const s = await server('cinnabar');
    const c = await conn(s.port);
    const big = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 13)) & 0xff;
    expect(text(await c.call(['SET', 'big', big]))).toBe('+OK\r\n');
    const bulk = Buffer.concat([Buffer.from(`$${big.length}\r\n`), big, Buffer.from('\r\n')]);
    for (let round = 0; round < 3; round++) {
      c.write(Buffer.concat([['GET', 'big'], ['PING'], ['GET', 'big'], ['SET', 'small', String(round)], ['GET', 'small']].map((a) => encodeCommand(a))));
      expect((await c.read(20000)).equals(bulk)).toBe(true);
      expect(text(await c.read())).toBe('+PONG\r\n');
      expect((await c.read(20000)).equals(bulk)).toBe(true);
      expect(text(await c.read())).toBe('+OK\r\n');
      expect(text(await c.read())).toBe(`$1\r\n${round}\r\n`);
    }
  }, 60000);

  it('pubsub class, hard limit: a subscriber that does not read is dropped', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--client-output-buffer-limit', 'pubsub 1mb 0 0']);
      const pub = await conn(s.port);
      const sub = await nonReader(s.port);
      sub.write(encodeCommand(['SUBSCRIBE', 'ch']));
      await waitSubscribed(pub, 'ch');
      const msg = 'm'.repeat(65536);
      // Publish until the subscriber is gone (bounded: 400 messages, 25 MB).
      let delivered = 0;
      let i = 0;
      for (; i < 400; i++) {
        const n = Number(text(await pub.call(['PUBLISH', 'ch', msg])).slice(1, -2));
        if (n === 0) break;
        delivered += n;
      }
      expect(i, kind).toBeLessThan(400);
      expect(delivered, kind).toBeGreaterThan(0);
      expect(await info(pub, 'connected_clients'), kind).toBe(1);
      sub.resume();
      expect(await whenClosed(sub, 5000), kind).toBe(true);
    }
  }, 60000);

  it('pubsub class, soft limit: dropped only once over it for longer than the seconds given', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--client-output-buffer-limit', 'pubsub 0 256kb 5']);
      const pub = await conn(s.port);
      const sub = await nonReader(s.port);
      sub.write(encodeCommand(['SUBSCRIBE', 'ch']));
      await waitSubscribed(pub, 'ch');
      const msg = 'm'.repeat(65536);
      // Enough to fill both sockets' buffers and go over the soft limit (bounded: 16 MB).
      const t0 = Date.now();
      for (let i = 0; i < 256; i++) expect(text(await pub.call(['PUBLISH', 'ch', msg])), `${kind} ${i}`).toBe(':1\r\n');
      expect(Date.now() - t0).toBeLessThan(4000);
      expect(await info(pub, 'connected_clients'), kind).toBe(2);
      // The once-a-second client check (or the next output) finds the limit held too long.
      expect(await waitClients(pub, 1, 9000), kind).toBe(1);
      expect(text(await pub.call(['PUBLISH', 'ch', 'x'])), kind).toBe(':0\r\n');
      sub.resume();
      expect(await whenClosed(sub, 5000), kind).toBe(true);
    }
  }, 60000);

  it('200k pipelined LRANGE without reading: disconnected, and the memory comes back', async () => {
    const s = await server('cinnabar', ['--client-output-buffer-limit', 'normal 32mb 0 0', '--enable-debug-command', 'yes']);
    const admin = await conn(s.port);
    const values = Array.from({ length: 1000 }, (_, i) => `element-${i}`);
    expect(text(await admin.call(['RPUSH', 'biglist', ...values]))).toBe(':1000\r\n');
    await admin.call(['DEBUG', 'GC']);
    const heapBefore = await info(admin, 'used_memory_js_heap');
    const rssBefore = await info(admin, 'used_memory_rss');
    const hog = await nonReader(s.port);
    const req = encodeCommand(['LRANGE', 'biglist', '0', '-1']);
    const batch = Buffer.concat(Array.from({ length: 2000 }, () => req));
    const deadline = Date.now() + 20000;
    let sent = 0;
    while (sent < 200000 && !hog.destroyed && Date.now() < deadline) {
      if (!hog.write(batch)) await new Promise((r) => setTimeout(r, 10));
      sent += 2000;
    }
    expect(await waitClients(admin, 1, 20000)).toBe(1);
    expect(await whenClosed(hog, 5000)).toBe(true);
    expect(s.output()).toMatch(/scheduled to be closed ASAP for overcoming of output buffer limits/);
    await sleep(200);
    await admin.call(['DEBUG', 'GC']);
    const heapAfter = await info(admin, 'used_memory_js_heap');
    const rssAfter = await info(admin, 'used_memory_rss');
    expect(heapAfter).toBeLessThan(heapBefore + 8 * 1024 * 1024);
    // RSS: V8 and the allocator keep some pages; it must not hold the 32 MB buffer or more.
    expect(rssAfter).toBeLessThan(rssBefore + 48 * 1024 * 1024);
    expect(text(await admin.call(['LLEN', 'biglist']))).toBe(':1000\r\n');
  }, 60000);
});

describe('request limits', () => {
  it('client-query-buffer-limit: a request growing past it closes the connection', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--client-query-buffer-limit', '1mb']);
      const c = await conn(s.port);
      c.write(`*2\r\n$3\r\nGET\r\n$${5 * 1024 * 1024}\r\n`);
      c.write(Buffer.alloc(2 * 1024 * 1024, 120));
      expect(await c.waitClosed(5000), kind).toBe(true);
      const other = await conn(s.port);
      expect(text(await other.call(['PING']))).toBe('+PONG\r\n');
    }
  });

  it('proto-max-bulk-len: a longer bulk is a protocol error; strings may not grow past it', async () => {
    for (const kind of KINDS) {
      const s = await server(kind, ['--proto-max-bulk-len', '1mb']);
      const a = await conn(s.port);
      expect(text(await a.call(['SETRANGE', 'k', String(1024 * 1024), 'x'])), kind).toBe('-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n');
      expect(text(await a.call(['SET', 'k', 'x'.repeat(1024 * 1024)])), kind).toBe('+OK\r\n');
      expect(text(await a.call(['APPEND', 'k', 'y'])), kind).toBe('-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n');
      const b = await conn(s.port);
      b.write(`PING\r\n*2\r\n$3\r\nGET\r\n$${1024 * 1024 + 1}\r\n`);
      const { data, closed } = await b.drain(300);
      expect(text(data), kind).toBe('+PONG\r\n-ERR Protocol error: invalid bulk length\r\n');
      expect(closed).toBe(true);
    }
  });
});

describe('rename-command', () => {
  it('renames and disables commands from the config file, as redis-server does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rename-'));
    const conf = join(dir, 'r.conf');
    writeFileSync(conf, 'rename-command CONFIG ""\nrename-command set my-set\nrename-command FLUSHALL "flushall-x"\n');
    const replies: Record<string, string[]> = {};
    for (const kind of KINDS) {
      const s = await server(kind, [conf]);
      const c = await conn(s.port);
      const out: string[] = [];
      const cmds: Arg[][] = [
        ['CONFIG', 'GET', 'maxmemory'],
        ['SET', 'k', 'v'],
        ['MY-SET', 'k', 'v'],
        ['my-set', 'k2', 'v2', 'EX', '100'],
        ['GET', 'k'],
        ['my-set'],
        ['FLUSHALL'],
        ['flushall-x'],
        ['DBSIZE'],
        ['MULTI'],
        ['SET', 'a', 'b'],
        ['my-set', 'a', 'b'],
        ['EXEC'],
        ['EVAL', "return redis.pcall('set', 'x', 'y')", '0'],
        ['EVAL', "return redis.call('my-set', 'x', 'y')", '0'],
      ];
      for (const argv of cmds) out.push(text(await c.call(argv)));
      replies[kind] = out;
    }
    expect(replies.cinnabar).toEqual(replies.redis);
  });

  it('an unknown command or a taken name is a fatal config error', async () => {
    for (const [line, why] of [
      ['rename-command nosuch foo', 'No such command in rename-command'],
      ['rename-command get set', 'Target command name already exists'],
      ['rename-command get', 'Bad directive or wrong number of arguments'],
    ]) {
      const dir = mkdtempSync(join(tmpdir(), 'rename-'));
      const conf = join(dir, 'r.conf');
      writeFileSync(conf, `port 0\n${line}\n`);
      const [ours, theirs] = await Promise.all([runToExit('cinnabar', [conf]), runToExit('redis', [conf])]);
      expect(ours.code).toBe(1);
      expect(theirs.code).toBe(1);
      const tail = (out: string) => out.slice(out.indexOf('Reading the configuration file'));
      expect(tail(ours.out)).toBe(tail(theirs.out));
      expect(ours.out).toContain(why);
    }
  });
});

/** Connections the test can open: 3000, or fewer when the open-files limit is low (each side holds one). */
const MANY = (() => {
  const limit = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
  return Number.isFinite(limit) && limit > 0 ? Math.min(3000, limit - 200) : 3000;
})();

describe('many connections', () => {
  it(`${MANY} connections opened and closed three times: clients and heap back to the baseline`, async () => {
    const s = await server('cinnabar', ['--enable-debug-command', 'yes']);
    const admin = await conn(s.port);
    await admin.call(['DEBUG', 'GC']);
    const heapStart = await info(admin, 'used_memory_js_heap');
    const received = await info(admin, 'total_connections_received');
    const ping = encodeCommand(['PING']);
    for (let round = 0; round < 3; round++) {
      const socks: Socket[] = [];
      const ponged: Array<Promise<void>> = [];
      for (let i = 0; i < MANY; i++) {
        const sk = connect(s.port, '127.0.0.1');
        socks.push(sk);
        ponged.push(
          new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error('no PONG')), 20000);
            sk.once('data', () => {
              clearTimeout(t);
              resolve();
            });
            sk.once('error', reject);
          }),
        );
        sk.write(ping);
      }
      await Promise.all(ponged);
      expect(await info(admin, 'connected_clients')).toBe(MANY + 1);
      for (const sk of socks) sk.destroy();
      const deadline = Date.now() + 10000;
      while ((await info(admin, 'connected_clients')) !== 1 && Date.now() < deadline) await sleep(50);
      expect(await info(admin, 'connected_clients')).toBe(1);
    }
    expect(await info(admin, 'total_connections_received')).toBe(received + 3 * MANY);
    await sleep(200);
    await admin.call(['DEBUG', 'GC']);
    expect(await info(admin, 'used_memory_js_heap')).toBeLessThan(heapStart + 4 * 1024 * 1024);
  }, 90000);
});

describe('unauthenticated clients', () => {
  it('may run only AUTH, HELLO, QUIT and the like; replies as redis-server', async () => {
    const cases: Array<Arg[] | string> = [
      ['PING'],
      ['GET', 'k'],
      ['SET', 'k', 'v'],
      ['SELECT', '1'],
      ['CLIENT', 'SETNAME', 'x'],
      ['COMMAND', 'COUNT'],
      ['MULTI'],
      ['DISCARD'],
      ['EXEC'],
      ['EXEC', 'extra'],
      ['SUBSCRIBE', 'ch'],
      ['NOSUCH', 'a'],
      ['GET'],
      ['HELLO', '3'],
      ['HELLO', '2', 'AUTH', 'default', 'wrong'],
      ['AUTH', 'wrong'],
      ['AUTH', 'someone', 'secret'],
      ['AUTH', 'a', 'b', 'c'],
      'PING\r\n',
      ['RESET'],
      ['GET', 'k'],
      ['AUTH', 'secret'],
      ['GET', 'k'],
      ['EXEC', 'extra'],
      ['WATCH', 'k'],
      ['EXEC', 'extra'],
      ['MULTI'],
      ['EXEC'],
      ['QUIT'],
    ];
    const replies: Record<string, string[]> = {};
    for (const kind of KINDS) {
      const s = await server(kind, ['--requirepass', 'secret']);
      const c = await conn(s.port);
      const out: string[] = [];
      for (const argv of cases) {
        if (typeof argv === 'string') {
          c.write(argv);
          out.push(text(await c.read()));
        } else out.push(text(await c.call(argv)));
      }
      expect(await c.waitClosed(2000)).toBe(true);
      // Unauthenticated requests are kept small: a long multibulk or a big bulk closes the connection.
      const big = await conn(s.port);
      big.write('*20\r\n');
      const r1 = await big.drain(300);
      out.push(text(r1.data), String(r1.closed));
      const bulk = await conn(s.port);
      bulk.write('*1\r\n$20000\r\n');
      const r2 = await bulk.drain(300);
      out.push(text(r2.data), String(r2.closed));
      // Redis 7.2 names the protocol argument in this error; 7.0, the oracle here, does not.
      replies[kind] = out.map((r) => r.replace('the HELLO AUTH <user>', 'the HELLO <proto> AUTH <user>'));
    }
    expect(replies.cinnabar).toEqual(replies.redis);
  });
});
