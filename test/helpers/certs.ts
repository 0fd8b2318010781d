// Self-made certificates for TLS tests, made with the openssl CLI: a CA, a server certificate for
// 127.0.0.1/localhost and a client certificate signed by it, a second CA with its own client (a
// certificate the first CA does not vouch for), the server key encrypted with a pass phrase, DH
// parameters, and a CA directory holding the CA under its subject-hash name as OpenSSL's CApath expects.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function openssl(dir: string, args: string[]): string {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export interface Certs {
  dir: string;
  /** A file of `dir`. */
  f(name: string): string;
}

/**
 * Writes into `dir`: ca.crt/key, server.crt/key (SAN localhost and 127.0.0.1), client.crt/key,
 * other-ca.crt/key and other-client.crt/key, server-enc.key (pass phrase "sekrit"), dh.pem and
 * cadir/<hash>.0.
 */
export function makeCertificates(dir: string): Certs {
  const ca = (name: string, cn: string) =>
    openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${cn}`]);
  ca('ca', 'Cinnabar Test CA');
  ca('other-ca', 'Cinnabar Other CA');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  for (const [who, signer] of [['server', 'ca'], ['client', 'ca'], ['other-client', 'other-ca']]) {
    openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`]);
    const ext = who === 'server' ? ['-extfile', 'server.ext'] : [];
    openssl(dir, ['x509', '-req', '-in', `${who}.csr`, '-CA', `${signer}.crt`, '-CAkey', `${signer}.key`, '-CAcreateserial', '-out', `${who}.crt`, '-days', '2', ...ext]);
  }
  openssl(dir, ['pkey', '-in', 'server.key', '-aes256', '-passout', 'pass:sekrit', '-out', 'server-enc.key']);
  openssl(dir, ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', 'dh.pem']);
  const hash = openssl(dir, ['x509', '-in', 'ca.crt', '-noout', '-subject_hash']).trim();
  mkdirSync(join(dir, 'cadir'), { recursive: true });
  copyFileSync(join(dir, 'ca.crt'), join(dir, 'cadir', `${hash}.0`));
  return { dir, f: (name) => join(dir, name) };
}
