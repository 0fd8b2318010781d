// `cinnabar server` as a process: configuration loading, limits, auth, protocol errors, shutdown.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, freePort, startCinnabar, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';

const started: RunningServer[] = [];
const conns: RespConnection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  for (const s of started.splice(0)) await s.stop();
});

async function server(args: string[] = []) {
  const s = await startCinnabar(args);
  started.push(s);
  return s;
}
async function conn(port: number) {
  const c = await RespConnection.open(port);
  conns.push(c);
  return c;
}
const text = (b: Buffer) => b.toString('latin1');

/** Connects once a server started outside startCinnabar() listens (up to 10 s); closed after the test. */
async function connectWhenUp(port: number): Promise<RespConnection> {
  for (let i = 0; i < 100; i++) {
    const c = await RespConnection.open(port).catch(() => null);
    if (c) {
      conns.push(c);
      return c;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on port ${port}`);
}

function runToExit(args: string[], input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'server', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    const t = setTimeout(() => p.kill('SIGKILL'), 15000);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out });
    });
    if (input !== undefined) p.stdin.end(input);
    else p.stdin.end();
  });
}

describe('configuration', () => {
  it('loads a config file with include, quotes and units, then command-line overrides', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cin-conf-'));
    writeFileSync(join(dir, 'extra.conf'), 'maxmemory 2mb\nhz 20\n');
    writeFileSync(join(dir, 'main.conf'), `# comment\ninclude ${join(dir, 'extra.conf')}\nrequirepass "p w"\nclient-query-buffer-limit 1gb\nsave 900 1\nsave 300 10\n`);
    const port = await freePort();
    const s = await startCinnabar([join(dir, 'main.conf'), '--hz', '15'], port);
    started.push(s);
    const c = await conn(port);
    expect(text(await c.call(['CONFIG', 'GET', 'hz']))).toContain('NOAUTH');
    expect(text(await c.call(['AUTH', 'p w']))).toBe('+OK\r\n');
    expect(text(await c.call(['CONFIG', 'GET', 'hz']))).toBe('*2\r\n$2\r\nhz\r\n$2\r\n15\r\n');
    expect(text(await c.call(['CONFIG', 'GET', 'maxmemory']))).toBe('*2\r\n$9\r\nmaxmemory\r\n$7\r\n2097152\r\n');
    expect(text(await c.call(['CONFIG', 'GET', 'save']))).toBe('*2\r\n$4\r\nsave\r\n$0\r\n\r\n');
  });

  it('accumulates save lines from a config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cin-conf-'));
    writeFileSync(join(dir, 'a.conf'), 'save 900 1\nsave 300 10\n');
    const port = await freePort();
    const p = spawn(process.execPath, [BIN, 'server', join(dir, 'a.conf'), '--port', String(port), '--bind', '127.0.0.1'], { stdio: 'ignore' });
    try {
      const c = await connectWhenUp(port);
      expect(text(await c.call(['CONFIG', 'GET', 'save']))).toBe('*2\r\n$4\r\nsave\r\n$12\r\n900 1 300 10\r\n');
    } finally {
      p.kill('SIGKILL');
    }
  });

  it('refuses unknown directives with Redis wording and exit code 1', async () => {
    const r = await runToExit(['--port', '0', '--no-such-thing', 'yes']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('*** FATAL CONFIG FILE ERROR');
    expect(r.out).toContain(">>> 'no-such-thing \"yes\"'");
    expect(r.out).toContain('Bad directive or wrong number of arguments');
  });

  it('refuses bad values', async () => {
    const r = await runToExit(['--port', '0', '--hz', 'abc']);
    expect(r.code).toBe(1);
    expect(r.out).toContain("argument couldn't be parsed into an integer");
  });

  it('reads a config from stdin with "-"', async () => {
    const port = await freePort();
    const p = spawn(process.execPath, [BIN, 'server', '-'], { stdio: ['pipe', 'ignore', 'ignore'] });
    p.stdin.end(`port ${port}\nbind 127.0.0.1\nsave ""\nhz 33\n`);
    try {
      const c = await connectWhenUp(port);
      expect(text(await c.call(['CONFIG', 'GET', 'hz']))).toBe('*2\r\n$2\r\nhz\r\n$2\r\n33\r\n');
    } finally {
      p.kill('SIGKILL');
    }
  });
});

describe('limits and auth', () => {
  it('enforces maxclients with Redis error', async () => {
    const s = await server(['--maxclients', '2']);
    await conn(s.port);
    await conn(s.port);
    const c3 = await conn(s.port);
    const { data, closed } = await c3.drain(300);
    expect(text(data)).toBe('-ERR max number of clients reached\r\n');
    expect(closed).toBe(true);
  });

  it('closes idle clients after timeout', async () => {
    const s = await server(['--timeout', '1']);
    const c = await conn(s.port);
    expect(await c.waitClosed(4000)).toBe(true);
  });

  it('requires AUTH with requirepass and supports HELLO AUTH', async () => {
    const s = await server(['--requirepass', 'secret']);
    const c = await conn(s.port);
    expect(text(await c.call(['GET', 'x']))).toBe('-NOAUTH Authentication required.\r\n');
    expect(text(await c.call(['AUTH', 'wrong']))).toBe('-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    expect(text(await c.call(['HELLO', '3', 'AUTH', 'default', 'secret']))).toMatch(/^%7\r\n/);
    expect(text(await c.call(['PING']))).toBe('+PONG\r\n');
  });

  it('closes the connection after a protocol error, replies to earlier commands first', async () => {
    const s = await server();
    const c = await conn(s.port);
    c.write('PING\r\n*1\r\nfoo\r\n');
    const { data, closed } = await c.drain(300);
    expect(text(data)).toBe("+PONG\r\n-ERR Protocol error: expected '$', got 'f'\r\n");
    expect(closed).toBe(true);
    const c2 = await conn(s.port);
    expect(text(await c2.call(['PING']))).toBe('+PONG\r\n');
  });

  it('closes clients over client-query-buffer-limit', async () => {
    const s = await server(['--client-query-buffer-limit', '1mb']);
    const c = await conn(s.port);
    c.write(`*2\r\n$3\r\nGET\r\n$${5 * 1024 * 1024}\r\n`);
    c.write(Buffer.alloc(2 * 1024 * 1024, 120));
    expect(await c.waitClosed(3000)).toBe(true);
  });

  it('DEBUG is refused unless enable-debug-command allows it', async () => {
    const s = await server();
    const c = await conn(s.port);
    expect(text(await c.call(['DEBUG', 'SLEEP', '0']))).toMatch(/^-ERR DEBUG command not allowed/);
    const s2 = await server(['--enable-debug-command', 'local']);
    const c2 = await conn(s2.port);
    expect(text(await c2.call(['DEBUG', 'SLEEP', '0']))).toBe('+OK\r\n');
  });
});

describe('lifecycle', () => {
  it('SHUTDOWN stops the process and removes the pidfile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cin-pid-'));
    const pidfile = join(dir, 'c.pid');
    const s = await server(['--pidfile', pidfile]);
    expect(readFileSync(pidfile, 'utf8').trim()).toBe(String(s.proc.pid));
    const c = await conn(s.port);
    const exited = new Promise((r) => s.proc.once('exit', (code) => r(code)));
    c.send(['SHUTDOWN', 'NOSAVE']);
    expect(await exited).toBe(0);
    expect(existsSync(pidfile)).toBe(false);
  });

  it('SIGTERM shuts down cleanly with a log line', async () => {
    const s = await server();
    const exited = new Promise((r) => s.proc.once('exit', (code) => r(code)));
    s.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(s.output()).toMatch(/Received SIGTERM scheduling shutdown/);
    expect(s.output()).toMatch(/^\d+:M \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} \* Ready to accept connections tcp$/m);
  });

  it('daemonizes: the launcher exits 0, the detached server writes its pidfile and logfile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cin-daemon-'));
    const pidfile = join(dir, 'd.pid');
    const logfile = join(dir, 'd.log');
    const port = await freePort();
    const r = await runToExit(['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes', '--pidfile', pidfile, '--logfile', logfile, '--save', '']);
    expect(r.code).toBe(0);
    let pid = 0;
    for (let i = 0; i < 100 && !pid; i++) {
      if (existsSync(pidfile)) pid = Number(readFileSync(pidfile, 'utf8').trim());
      else await new Promise((res) => setTimeout(res, 100));
    }
    expect(pid).toBeGreaterThan(0);
    try {
      const c = await connectWhenUp(port);
      expect(text(await c.call(['PING']))).toBe('+PONG\r\n');
      expect(readFileSync(logfile, 'latin1')).toMatch(/^\d+:M .* \* Ready to accept connections tcp$/m);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });

  it('listens on a unix socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cin-sock-'));
    const sock = join(dir, 'c.sock');
    const s = await server(['--unixsocket', sock, '--unixsocketperm', '700']);
    void s;
    const reply = await new Promise<string>((resolve, reject) => {
      const sk = connect(sock, () => sk.write('PING\r\n'));
      sk.once('data', (d) => {
        resolve(d.toString('latin1'));
        sk.destroy();
      });
      sk.once('error', reject);
    });
    expect(reply).toBe('+PONG\r\n');
  });
});
