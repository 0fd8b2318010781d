// The server over TLS: tls-port with and without the plain port, client certificates (tls-auth-clients
// yes/optional/no), tls-protocols, CA directory, encrypted keys and DH parameters, session resumption,
// CONFIG SET reloading the context, start-up refusals, and clients (ioredis, node-redis, our cli,
// redis-cli) talking to it. The Debian redis-server is built with TLS, so start-up logs, CONFIG SET
// errors and redis-cli results are compared with it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { BIN, freePort, startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { encodeCommand, ReplyScanner, type Arg } from '../helpers/resp.js';
import { hasOpenssl, makeCertificates, type Certs } from '../helpers/certs.js';
import { runOurs, runRedisCli } from '../cli/harness.js';

let certs: Certs;
const started: RunningServer[] = [];
const sockets: TLSSocket[] = [];

beforeAll(() => {
  certs = makeCertificates(mkdtempSync(join(tmpdir(), 'server-tls-')));
}, 60000);
afterAll(() => rmSync(certs.dir, { recursive: true, force: true }));
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of started.splice(0)) await s.stop();
});

const f = (name: string) => certs.f(name);

/** The directives of a TLS-only server with client certificates required (Redis's defaults otherwise). */
function tlsArgs(port: number, extra: string[] = []): string[] {
  return ['--port', '0', '--tls-port', String(port), '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-ca-cert-file', f('ca.crt'), ...extra];
}

/** Starts ours (or redis-server) TLS-only; the helper's readiness probe is a plain TCP connect to the TLS port. */
async function start(kind: 'cinnabar' | 'redis', extra: string[] = [], base?: (port: number) => string[]): Promise<RunningServer> {
  const port = await freePort();
  const args = (base ?? ((p: number) => tlsArgs(p)))(port).concat(extra);
  const s = kind === 'cinnabar' ? await startCinnabar(args, port) : await startRedis(args, port);
  started.push(s);
  return s;
}

const withClientCert = (): ConnectionOptions => ({ ca: readFileSync(f('ca.crt')), cert: readFileSync(f('client.crt')), key: readFileSync(f('client.key')) });

/** Opens a TLS connection; resolves once the handshake is done (or rejects with its error). */
function open(port: number, opts: ConnectionOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const s = tlsConnect({ host: '127.0.0.1', port, servername: 'localhost', ...opts });
    sockets.push(s);
    s.once('secureConnect', () => resolve(s));
    s.once('error', reject);
  });
}

/**
 * Sends one command and returns its raw reply; or 'closed' when the server closes the connection
 * (or the TLS layer fails) before a reply.
 */
function call(s: TLSSocket, argv: Arg[], timeoutMs = 5000): Promise<string> {
  return new Promise((resolve) => {
    let buf = Buffer.alloc(0);
    const scanner = new ReplyScanner();
    const done = (v: string) => {
      clearTimeout(t);
      s.off('data', onData);
      s.off('close', onClose);
      s.off('error', onClose);
      resolve(v);
    };
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const end = scanner.scan(buf);
      if (end >= 0) done(buf.subarray(0, end).toString('latin1'));
    };
    const onClose = () => done('closed');
    const t = setTimeout(() => done('timeout'), timeoutMs);
    s.on('data', onData);
    s.on('close', onClose);
    s.on('error', onClose);
    s.write(encodeCommand(argv));
  });
}

/** Connects and runs one command: the reply, 'closed', or the handshake error's code. */
async function tryCommand(port: number, opts: ConnectionOptions, argv: Arg[] = ['PING']): Promise<string> {
  let s: TLSSocket;
  try {
    s = await open(port, opts);
  } catch (e) {
    return `handshake: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  return call(s, argv);
}

/** Runs `cinnabar server` to its exit (for start-up refusals). */
function runToExit(bin: 'cinnabar' | 'redis', args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = bin === 'cinnabar' ? spawn(process.execPath, [BIN, 'server', ...args]) : spawn('redis-server', args);
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

/** Warning lines of a log without their pid/time prefix. */
const warnings = (log: string) =>
  log
    .split('\n')
    .filter((l) => / # /.test(l) && /TLS|tls-|certificate|key|cipher|DH|Failed/.test(l) && !/accepting a client/.test(l))
    .map((l) => l.slice(l.indexOf(' # ') + 3));

describe.runIf(hasOpenssl)('TLS server', () => {
  it('a TLS-only server (port 0) serves ioredis and node-redis with client certificates; INFO and CLIENT LIST count them', async () => {
    const s = await start('cinnabar');
    const io = new Redis({ port: s.port, host: '127.0.0.1', tls: { ...withClientCert(), servername: 'localhost' }, lazyConnect: true, maxRetriesPerRequest: 0 });
    await io.connect();
    const nr = createClient({ socket: { port: s.port, host: '127.0.0.1', tls: true, servername: 'localhost', ...withClientCert() } });
    nr.on('error', () => {});
    await nr.connect();
    try {
      expect(await io.set('k', 'v')).toBe('OK');
      expect(await nr.get('k')).toBe('v');
      expect(await nr.sendCommand(['RPUSH', 'l', 'a', 'b', 'c'])).toBe(3);
      expect(await io.lrange('l', 0, -1)).toEqual(['a', 'b', 'c']);
      const big = 'x'.repeat(300000);
      await nr.set('big', big);
      expect(await io.get('big')).toBe(big);
      const pipe = io.pipeline();
      for (let i = 0; i < 1000; i++) pipe.incr('n');
      const res = await pipe.exec();
      expect(res![999][1]).toBe(1000);
      const info = await io.info('clients');
      expect(info).toMatch(/^connected_clients:2\r$/m);
      const list = (await nr.sendCommand(['CLIENT', 'LIST'])) as string;
      const lines = list.trim().split('\n');
      expect(lines).toHaveLength(2);
      for (const l of lines) expect(l).toMatch(/^id=\d+ addr=127\.0\.0\.1:\d+ laddr=127\.0\.0\.1:\d+ fd=\d+ name= age=\d+ idle=\d+ flags=N db=0 /);
    } finally {
      io.disconnect();
      await nr.disconnect();
    }
  });

  it('tls-auth-clients yes: no certificate, or one from another CA, is refused; the same with redis-server', async () => {
    for (const kind of ['cinnabar', 'redis'] as const) {
      const s = await start(kind);
      expect(await tryCommand(s.port, withClientCert())).toBe('+PONG\r\n');
      const none = await tryCommand(s.port, { ca: readFileSync(f('ca.crt')) });
      expect(none === 'closed' || none.startsWith('handshake'), `${kind}: ${none}`).toBe(true);
      const other = await tryCommand(s.port, { ca: readFileSync(f('ca.crt')), cert: readFileSync(f('other-client.crt')), key: readFileSync(f('other-client.key')) });
      expect(other === 'closed' || other.startsWith('handshake'), `${kind}: ${other}`).toBe(true);
    }
  });

  it('tls-auth-clients optional accepts no certificate but refuses a bad one; no accepts anything; CONFIG SET switches the mode', async () => {
    const s = await start('cinnabar', ['--tls-auth-clients', 'optional']);
    const ca = readFileSync(f('ca.crt'));
    expect(await tryCommand(s.port, { ca })).toBe('+PONG\r\n');
    expect(await tryCommand(s.port, withClientCert())).toBe('+PONG\r\n');
    const other = await tryCommand(s.port, { ca, cert: readFileSync(f('other-client.crt')), key: readFileSync(f('other-client.key')) });
    expect(other === 'closed' || other.startsWith('handshake')).toBe(true);
    const admin = await open(s.port, withClientCert());
    expect(await call(admin, ['CONFIG', 'SET', 'tls-auth-clients', 'no'])).toBe('+OK\r\n');
    expect(await tryCommand(s.port, { ca, cert: readFileSync(f('other-client.crt')), key: readFileSync(f('other-client.key')) })).toBe('+PONG\r\n');
    expect(await call(admin, ['CONFIG', 'SET', 'tls-auth-clients', 'yes'])).toBe('+OK\r\n');
    const none = await tryCommand(s.port, { ca });
    expect(none === 'closed' || none.startsWith('handshake')).toBe(true);
    expect(await call(admin, ['CONFIG', 'GET', 'tls-auth-clients'])).toBe('*2\r\n$16\r\ntls-auth-clients\r\n$3\r\nyes\r\n');
    expect(await call(admin, ['CONFIG', 'SET', 'tls-auth-clients', 'maybe'])).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'tls-auth-clients') - argument(s) must be one of the following: no, yes, optional\r\n",
    );
  });

  it('TLS beside the plain port and the unix socket', async () => {
    const sockPath = join(mkdtempSync(join(tmpdir(), 'tls-unix-')), 'c.sock');
    const s = await start('cinnabar', [], (p) => [...tlsArgs(p), '--port', String(p - 1 > 1024 ? p - 1 : p + 1), '--unixsocket', sockPath]);
    const plainPort = s.port - 1 > 1024 ? s.port - 1 : s.port + 1;
    expect(await tryCommand(s.port, withClientCert(), ['SET', 'a', '1'])).toBe('+OK\r\n');
    const viaPlain = await new Promise<string>((resolve) => {
      const c = spawn('redis-cli', ['-p', String(plainPort), 'GET', 'a']);
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('exit', () => resolve(out));
    });
    expect(viaPlain).toBe('1\n');
    const viaUnix = await runRedisCli(['-s', sockPath, 'GET', 'a']);
    expect(viaUnix.stdout.toString()).toBe('1\n');
    expect(s.output()).toMatch(/Ready to accept connections tcp/);
    expect(s.output()).toMatch(/Ready to accept connections unix/);
    expect(s.output()).toMatch(/Ready to accept connections tls/);
  });

  it('tls-protocols restricts the versions offered', async () => {
    const s = await start('cinnabar', ['--tls-protocols', 'TLSv1.2', '--tls-auth-clients', 'no']);
    const ca = readFileSync(f('ca.crt'));
    const ok = await open(s.port, { ca });
    expect(ok.getProtocol()).toBe('TLSv1.2');
    expect(await call(ok, ['PING'])).toBe('+PONG\r\n');
    expect(await tryCommand(s.port, { ca, minVersion: 'TLSv1.3' })).toMatch(/^handshake/);
    const s13 = await start('cinnabar', ['--tls-protocols', 'TLSv1.3', '--tls-auth-clients', 'no']);
    expect(await tryCommand(s13.port, { ca, maxVersion: 'TLSv1.2' })).toMatch(/^handshake/);
    expect((await open(s13.port, { ca })).getProtocol()).toBe('TLSv1.3');
  });

  it('tls-ciphers and tls-ciphersuites choose what is negotiated', async () => {
    const s = await start('cinnabar', ['--tls-auth-clients', 'no', '--tls-ciphers', 'ECDHE-RSA-AES256-GCM-SHA384', '--tls-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256']);
    const ca = readFileSync(f('ca.crt'));
    expect((await open(s.port, { ca, maxVersion: 'TLSv1.2' })).getCipher().name).toBe('ECDHE-RSA-AES256-GCM-SHA384');
    expect((await open(s.port, { ca })).getCipher().name).toBe('TLS_CHACHA20_POLY1305_SHA256');
  });

  it('an encrypted key with tls-key-file-pass, a CA directory and DH parameters', async () => {
    const s = await start('cinnabar', [], (p) => [
      '--port', '0', '--tls-port', String(p), '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server-enc.key'),
      '--tls-key-file-pass', 'sekrit', '--tls-ca-cert-dir', f('cadir'), '--tls-dh-params-file', f('dh.pem'),
    ]);
    expect(await tryCommand(s.port, withClientCert())).toBe('+PONG\r\n');
    const other = await tryCommand(s.port, { ca: readFileSync(f('ca.crt')), cert: readFileSync(f('other-client.crt')), key: readFileSync(f('other-client.key')) });
    expect(other === 'closed' || other.startsWith('handshake')).toBe(true);
  });

  it('sessions resume with tls-session-caching yes and not with no', async () => {
    for (const caching of ['yes', 'no']) {
      const s = await start('cinnabar', ['--tls-auth-clients', 'no', '--tls-session-caching', caching]);
      const ca = readFileSync(f('ca.crt'));
      for (const maxVersion of ['TLSv1.2', 'TLSv1.3'] as const) {
        const first = await open(s.port, { ca, maxVersion });
        // A TLS 1.3 ticket arrives after the handshake, with the first data.
        expect(await call(first, ['PING'])).toBe('+PONG\r\n');
        const session = first.getSession();
        first.destroy();
        const again = await open(s.port, { ca, maxVersion, session });
        expect(again.isSessionReused(), `${caching} ${maxVersion}`).toBe(caching === 'yes');
        expect(await call(again, ['PING'])).toBe('+PONG\r\n');
      }
    }
  });

  it('CONFIG SET of the files reloads the context for new connections; bad files are refused with Redis errors', async () => {
    const ours = await start('cinnabar');
    const redis = await start('redis');
    for (const s of [ours, redis]) {
      const admin = await open(s.port, withClientCert());
      const r1 = await call(admin, ['CONFIG', 'SET', 'tls-cert-file', f('nonexistent.crt')]);
      expect(r1).toBe("-ERR CONFIG SET failed (possibly related to argument 'tls-cert-file') - Unable to update TLS configuration. Check server logs.\r\n");
      const r2 = await call(admin, ['CONFIG', 'SET', 'tls-protocols', 'TLSv9']);
      expect(r2).toBe("-ERR CONFIG SET failed (possibly related to argument 'tls-protocols') - Unable to update TLS configuration. Check server logs.\r\n");
      expect(await call(admin, ['CONFIG', 'GET', 'tls-cert-file'])).toBe(`*2\r\n$13\r\ntls-cert-file\r\n$${f('server.crt').length}\r\n${f('server.crt')}\r\n`);
      // The other CA's client certificate doubles as a server certificate for a context signed elsewhere.
      expect(await call(admin, ['CONFIG', 'SET', 'tls-cert-file', f('other-client.crt'), 'tls-key-file', f('other-client.key')])).toBe('+OK\r\n');
      const fresh = await open(s.port, { ...withClientCert(), ca: readFileSync(f('other-ca.crt')), checkServerIdentity: () => undefined });
      expect(fresh.getPeerCertificate().subject.CN).toBe('other-client');
      expect(await call(fresh, ['PING'])).toBe('+PONG\r\n');
      // The connection opened before keeps working.
      expect(await call(admin, ['PING'])).toBe('+PONG\r\n');
      expect(warnings(s.output())).toEqual([
        `Failed to load certificate: ${f('nonexistent.crt')}: error:80000002:system library::No such file or directory`,
        'Failed applying new configuration. Possibly related to new tls-cert-file setting. Restoring previous settings.',
        "Invalid tls-protocols specified. Use a combination of 'TLSv1', 'TLSv1.1', 'TLSv1.2' and 'TLSv1.3'.",
        'Failed applying new configuration. Possibly related to new tls-protocols setting. Restoring previous settings.',
      ]);
    }
  });

  describe('start-up refuses what redis-server refuses, with the same log lines and exit code', () => {
    const cases: Array<[string, () => string[]]> = [
      ['no certificate', () => ['--port', '0', '--tls-port', '1']],
      ['no key', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt')]],
      ['no CA with client authentication on', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key')]],
      ['a missing certificate file', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('none.crt'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no']],
      ['a certificate file without a certificate', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.ext'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no']],
      ['a missing key file', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('none.key'), '--tls-auth-clients', 'no']],
      ['bad protocols', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no', '--tls-protocols', 'TLSv1.2 SSLv3']],
      ['bad ciphers', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no', '--tls-ciphers', 'NO-SUCH-CIPHER']],
      ['bad ciphersuites', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no', '--tls-ciphersuites', 'TLS_NO_SUCH']],
      ['a missing DH file', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no', '--tls-dh-params-file', f('none.pem')]],
      ['a DH file without parameters', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-auth-clients', 'no', '--tls-dh-params-file', f('ca.crt')]],
      ['an encrypted key without its pass phrase', () => ['--port', '0', '--tls-port', '1', '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server-enc.key'), '--tls-auth-clients', 'no']],
    ];
    for (const [name, args] of cases) {
      it(name, async () => {
        const [ours, theirs] = await Promise.all([runToExit('cinnabar', args()), runToExit('redis', args())]);
        expect(ours.code).toBe(1);
        expect(theirs.code).toBe(1);
        const w = warnings(ours.out);
        const rw = warnings(theirs.out);
        expect(w[w.length - 1], ours.out).toBe('Failed to configure TLS. Check logs for more info.');
        // OpenSSL's reason for a file it could read but not use may be worded by a different call than
        // Redis makes; the line up to the reason must agree.
        const head = (l: string | undefined) => (l ?? '').replace(/: error:[0-9A-F]+:(?!system library).*$/, ': error:');
        expect(w.map(head)).toEqual(rw.map(head));
      });
    }
  });

  it('our cli and redis-cli over TLS give the same results against ours and redis-server', async () => {
    const ours = await start('cinnabar');
    const redis = await start('redis');
    const caseArgs = (port: number): string[][] => [
      ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), '-p', String(port), 'ping'],
      ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), '-p', String(port), 'set', 'k', 'over tls'],
      ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), '-p', String(port), 'get', 'k'],
      ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), '-p', String(port), 'config', 'get', 'tls-port'],
      ['--tls', '--cacert', f('ca.crt'), '-p', String(port), 'ping'],
      ['--tls', '--cacert', f('ca.crt'), '--cert', f('other-client.crt'), '--key', f('other-client.key'), '-p', String(port), 'ping'],
    ];
    const oursCases = caseArgs(ours.port);
    const redisCases = caseArgs(redis.port);
    for (let i = 0; i < oursCases.length; i++) {
      const expected = await runRedisCli(redisCases[i], { timeoutMs: 45000 });
      const norm = (b: Buffer) => b.toString().replaceAll(String(redis.port), 'PORT').replaceAll(String(ours.port), 'PORT');
      for (const run of [runRedisCli, runOurs]) {
        const actual = await run(oursCases[i], { timeoutMs: 45000 });
        expect(norm(actual.stdout), `${run.name} ${i}`).toBe(norm(expected.stdout));
        if (i >= 4) {
          // A refused client certificate: whether the client sees the close or a reset depends on
          // whether its first request reached the server before the close (it varies with redis-server too).
          const refused = /^Error: (Connection reset by peer|Server closed the connection)\n$/;
          expect(norm(expected.stderr)).toMatch(refused);
          expect(norm(actual.stderr), `${run.name} ${i}`).toMatch(refused);
        } else {
          expect(norm(actual.stderr), `${run.name} ${i}`).toBe(norm(expected.stderr));
        }
        expect(actual.code).toBe(expected.code);
      }
    }
  }, 300000);

  it('maxclients counts TLS clients and refuses the next with Redis error', async () => {
    const s = await start('cinnabar', ['--maxclients', '2']);
    const a = await open(s.port, withClientCert());
    const b = await open(s.port, withClientCert());
    expect(await call(a, ['PING'])).toBe('+PONG\r\n');
    expect(await call(b, ['PING'])).toBe('+PONG\r\n');
    const c = await open(s.port, withClientCert());
    const got = await new Promise<string>((resolve) => {
      let out = '';
      c.on('data', (d) => (out += d));
      c.on('close', () => resolve(out));
      c.on('error', () => resolve(out));
    });
    expect(got).toBe('-ERR max number of clients reached\r\n');
    expect(await call(a, ['INFO', 'stats'])).toMatch(/rejected_connections:1\r\n/);
  });

  it('the idle timeout and the query buffer limit apply to TLS clients', async () => {
    const s = await start('cinnabar', ['--timeout', '1', '--client-query-buffer-limit', '1mb']);
    const idle = await open(s.port, withClientCert());
    const sub = await open(s.port, withClientCert());
    expect(await call(sub, ['SUBSCRIBE', 'ch'])).toBe('*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n');
    const idleClosed = new Promise<boolean>((resolve) => {
      idle.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 5000);
    });
    expect(await idleClosed).toBe(true);
    expect(sub.destroyed).toBe(false);
    const big = await open(s.port, withClientCert());
    const bigClosed = new Promise<boolean>((resolve) => {
      big.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 5000);
    });
    big.write(`*2\r\n$3\r\nGET\r\n$${5 * 1024 * 1024}\r\n`);
    big.write(Buffer.alloc(2 * 1024 * 1024, 120));
    expect(await bigClosed).toBe(true);
  });

  it('a TLS client that pipelines without reading is disconnected at the output buffer limit', async () => {
    const s = await start('cinnabar', ['--client-output-buffer-limit', 'normal 4mb 0 0']);
    const admin = await open(s.port, withClientCert());
    const values = Array.from({ length: 1000 }, (_, i) => `value-${i}`);
    expect(await call(admin, ['RPUSH', 'biglist', ...values])).toBe(':1000\r\n');
    const hog = await open(s.port, withClientCert());
    hog.pause();
    const closed = new Promise<boolean>((resolve) => {
      hog.on('close', () => resolve(true));
      setTimeout(() => resolve(false), 20000);
    });
    const req = encodeCommand(['LRANGE', 'biglist', '0', '-1']);
    const batch = Buffer.concat(Array.from({ length: 2000 }, () => req));
    // At most 100 batches (200k commands); the server closes the connection long before.
    for (let i = 0; i < 100 && !hog.destroyed; i++) {
      if (!hog.write(batch)) await new Promise((r) => setTimeout(r, 20));
    }
    expect(await closed).toBe(true);
    expect(await call(admin, ['INFO', 'clients'])).toMatch(/connected_clients:1\r\n/);
    expect(s.output()).toMatch(/scheduled to be closed ASAP for overcoming of output buffer limits/);
  }, 60000);
});
