#!/usr/bin/env node
// TLS throughput: redis-benchmark --tls (PING, SET, GET; -c 50, unpipelined and -P 16) against cinnabar
// and redis-server, each with a TLS port beside its plain one, alternating, medians of rounds; the plain
// port is measured in the same rounds so the TLS cost shows next to the plain ratio. Certificates are
// made with the openssl CLI. Never part of `npm test`.
//
// Options: --rounds N (default 3), --requests N (default 100000; -P 16 uses 5x), --no-build, --quick,
// --out FILE (default test/bench/results-tls.md; "-" for none).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, build, freePort, log, median, startServer } from './lib.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
};
const QUICK = flag('quick');
const ROUNDS = Number(opt('rounds', QUICK ? 1 : 3));
const REQUESTS = Number(opt('requests', QUICK ? 20000 : 100000));
const OUT = opt('out', join(ROOT, 'test', 'bench', 'results-tls.md'));

function openssl(dir, args) {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

function makeCertificates(dir) {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Bench CA']);
  for (const who of ['server', 'client']) {
    openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`]);
    openssl(dir, ['x509', '-req', '-in', `${who}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${who}.crt`, '-days', '2']);
  }
}

/** redis-benchmark -t tests, CSV; returns { test: rps }. */
function bench(port, tlsFlags, pipeline) {
  const n = pipeline > 1 ? REQUESTS * 5 : REQUESTS;
  const args = ['-h', '127.0.0.1', '-p', String(port), ...tlsFlags, '-c', '50', '-n', String(n), '-P', String(pipeline), '-t', 'ping,set,get', '--csv'];
  const r = spawnSync('redis-benchmark', args, { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`redis-benchmark failed (${r.status}): ${r.stderr}`);
  const out = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^"([^"]+)","([\d.]+)"/.exec(line);
    if (m && m[1] !== 'test') out[m[1]] = Number(m[2]);
  }
  return out;
}

if (!flag('no-build')) build();
const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
makeCertificates(dir);
const f = (name) => join(dir, name);
const tlsFlags = ['--tls', '--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key')];

const servers = {};
for (const kind of ['cinnabar', 'redis']) {
  const tlsPort = await freePort();
  const s = await startServer(kind, ['--tls-port', String(tlsPort), '--tls-cert-file', f('server.crt'), '--tls-key-file', f('server.key'), '--tls-ca-cert-file', f('ca.crt')]);
  servers[kind] = { ...s, tlsPort };
}

const samples = {}; // key `${transport} P${p} ${test} ${kind}` -> rps[]
for (let round = 0; round < ROUNDS; round++) {
  for (const pipeline of [1, 16]) {
    for (const transport of ['tls', 'plain']) {
      for (const kind of round % 2 ? ['redis', 'cinnabar'] : ['cinnabar', 'redis']) {
        const s = servers[kind];
        const res = transport === 'tls' ? bench(s.tlsPort, tlsFlags, pipeline) : bench(s.port, [], pipeline);
        for (const [test, rps] of Object.entries(res)) (samples[`${transport} P${pipeline} ${test} ${kind}`] ??= []).push(rps);
        log(`round ${round + 1} ${transport} -P ${pipeline} ${kind}: ${JSON.stringify(res)}`);
      }
    }
  }
}
for (const s of Object.values(servers)) await s.stop();
rmSync(dir, { recursive: true, force: true });

const rows = [];
for (const transport of ['tls', 'plain']) {
  for (const pipeline of [1, 16]) {
    for (const test of ['PING_INLINE', 'PING_MBULK', 'SET', 'GET']) {
      const c = median(samples[`${transport} P${pipeline} ${test} cinnabar`] ?? []);
      const r = median(samples[`${transport} P${pipeline} ${test} redis`] ?? []);
      if (Number.isNaN(c) || Number.isNaN(r)) continue;
      rows.push(`| ${transport} | ${pipeline} | ${test} | ${Math.round(c)} | ${Math.round(r)} | ${(c / r).toFixed(2)} |`);
    }
  }
}
const text = [
  '# TLS throughput (test/bench/tls.mjs)',
  '',
  `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.versions.node}; redis-benchmark -c 50,`,
  `${REQUESTS} requests (x5 at -P 16), medians of ${ROUNDS} round(s), servers alternating. TLS with client certificates (TLSv1.3).`,
  '',
  '| transport | -P | test | cinnabar req/s | redis req/s | cinnabar/redis |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
process.stdout.write(text);
if (OUT !== '-') writeFileSync(OUT, text);
