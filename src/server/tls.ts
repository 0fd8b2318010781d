// TLS on the server side: turns the tls-* directives into a Node secure context the way Redis's tls.c
// builds its SSL_CTX (protocol set, TLS 1.2 ciphers and TLS 1.3 suites, CA file or directory, DH
// parameters, session cache, client certificates), opens the TLS listeners, and rebuilds the context
// for new connections when CONFIG SET changes a directive. Accepted sockets are handed to the server
// after the handshake and then go through the same client and parser machinery as plain TCP.
// Counterpart: Redis's tls.c (tlsConfigure, createSSLContext) and applyTlsCfg in config.c.
import { createServer as createTlsServer, createSecureContext, DEFAULT_CIPHERS, type SecureContextOptions, type Server as TlsServer, type TLSSocket } from 'node:tls';
import { constants } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type TlsAuthClients = 'no' | 'yes' | 'optional';

interface ConfigLike {
  get(name: string): string | undefined;
  getNumber(name: string): number;
  getBool(name: string): boolean;
  onChange(name: string, fn: (name: string, value: string) => string | null): void;
}

type Log = (level: 'debug' | 'verbose' | 'notice' | 'warning', msg: string) => void;

/** What a successful configure produced: the server context's options (files already read). */
export interface TlsContextOptions extends SecureContextOptions {
  honorCipherOrder: boolean;
  sessionTimeout?: number;
}

const PROTOCOLS: Array<[string, 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3', number]> = [
  ['tlsv1', 'TLSv1', constants.SSL_OP_NO_TLSv1],
  ['tlsv1.1', 'TLSv1.1', constants.SSL_OP_NO_TLSv1_1],
  ['tlsv1.2', 'TLSv1.2', constants.SSL_OP_NO_TLSv1_2],
  ['tlsv1.3', 'TLSv1.3', constants.SSL_OP_NO_TLSv1_3],
];

/**
 * tls-protocols as a version range plus "no" options for holes in it (e.g. "TLSv1 TLSv1.2"), or null
 * when a name is unknown. Empty means Redis's default, TLSv1.2 and TLSv1.3.
 */
export function parseProtocols(text: string): { min: string; max: string; secureOptions: number } | null {
  const words = text.split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return { min: 'TLSv1.2', max: 'TLSv1.3', secureOptions: 0 };
  const on = new Set<number>();
  for (const w of words) {
    const i = PROTOCOLS.findIndex((p) => p[0] === w.toLowerCase());
    if (i < 0) return null;
    on.add(i);
  }
  const idx = [...on].sort();
  const lo = idx[0];
  const hi = idx[idx.length - 1];
  let secureOptions = 0;
  for (let i = lo; i <= hi; i++) if (!on.has(i)) secureOptions |= PROTOCOLS[i][2];
  return { min: PROTOCOLS[lo][1], max: PROTOCOLS[hi][1], secureOptions };
}

const DEFAULT_SUITES = DEFAULT_CIPHERS.split(':').filter((c) => c.startsWith('TLS_')).join(':');
const DEFAULT_LIST = DEFAULT_CIPHERS.split(':').filter((c) => !c.startsWith('TLS_')).join(':');

const STRERROR: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
};

/** An error in OpenSSL's one-line form, which Redis logs (system errors as OpenSSL words them). */
function sslText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const sys = e.code !== undefined ? STRERROR[e.code] : undefined;
  if (sys !== undefined) return `error:${(0x80000000 + sys[0]).toString(16).toUpperCase()}:system library::${sys[1]}`;
  return e.message ?? String(err);
}

function strerror(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const sys = e.code !== undefined ? STRERROR[e.code] : undefined;
  return sys !== undefined ? sys[1] : (e.message ?? String(err));
}

/** Every PEM certificate in a CA directory (OpenSSL's CApath holds hashed links to such files). */
function readCaDir(dir: string): Buffer[] {
  const out: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      const data = readFileSync(path);
      if (data.includes('-----BEGIN CERTIFICATE-----')) out.push(data);
    } catch {
      // unreadable entries are skipped, as OpenSSL skips them while looking up a hash
    }
  }
  return out;
}

/**
 * Builds and checks the server context from the directives, logging Redis's warning for the first
 * problem; null when TLS can't be configured. Each step is checked on its own so the log names the
 * part that failed, as createSSLContext does.
 */
export function buildTlsContext(config: ConfigLike, log: Log): TlsContextOptions | null {
  const cert = config.get('tls-cert-file') ?? '';
  const key = config.get('tls-key-file') ?? '';
  const auth = (config.get('tls-auth-clients') ?? 'yes') as TlsAuthClients;
  const caFile = config.get('tls-ca-cert-file') ?? '';
  const caDir = config.get('tls-ca-cert-dir') ?? '';
  if (cert === '') {
    log('warning', 'No tls-cert-file configured!');
    return null;
  }
  if (key === '') {
    log('warning', 'No tls-key-file configured!');
    return null;
  }
  if ((auth !== 'no' || config.getBool('tls-cluster') || config.getBool('tls-replication')) && caFile === '' && caDir === '') {
    log('warning', 'Either tls-ca-cert-file or tls-ca-cert-dir must be specified when tls-cluster, tls-replication or tls-auth-clients are enabled!');
    return null;
  }
  const protocols = parseProtocols(config.get('tls-protocols') ?? '');
  if (protocols === null) {
    log('warning', "Invalid tls-protocols specified. Use a combination of 'TLSv1', 'TLSv1.1', 'TLSv1.2' and 'TLSv1.3'.");
    return null;
  }
  const server = contextFor(config, log, false, protocols);
  if (server === null) return null;
  // The client side (outgoing links later) is checked too when both of its files are set.
  if ((config.get('tls-client-cert-file') ?? '') !== '' && (config.get('tls-client-key-file') ?? '') !== '') {
    if (contextFor(config, log, true, protocols) === null) return null;
  }
  return server;
}

function contextFor(config: ConfigLike, log: Log, client: boolean, protocols: { min: string; max: string; secureOptions: number }): TlsContextOptions | null {
  const certFile = config.get(client ? 'tls-client-cert-file' : 'tls-cert-file')!;
  const keyFile = config.get(client ? 'tls-client-key-file' : 'tls-key-file')!;
  const pass = config.get(client ? 'tls-client-key-file-pass' : 'tls-key-file-pass') ?? '';
  const caFile = config.get('tls-ca-cert-file') ?? '';
  const caDir = config.get('tls-ca-cert-dir') ?? '';
  const opts: TlsContextOptions = {
    minVersion: protocols.min as TlsContextOptions['minVersion'],
    maxVersion: protocols.max as TlsContextOptions['maxVersion'],
    secureOptions: protocols.secureOptions,
    honorCipherOrder: config.getBool('tls-prefer-server-ciphers'),
  };
  try {
    opts.cert = readFileSync(certFile);
    createSecureContext({ cert: opts.cert });
  } catch (e) {
    log('warning', `Failed to load certificate: ${certFile}: ${sslText(e)}`);
    return null;
  }
  try {
    opts.key = readFileSync(keyFile);
    if (pass !== '') opts.passphrase = pass;
    createSecureContext({ cert: opts.cert, key: opts.key, passphrase: opts.passphrase });
  } catch (e) {
    log('warning', `Failed to load private key: ${keyFile}: ${sslText(e)}`);
    return null;
  }
  if (caFile !== '' || caDir !== '') {
    try {
      const ca: Buffer[] = [];
      if (caFile !== '') ca.push(readFileSync(caFile));
      if (caDir !== '') ca.push(...readCaDir(caDir));
      opts.ca = ca;
      createSecureContext({ ca });
    } catch (e) {
      log('warning', `Failed to configure CA certificate(s) file/directory: ${sslText(e)}`);
      return null;
    }
  }
  // Node takes TLS 1.2 ciphers and TLS 1.3 suites in one list (TLS_ names are suites); each directive
  // replaces only its own half, the other keeping its default.
  const ciphers = config.get('tls-ciphers') ?? '';
  const suites = config.get('tls-ciphersuites') ?? '';
  if (ciphers !== '') {
    try {
      createSecureContext({ ciphers: ciphers.split(':').filter((c) => !c.startsWith('TLS_')).join(':') || '!ALL' });
      createSecureContext({ ciphers: `${DEFAULT_SUITES}:${ciphers}` });
    } catch {
      log('warning', `Failed to configure ciphers: ${ciphers}`);
      return null;
    }
  }
  if (suites !== '') {
    try {
      if (!suites.split(':').every((s) => s.startsWith('TLS_'))) throw new Error('not a TLS 1.3 suite');
      createSecureContext({ ciphers: `${suites}:${DEFAULT_LIST}` });
    } catch {
      log('warning', `Failed to configure ciphersuites: ${suites}`);
      return null;
    }
  }
  opts.ciphers = `${suites || DEFAULT_SUITES}:${ciphers || DEFAULT_LIST}`;
  if (client) return opts;
  if (!config.getBool('tls-session-caching')) opts.secureOptions! |= constants.SSL_OP_NO_TICKET;
  else opts.sessionTimeout = config.getNumber('tls-session-cache-timeout');
  const dh = config.get('tls-dh-params-file') ?? '';
  if (dh !== '') {
    let data: Buffer;
    try {
      data = readFileSync(dh);
    } catch (e) {
      log('warning', `Failed to load ${dh}: ${strerror(e)}`);
      return null;
    }
    try {
      if (!data.includes('-----BEGIN DH PARAMETERS-----')) throw new Error('no DH parameters');
      createSecureContext({ dhparam: data });
    } catch {
      log('warning', `${dh}: failed to read DH params.`);
      return null;
    }
    opts.dhparam = data;
  } else {
    opts.dhparam = 'auto';
  }
  return opts;
}

/** The directives whose change rebuilds the context (Redis's applyTlsCfg); tls-auth-clients applies per connection. */
const CONTEXT_DIRECTIVES = [
  'tls-cert-file', 'tls-key-file', 'tls-key-file-pass', 'tls-client-cert-file', 'tls-client-key-file',
  'tls-client-key-file-pass', 'tls-dh-params-file', 'tls-ca-cert-file', 'tls-ca-cert-dir', 'tls-protocols',
  'tls-ciphers', 'tls-ciphersuites', 'tls-prefer-server-ciphers', 'tls-session-caching', 'tls-session-cache-size',
  'tls-session-cache-timeout', 'tls-replication', 'tls-cluster',
];

/** A bounded session-ID cache (tls-session-cache-size; 0 = unlimited) for clients that resume by ID. */
class SessionCache {
  private readonly byId = new Map<string, { data: Buffer; until: number }>();
  constructor(private readonly config: ConfigLike) {}

  put(id: Buffer, data: Buffer): void {
    const max = this.config.getNumber('tls-session-cache-size');
    const k = id.toString('hex');
    this.byId.delete(k);
    this.byId.set(k, { data, until: Date.now() + this.config.getNumber('tls-session-cache-timeout') * 1000 });
    if (max > 0) while (this.byId.size > max) this.byId.delete(this.byId.keys().next().value as string);
  }

  get(id: Buffer): Buffer | null {
    const k = id.toString('hex');
    const e = this.byId.get(k);
    if (e === undefined) return null;
    if (e.until < Date.now()) {
      this.byId.delete(k);
      return null;
    }
    return e.data;
  }

  clear(): void {
    this.byId.clear();
  }
}

/** The TLS side of the server: the current context, the listeners, and reloads on CONFIG SET. */
export class TlsService {
  private ctx: TlsContextOptions | null = null;
  private readonly servers: TlsServer[] = [];
  private readonly sessions: SessionCache;

  constructor(
    private readonly config: ConfigLike,
    private readonly log: Log,
  ) {
    this.sessions = new SessionCache(config);
    // One listener for all of them, so a CONFIG SET of several rebuilds the context once.
    const apply = (name: string) => this.reconfigure(name);
    for (const name of CONTEXT_DIRECTIVES) config.onChange(name, apply);
    config.onChange('tls-auth-clients', () => {
      for (const s of this.servers) this.applyAuthMode(s);
      return null;
    });
  }

  /** Is TLS in use (a TLS port, or TLS for replication or the cluster bus)? */
  get wanted(): boolean {
    return this.config.getNumber('tls-port') !== 0 || this.config.getBool('tls-replication') || this.config.getBool('tls-cluster');
  }

  /** Start-up: builds the context when TLS is in use; false after logging why it can't be. */
  configure(): boolean {
    if (!this.wanted) return true;
    this.ctx = buildTlsContext(this.config, this.log);
    return this.ctx !== null;
  }

  /** CONFIG SET of a context directive: rebuild for new connections, or refuse and keep the old one. */
  private reconfigure(name: string): string | null {
    if (!this.wanted) return null;
    const ctx = buildTlsContext(this.config, this.log);
    if (ctx === null) {
      this.log('warning', `Failed applying new configuration. Possibly related to new ${name} setting. Restoring previous settings.`);
      return 'Unable to update TLS configuration. Check server logs.';
    }
    this.ctx = ctx;
    this.sessions.clear();
    for (const s of this.servers) {
      s.setSecureContext(ctx);
      this.applyAuthMode(s);
    }
    return null;
  }

  private applyAuthMode(s: TlsServer): void {
    // Read by Node for every new connection of this listener. The certificate is judged after the
    // handshake (see refuse), never by Node's own rejection.
    const m = s as unknown as { requestCert: boolean; rejectUnauthorized: boolean };
    m.requestCert = this.config.get('tls-auth-clients') !== 'no';
    m.rejectUnauthorized = false;
  }

  /**
   * Should this connection's client certificate keep it out? yes: a verified certificate is required;
   * optional: none is fine, but one that is sent must verify.
   */
  private refused(s: TLSSocket): boolean {
    if (s.authorized) return false;
    const mode = this.config.get('tls-auth-clients') as TlsAuthClients;
    if (mode === 'no') return false;
    if (mode === 'optional') {
      const peer = s.getPeerCertificate();
      return peer !== null && peer !== undefined && Object.keys(peer).length > 0;
    }
    return true;
  }

  /**
   * Closes a refused connection with close_notify and a FIN, reading (and dropping) what the client
   * already sent: a client that wrote its first request sees "Server closed the connection", as with
   * redis-server, instead of a reset that kills it with SIGPIPE mid-write.
   */
  private refuse(s: TLSSocket): void {
    this.log('verbose', `Error accepting a client connection: ${String(s.authorizationError ?? 'peer did not return a certificate')}`);
    s.on('data', () => {});
    s.on('error', () => {});
    s.end();
    setTimeout(() => s.destroy(), 1000).unref();
  }

  /** Opens one TLS listener; `accept` gets each connection once its handshake (and client check) passed. */
  listen(opts: { host: string; port: number; ipv6Only: boolean; backlog: number }, accept: (s: TLSSocket) => void): Promise<TlsServer> {
    if (this.ctx === null && !this.configure()) return Promise.reject(new Error('TLS is not configured'));
    const srv = createTlsServer({ ...this.ctx!, noDelay: true, handshakeTimeout: 10000 } as Parameters<typeof createTlsServer>[0]);
    this.applyAuthMode(srv);
    srv.on('secureConnection', (s: TLSSocket) => {
      if (this.refused(s)) this.refuse(s);
      else accept(s);
    });
    srv.on('tlsClientError', (err, s) => {
      this.log('verbose', `Error accepting a client connection: ${err.message}${s.remoteAddress ? ` (addr=${s.remoteAddress}:${s.remotePort})` : ''}`);
      s.destroy();
    });
    srv.on('newSession', (id: Buffer, data: Buffer, done: () => void) => {
      if (this.config.getBool('tls-session-caching')) this.sessions.put(id, data);
      done();
    });
    srv.on('resumeSession', (id: Buffer, done: (err: Error | null, data: Buffer | null) => void) => {
      done(null, this.config.getBool('tls-session-caching') ? this.sessions.get(id) : null);
    });
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen({ host: opts.host, port: opts.port, ipv6Only: opts.ipv6Only, backlog: opts.backlog }, () => {
        srv.off('error', reject);
        srv.on('error', (e) => this.log('warning', `TLS listener error: ${e.message}`));
        this.servers.push(srv);
        resolve(srv);
      });
    });
  }

  close(): Promise<void> {
    const all = this.servers.splice(0);
    return Promise.all(all.map((s) => new Promise((r) => s.close(() => r(null))))).then(() => undefined);
  }
}
