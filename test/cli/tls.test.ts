// TLS: redis-server speaks plain TCP here, so the test puts a small Node TLS-terminating proxy in
// front of it, with a CA, server and client certificates made by the openssl CLI. redis-cli and
// `cinnabar cli` connect through the proxy with the same options; their output must match.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect as netConnect, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../helpers/servers.js';
import { runOurs, runRedisCli, startTarget } from './harness.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function openssl(dir: string, args: string[]): void {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

/** A CA, a server certificate for 127.0.0.1/localhost and a client certificate, all signed by the CA. */
function makeCertificates(dir: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Cinnabar Test CA']);
  for (const who of ['server', 'client']) {
    openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`]);
  }
  spawnSync('sh', ['-c', "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > server.ext"], { cwd: dir });
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext']);
  openssl(dir, ['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2']);
}

/** Terminates TLS and forwards the bytes to `targetPort`; with `requireClientCert`, the client must present a certificate. */
function startProxy(dir: string, targetPort: number, requireClientCert: boolean): Promise<{ server: Server; port: number }> {
  const server = createTlsServer(
    {
      key: readFileSync(join(dir, 'server.key')),
      cert: readFileSync(join(dir, 'server.crt')),
      ca: readFileSync(join(dir, 'ca.crt')),
      requestCert: requireClientCert,
      rejectUnauthorized: requireClientCert,
    },
    (tlsSocket) => {
      const upstream = netConnect(targetPort, '127.0.0.1');
      tlsSocket.pipe(upstream);
      upstream.pipe(tlsSocket);
      const end = () => {
        tlsSocket.destroy();
        upstream.destroy();
      };
      tlsSocket.on('error', end);
      upstream.on('error', end);
      tlsSocket.on('close', end);
      upstream.on('close', end);
    },
  );
  server.on('tlsClientError', () => {});
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

describe.runIf(hasOpenssl)('cli over TLS vs redis-cli', () => {
  let dir: string;
  let redis: RunningServer;
  let plain: { server: Server; port: number };
  let mutual: { server: Server; port: number };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-tls-'));
    makeCertificates(dir);
    redis = await startTarget('redis');
    plain = await startProxy(dir, redis.port, false);
    mutual = await startProxy(dir, redis.port, true);
  }, 60000);
  afterAll(async () => {
    plain?.server.close();
    mutual?.server.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const f = (name: string) => join(dir, name);
  const cases: Array<{ name: string; args: () => string[] }> = [
    { name: '--cacert verifies the server', args: () => ['--tls', '--cacert', f('ca.crt'), '-p', String(plain.port), 'ping'] },
    { name: 'a command with a reply over TLS', args: () => ['--tls', '--cacert', f('ca.crt'), '-p', String(plain.port), 'echo', 'over tls'] },
    { name: 'an unknown CA fails verification', args: () => ['--tls', '-p', String(plain.port), 'ping'] },
    { name: '--insecure skips verification', args: () => ['--tls', '--insecure', '-p', String(plain.port), 'ping'] },
    { name: '--sni is sent, host names are not checked', args: () => ['--tls', '--cacert', f('ca.crt'), '--sni', 'elsewhere', '-p', String(plain.port), 'ping'] },
    { name: 'a missing CA file', args: () => ['--tls', '--cacert', f('none.crt'), '-p', String(plain.port), 'ping'] },
    { name: '--cacertdir without hashed names', args: () => ['--tls', '--cacertdir', dir, '-p', String(plain.port), 'ping'] },
    { name: 'client certificate accepted', args: () => ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key'), '-p', String(mutual.port), 'ping'] },
    { name: 'client certificate required but missing', args: () => ['--tls', '--cacert', f('ca.crt'), '-p', String(mutual.port), 'ping'] },
    { name: 'a missing client certificate file', args: () => ['--tls', '--cacert', f('ca.crt'), '--cert', f('none.crt'), '--key', f('client.key'), '-p', String(mutual.port), 'ping'] },
    { name: 'a key that does not match the certificate', args: () => ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('server.key'), '-p', String(mutual.port), 'ping'] },
    { name: 'plain text to a TLS port', args: () => ['-p', String(plain.port), 'ping'] },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      // A plain-text client on a TLS port waits forever for a reply; both are stopped after a while.
      const timeoutMs = c.name.startsWith('plain') ? 8000 : 30000;
      const expected = await runRedisCli(c.args(), { timeoutMs });
      const actual = await runOurs(c.args(), { timeoutMs });
      expect(actual.stdout.toString()).toBe(expected.stdout.toString());
      expect(actual.stderr.toString()).toBe(expected.stderr.toString());
      expect(actual.code).toBe(expected.code);
    }, 60000);
  }

  it('-u rediss:// turns TLS on', async () => {
    const r = await runOurs(['--cacert', f('ca.crt'), '-u', `rediss://127.0.0.1:${plain.port}`, 'ping']);
    expect(r.stdout.toString()).toBe('PONG\n');
    expect(r.code).toBe(0);
  }, 30000);
});
