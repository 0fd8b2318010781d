// tls.ts without sockets: tls-protocols parsing, and building the context from the directives with the
// warning Redis logs for each kind of bad setting. Certificates come from the openssl CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants } from 'node:crypto';
import { buildTlsContext, parseProtocols, TlsService } from './tls.js';
import { Config } from './config.js';
import { hasOpenssl, makeCertificates, type Certs } from '../../test/helpers/certs.js';

describe('parseProtocols', () => {
  it('defaults to TLSv1.2 and TLSv1.3', () => {
    expect(parseProtocols('')).toEqual({ min: 'TLSv1.2', max: 'TLSv1.3', secureOptions: 0 });
  });
  it('takes names in any case and order, one or several', () => {
    expect(parseProtocols('tlsv1.3')).toEqual({ min: 'TLSv1.3', max: 'TLSv1.3', secureOptions: 0 });
    expect(parseProtocols('TLSv1.3  TLSv1.2')).toEqual({ min: 'TLSv1.2', max: 'TLSv1.3', secureOptions: 0 });
  });
  it('turns a gap in the range into a "no" option', () => {
    expect(parseProtocols('TLSv1 TLSv1.2')).toEqual({ min: 'TLSv1', max: 'TLSv1.2', secureOptions: constants.SSL_OP_NO_TLSv1_1 });
  });
  it('refuses unknown names', () => {
    expect(parseProtocols('TLSv1.2 SSLv3')).toBeNull();
    expect(parseProtocols('TLSv1.4')).toBeNull();
  });
});

describe('Config.setMany (CONFIG SET of several directives)', () => {
  it('runs each listener once after all values are in, and on failure gives every listener its old value back', () => {
    const config = new Config();
    const seen: string[] = [];
    config.onChange('hz', (n, v) => (seen.push(`${n}=${v}`), null));
    const both = (n: string) => (seen.push(`both:${n}:${config.get('maxclients')}:${config.get('timeout')}`), null);
    config.onChange('maxclients', both);
    config.onChange('timeout', both);
    expect(config.setMany([['hz', '20'], ['maxclients', '50'], ['timeout', '7']])).toBeNull();
    expect(seen).toEqual(['hz=20', 'both:maxclients:50:7']);
    seen.length = 0;
    config.onChange('slowlog-max-len', () => 'refused');
    expect(config.setMany([['hz', '30'], ['slowlog-max-len', '5']])).toEqual(['slowlog-max-len', 'refused']);
    expect(seen).toEqual(['hz=30', 'hz=20']);
    expect(config.get('hz')).toBe('20');
    expect(config.setMany([['hz', '40'], ['timeout', 'x']])).toEqual(['timeout', "argument couldn't be parsed into an integer"]);
    expect(config.get('hz')).toBe('20');
  });
});

describe.runIf(hasOpenssl)('buildTlsContext', () => {
  let certs: Certs;
  beforeAll(() => {
    certs = makeCertificates(mkdtempSync(join(tmpdir(), 'tls-unit-')));
  }, 60000);
  afterAll(() => rmSync(certs.dir, { recursive: true, force: true }));

  function build(directives: Record<string, string>): { ok: boolean; logs: string[] } {
    const config = new Config();
    for (const [k, v] of Object.entries(directives)) config.setRaw(k, v);
    const logs: string[] = [];
    const ctx = buildTlsContext(config, (_level, msg) => logs.push(msg));
    return { ok: ctx !== null, logs };
  }
  const base = () => ({ 'tls-cert-file': certs.f('server.crt'), 'tls-key-file': certs.f('server.key'), 'tls-ca-cert-file': certs.f('ca.crt') });

  it('builds from a certificate, a key and a CA', () => {
    expect(build(base())).toEqual({ ok: true, logs: [] });
  });

  it('needs a certificate, a key, and a CA while clients must authenticate', () => {
    expect(build({}).logs).toEqual(['No tls-cert-file configured!']);
    expect(build({ 'tls-cert-file': certs.f('server.crt') }).logs).toEqual(['No tls-key-file configured!']);
    const noCa = { ...base(), 'tls-ca-cert-file': '' };
    expect(build(noCa).logs[0]).toMatch(/^Either tls-ca-cert-file or tls-ca-cert-dir must be specified/);
    expect(build({ ...noCa, 'tls-auth-clients': 'no' }).ok).toBe(true);
    expect(build({ ...noCa, 'tls-auth-clients': 'no', 'tls-replication': 'yes' }).ok).toBe(false);
  });

  it('names the file and the OpenSSL reason', () => {
    expect(build({ ...base(), 'tls-cert-file': certs.f('missing.crt') }).logs).toEqual([
      `Failed to load certificate: ${certs.f('missing.crt')}: error:80000002:system library::No such file or directory`,
    ]);
    expect(build({ ...base(), 'tls-cert-file': certs.f('server.key') }).logs[0]).toMatch(/^Failed to load certificate: .*server\.key: error:/);
    expect(build({ ...base(), 'tls-key-file': certs.f('client.key') }).logs[0]).toMatch(/^Failed to load private key: .*client\.key: error:.*key values mismatch/);
    expect(build({ ...base(), 'tls-ca-cert-file': certs.f('missing.crt') }).logs[0]).toBe(
      'Failed to configure CA certificate(s) file/directory: error:80000002:system library::No such file or directory',
    );
  });

  it('an encrypted key needs its pass phrase', () => {
    expect(build({ ...base(), 'tls-key-file': certs.f('server-enc.key') }).ok).toBe(false);
    expect(build({ ...base(), 'tls-key-file': certs.f('server-enc.key'), 'tls-key-file-pass': 'wrong' }).ok).toBe(false);
    expect(build({ ...base(), 'tls-key-file': certs.f('server-enc.key'), 'tls-key-file-pass': 'sekrit' }).ok).toBe(true);
  });

  it('checks ciphers, suites and DH parameters', () => {
    expect(build({ ...base(), 'tls-ciphers': 'NOPE' }).logs).toEqual(['Failed to configure ciphers: NOPE']);
    expect(build({ ...base(), 'tls-ciphersuites': 'ECDHE-RSA-AES128-GCM-SHA256' }).logs).toEqual(['Failed to configure ciphersuites: ECDHE-RSA-AES128-GCM-SHA256']);
    expect(build({ ...base(), 'tls-ciphers': 'ECDHE-RSA-AES128-GCM-SHA256:HIGH', 'tls-ciphersuites': 'TLS_AES_128_GCM_SHA256' }).ok).toBe(true);
    expect(build({ ...base(), 'tls-dh-params-file': certs.f('missing.pem') }).logs).toEqual([`Failed to load ${certs.f('missing.pem')}: No such file or directory`]);
    expect(build({ ...base(), 'tls-dh-params-file': certs.f('ca.crt') }).logs).toEqual([`${certs.f('ca.crt')}: failed to read DH params.`]);
    expect(build({ ...base(), 'tls-dh-params-file': certs.f('dh.pem') }).ok).toBe(true);
  });

  it('checks the client certificate when both of its files are set', () => {
    expect(build({ ...base(), 'tls-client-cert-file': certs.f('client.crt'), 'tls-client-key-file': certs.f('client.key') }).ok).toBe(true);
    expect(build({ ...base(), 'tls-client-cert-file': certs.f('client.crt'), 'tls-client-key-file': certs.f('server.key') }).ok).toBe(false);
    expect(build({ ...base(), 'tls-client-cert-file': certs.f('missing.crt') }).ok).toBe(true);
  });

  it('CONFIG SET keeps the old context when the new one fails, and changes nothing while TLS is off', () => {
    const config = new Config();
    const logs: string[] = [];
    new TlsService(config, (_l, m) => logs.push(m));
    // TLS off: files are not looked at (Redis checks them once TLS is enabled).
    expect(config.set('tls-cert-file', certs.f('missing.crt'))).toBeNull();
    for (const [k, v] of Object.entries(base())) config.setRaw(k, v);
    config.setRaw('tls-port', '1');
    expect(config.set('tls-protocols', 'TLSv2')).toBe('Unable to update TLS configuration. Check server logs.');
    expect(config.get('tls-protocols')).toBe('');
    expect(logs.slice(-1)).toEqual(['Failed applying new configuration. Possibly related to new tls-protocols setting. Restoring previous settings.']);
    expect(config.setMany([['tls-cert-file', certs.f('other-client.crt')], ['tls-key-file', certs.f('other-client.key')]])).toBeNull();
    expect(config.setMany([['tls-cert-file', certs.f('client.crt')], ['tls-key-file', certs.f('server.key')]])).toEqual(['tls-cert-file', 'Unable to update TLS configuration. Check server logs.']);
    expect(config.get('tls-cert-file')).toBe(certs.f('other-client.crt'));
    expect(config.get('tls-key-file')).toBe(certs.f('other-client.key'));
  });
});
