// One cli session: the connection (with redis-cli's messages on failure and reconnection), sending a
// command N times and printing its replies, the streaming modes (MONITOR, SUBSCRIBE) and the state the
// prompt shows (database, MULTI). Counterpart: cliConnect, cliSendCommand, cliReadReply and
// issueCommandRepeat in Redis's redis-cli.c.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext, type ConnectionOptions as TlsOptions } from 'node:tls';
import { connect, ConnectionError, type Client } from '../../client/client.js';
import { parseRedirect } from '../../client/redirect.js';
import type { ReplyNode } from '../../protocol/reply-decoder.js';
import { formatReply, utf8Bytes, type FormatSettings } from './format.js';
import { outputHelp } from './help.js';
import { tableFromBuiltin, tableFromCommandDocs, type HelpTable } from './help-table.js';
import type { CliOptions } from './options.js';
import type { CliIo } from './io.js';

class TlsSetupError extends Error {}

export type IssueResult = 'ok' | 'failed' | 'exit-error';

/** Commands whose reply is a human report printed as is, even on a terminal. */
function isReportCommand(argv: string[]): boolean {
  const [cmd, sub] = [argv[0]!.toLowerCase(), argv[1]?.toLowerCase()];
  const n = argv.length;
  if (cmd === 'info' || cmd === 'lolwut') return true;
  if (cmd === 'debug' && n >= 2) return sub === 'htstats' || sub === 'htstats-key' || sub === 'client-eviction';
  if (cmd === 'memory' && n >= 2) return sub === 'malloc-stats' || sub === 'doctor';
  if (cmd === 'cluster' && n === 2) return sub === 'nodes' || sub === 'info';
  if (cmd === 'client' && n >= 2) return sub === 'list' || sub === 'info';
  if (cmd === 'latency') return (n === 3 && sub === 'graph') || (n === 2 && sub === 'doctor');
  if (cmd === 'proxy' && n >= 2) return sub === 'info';
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** redis-cli follows redirections forever; a misconfigured cluster could bounce a command endlessly. */
const MAX_REDIRECTS = 16;

export class Session {
  client: Client | null = null;
  /** The database the prompt shows; `wantedDb` is re-selected on every reconnection. */
  db = 0;
  wantedDb: number;
  inMulti = false;
  private preMultiDb = 0;
  resp: 2 | 3;
  interactive = false;
  private help: HelpTable | null = null;
  /** Set while a streaming command (MONITOR, SUBSCRIBE) runs; calling it ends the stream. */
  stopStream: (() => void) | null = null;
  /** Set by Ctrl-C in the long-running modes (--stat, --latency...): they finish their current step and end. */
  stopped = false;
  /** RESP3 pushes (e.g. client-side caching invalidations) received since the last reply was printed. */
  private pendingPushes: ReplyNode[] = [];
  private streaming = false;
  /** Why the server closed the connection, when it did so by itself. */
  private lostReason: string | null = null;
  readonly fmt: FormatSettings;

  constructor(
    readonly opts: CliOptions,
    readonly io: CliIo,
  ) {
    this.wantedDb = opts.db;
    this.resp = opts.resp;
    this.fmt = {
      mode: opts.output ?? (io.stdout.isTTY ? 'standard' : 'raw'),
      mbDelim: opts.mbDelim,
      cmdDelim: opts.cmdDelim,
    };
  }

  get address(): string {
    return this.opts.socket ?? `${this.opts.host}:${this.opts.port}`;
  }

  prompt(): string {
    if (!this.client) return 'not connected> ';
    let p = this.opts.socket ? `redis ${this.opts.socket}` : formatAddr(this.opts.host, this.opts.port);
    if (this.db !== 0) p += `[${this.db}]`;
    if (this.inMulti) p += '(TX)';
    return p + '> ';
  }

  out(text: string): void {
    this.io.stdout.write(Buffer.from(text, 'latin1'));
  }

  /** Text that is not bytes (tables with box-drawing characters): written as UTF-8. */
  outText(text: string): void {
    this.io.stdout.write(text);
  }

  err(text: string): void {
    this.io.stderr.write(Buffer.from(text, 'latin1'));
  }

  /** Stdout is a terminal showing the formatted output: reports may add tables and colour there. */
  get richReports(): boolean {
    return Boolean(this.io.stdout.isTTY) && this.fmt.mode === 'standard';
  }

  get color(): boolean {
    return Boolean(this.io.stdout.isTTY) && this.io.env.NO_COLOR === undefined;
  }

  /**
   * Node TLS options from --tls, --cacert, --cacertdir, --cert, --key, --sni, --insecure and the cipher
   * lists; throws TlsSetupError with redis-cli's wording when a file is missing or does not fit.
   */
  tlsOptions(): TlsOptions | undefined {
    const t = this.opts.tls;
    if (!t.enabled) return undefined;
    // Like hiredis, the certificate chain is verified but not the host name.
    const o: TlsOptions = { rejectUnauthorized: !t.insecure, checkServerIdentity: () => undefined };
    const ca: Buffer[] = [];
    try {
      if (t.cacert) ca.push(readFileSync(t.cacert));
    } catch {
      throw new TlsSetupError('Invalid CA Certificate File/Directory');
    }
    if (t.cacertdir) {
      // OpenSSL looks certificates up by subject-hash file names (c_rehash); other files are not used.
      let names: string[] = [];
      try {
        names = readdirSync(t.cacertdir);
      } catch {
        names = [];
      }
      for (const f of names) if (/^[0-9a-f]{8}\.\d+$/.test(f)) ca.push(readFileSync(join(t.cacertdir, f)));
    }
    if (ca.length > 0) o.ca = ca;
    try {
      if (t.cert) o.cert = readFileSync(t.cert);
    } catch {
      throw new TlsSetupError('Invalid client certificate');
    }
    try {
      if (t.key) o.key = readFileSync(t.key);
    } catch {
      throw new TlsSetupError('Invalid private key');
    }
    if (t.ciphers) o.ciphers = t.ciphers;
    if (t.ciphersuites) o.ciphers = o.ciphers ? `${o.ciphers}:${t.ciphersuites}` : t.ciphersuites;
    if (t.sni) o.servername = t.sni;
    try {
      createSecureContext(o);
    } catch (err) {
      const m = (err as Error).message;
      if (/key|PEM/i.test(m) && o.key) throw new TlsSetupError('Invalid private key');
      if (o.cert) throw new TlsSetupError('Invalid client certificate');
      throw new TlsSetupError('Invalid CA Certificate File/Directory');
    }
    return o;
  }

  /** Connects unless already connected (or always with `force`); prints why when it cannot. */
  async connect(force = false, quiet = false): Promise<boolean> {
    if (this.client && this.client.connected && !force) return true;
    this.close();
    let client: Client;
    let tls: TlsOptions | undefined;
    try {
      tls = this.tlsOptions();
    } catch (err) {
      if (!(err instanceof TlsSetupError)) throw err;
      // redis-cli reports this twice (once while connecting, once from its caller).
      if (!quiet) this.err(`Could not negotiate a TLS connection: ${err.message}\n`.repeat(2));
      return false;
    }
    try {
      client = await connect({
        tls,
        host: this.opts.host,
        port: this.opts.port,
        path: this.opts.socket,
        user: this.opts.user,
        password: this.opts.password,
        db: this.wantedDb,
        resp: this.opts.resp === 3 ? 3 : undefined,
        strictHandshake: false,
      });
    } catch (err) {
      if (!(err instanceof ConnectionError)) throw err;
      if (!quiet) this.err(`Could not connect to Redis at ${this.address}: ${err.reason}\n`);
      return false;
    }
    this.db = 0;
    for (const h of client.handshake) {
      if (h.reply.type !== 'error') continue;
      const msg = utf8Bytes(h.reply.value);
      if (h.step === 'auth') this.err(`AUTH failed: ${msg}\n`);
      else if (h.step === 'select') this.err(`SELECT ${this.wantedDb} failed: ${msg}\n`);
      else if (h.step === 'hello') this.err(`HELLO 3 failed: ${msg}\n`);
    }
    this.db = client.db;
    this.resp = client.resp;
    this.client = client;
    this.lostReason = null;
    client.on('close', (err: ConnectionError) => {
      if (this.client === client) this.lostReason = err.reason;
    });
    client.on('push', (reply: ReplyNode) => {
      // Only RESP3 pushes: replies nobody waits for (--pipe, streams) are handled where they are expected.
      if (reply.type !== 'push') return;
      // A push decoded in the same chunk as a reply, after it, must print after it too: let the
      // reply's waiting code run first.
      queueMicrotask(() => {
        if (this.client === client && !this.streaming) this.pendingPushes.push(reply);
      });
    });
    return true;
  }

  close(): void {
    const c = this.client;
    this.client = null;
    this.lostReason = null;
    c?.destroy();
  }

  /** Help entries: the server's COMMAND DOCS when it answers, the built-in table otherwise. */
  async helpTable(): Promise<HelpTable> {
    if (this.help) return this.help;
    if (this.client?.connected) {
      try {
        const table = tableFromCommandDocs(await this.client.call(['COMMAND', 'DOCS']));
        if (table && table.commands.length > 0) return (this.help = table);
      } catch {
        // fall back to the built-in table below
      }
    }
    return (this.help = await tableFromBuiltin());
  }

  /** Runs a command `repeat` times (forever when negative), printing replies; `argv` holds byte strings. */
  async issue(argv: string[], repeat: number): Promise<IssueResult> {
    const name = argv[0]!.toLowerCase();
    if (name === 'help' || name === '?') {
      const color = Boolean(this.io.stdout.isTTY) && this.io.env.NO_COLOR === undefined;
      this.out(outputHelp(argv.slice(1), await this.helpTable(), color));
      return 'ok';
    }
    if (this.client && !this.client.connected && this.lostReason) {
      // The server went away while the prompt waited: redis-cli finds out on this send, reports it and
      // shows "not connected>"; the next command reconnects.
      this.err(`Error: ${this.lostReason}\n`);
      this.close();
      return 'failed';
    }
    if (!this.client?.connected) {
      if (!(await this.connect(true))) return 'failed';
    }
    const client = this.client!;
    const verbatim = isReportCommand(argv);
    const args = argv.map((a) => Buffer.from(a, 'latin1'));
    const streaming =
      name === 'monitor' || name === 'subscribe' || name === 'psubscribe' || name === 'ssubscribe' || name === 'sync' || name === 'psync';
    if (streaming) return this.stream(client, args, name, verbatim);
    return this.issueLoop(argv, args, name, repeat, verbatim, 0, false);
  }

  /** Sends ASKING then the command to the node an -ASK pointed at, or just reconnects after -MOVED. */
  private async followRedirect(message: string): Promise<'moved' | 'ask' | null> {
    const r = parseRedirect(message);
    if (!r) return null;
    if (r.host !== '') this.opts.host = r.host;
    this.opts.port = r.port;
    if (this.interactive) this.out(`-> Redirected to slot [${r.slot}] located at ${formatAddr(this.opts.host, this.opts.port)}\n`);
    return r.kind === 'ASK' ? 'ask' : 'moved';
  }

  private async issueLoop(
    argv: string[],
    args: Buffer[],
    name: string,
    repeat: number,
    verbatim: boolean,
    redirects: number,
    asking: boolean,
  ): Promise<IssueResult> {
    if (redirects > 0 || asking) {
      if (!(await this.connect(true))) return 'failed';
      if (asking) {
        try {
          await this.client!.call(['ASKING']);
        } catch (err) {
          if (!(err instanceof ConnectionError)) throw err;
          this.err(`Error: ${err.reason}\n`);
          this.close();
          return 'failed';
        }
      }
    }
    const client = this.client!;
    for (let left = repeat; left !== 0; left--) {
      let reply: ReplyNode;
      try {
        reply = await client.call(args);
      } catch (err) {
        if (!(err instanceof ConnectionError)) throw err;
        // The session dropped this connection on purpose (Ctrl-C, exit): nothing to report.
        if (this.client !== client) return 'failed';
        if (name === 'shutdown') {
          this.close();
          return 'ok';
        }
        this.err(`Error: ${err.reason}\n`);
        this.close();
        return 'failed';
      }
      // -c: a redirection is followed (the whole repeat starts over at the new node), not printed.
      if (this.opts.clusterMode && reply.type === 'error' && redirects < MAX_REDIRECTS) {
        const kind = await this.followRedirect(reply.value);
        if (kind) return this.issueLoop(argv, args, name, repeat, verbatim, redirects + 1, kind === 'ask');
      }
      if (this.opts.exitOnError && reply.type === 'error') {
        this.err(utf8Bytes(reply.value) + '\n');
        return 'exit-error';
      }
      this.printPushes();
      this.out(formatReply(reply, this.fmt, verbatim));
      this.afterReply(argv, name, reply);
      if (this.opts.interval > 0) await sleep(this.opts.interval * 1000);
    }
    return 'ok';
  }

  /**
   * One command for the long-running modes: when the connection is gone, retries once a second and
   * shows "Reconnecting... N" on the line, like redis-cli. Null when Ctrl-C ended the wait.
   */
  async reconnectingCall(argv: string[]): Promise<ReplyNode | null> {
    let tries = 0;
    for (;;) {
      while (!this.client?.connected) {
        if (this.stopped) return null;
        this.out(`\r\x1b[0KReconnecting... ${++tries}\r`);
        await this.connect(true, true);
        await sleep(1000);
      }
      try {
        const reply = await this.client.call(argv);
        if (tries > 0) this.out('\r\x1b[0K');
        return reply;
      } catch (err) {
        if (!(err instanceof ConnectionError)) throw err;
        this.close();
      }
    }
  }

  /** Tracks the state redis-cli shows in its prompt: SELECT, MULTI/EXEC/DISCARD, RESET. */
  private afterReply(argv: string[], name: string, reply: ReplyNode): void {
    const ok = reply.type !== 'error';
    if (argv.length !== 1 && name !== 'select') return;
    if (name === 'select' && argv.length === 2 && ok) {
      this.db = this.wantedDb = atoiBytes(argv[1]!);
    } else if (name === 'multi' && ok) {
      this.inMulti = true;
      this.preMultiDb = this.db;
    } else if (name === 'exec' && this.inMulti) {
      this.inMulti = false;
      if (reply.type === 'error' || reply.type === 'null') this.db = this.wantedDb = this.preMultiDb;
    } else if (name === 'discard' && ok) {
      this.inMulti = false;
      this.db = this.wantedDb = this.preMultiDb;
    } else if (name === 'reset' && ok) {
      this.inMulti = false;
      this.db = this.wantedDb = 0;
      this.resp = 2;
    }
  }

  /**
   * Pushes that arrived before a reply are printed before it (--show-pushes, on by default when stdout
   * is a terminal); an invalidation reads "-> invalidate: 'key'" on a terminal.
   */
  private printPushes(): void {
    if (this.pendingPushes.length === 0) return;
    const pushes = this.pendingPushes;
    this.pendingPushes = [];
    if (!(this.opts.showPushes ?? Boolean(this.io.stdout.isTTY))) return;
    for (const p of pushes) {
      const keys = invalidatedKeys(p);
      if (this.fmt.mode === 'standard' && keys) this.out(`-> invalidate: ${keys.map((k) => `'${k}'`).join(', ')}\n`);
      else this.out(formatReply(p, this.fmt, false));
    }
  }

  /** MONITOR, SUBSCRIBE and friends: print every reply until the connection ends or Ctrl-C. */
  private stream(client: Client, args: Buffer[], name: string, verbatim: boolean): Promise<IssueResult> {
    const isSubscribe = name.endsWith('subscribe');
    if (isSubscribe && this.fmt.mode !== 'raw') this.out('Reading messages... (press Ctrl-C to quit)\n');
    this.streaming = true;
    this.pendingPushes = [];
    return new Promise((resolve) => {
      let done = false;
      const finish = (r: IssueResult) => {
        if (done) return;
        done = true;
        this.streaming = false;
        client.off('push', onReply);
        client.off('close', onClose);
        this.stopStream = null;
        resolve(r);
      };
      const onReply = (reply: ReplyNode) => {
        if (this.opts.exitOnError && reply.type === 'error') {
          this.err(utf8Bytes(reply.value) + '\n');
          finish('exit-error');
          return;
        }
        this.out(formatReply(reply, this.fmt, verbatim));
        // A refused MONITOR ends the mode, as redis-cli does.
        if (reply.type === 'error' && name === 'monitor') finish('ok');
      };
      const onClose = (err: ConnectionError) => {
        this.err(`Error: ${err.reason}\n`);
        this.close();
        finish('failed');
      };
      this.stopStream = () => {
        // Leaving a stream drops that connection and opens a fresh one for the prompt.
        client.off('push', onReply);
        client.off('close', onClose);
        this.close();
        void this.connect(true).then(() => finish('ok'));
      };
      client.on('push', onReply);
      client.on('close', onClose);
      client.send(args);
    });
  }
}

/** The keys of a client-side caching invalidation push (`invalidate` + array of keys), or null. */
function invalidatedKeys(p: ReplyNode): string[] | null {
  if (p.type !== 'push' || p.items.length !== 2) return null;
  const [kind, keys] = p.items;
  if (kind!.type !== 'bulk' || kind!.value.toString() !== 'invalidate' || keys!.type !== 'array') return null;
  return keys!.items.map((k) => (k.type === 'bulk' ? k.value.toString('latin1') : ''));
}

function atoiBytes(text: string): number {
  const m = /^\s*([-+]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1]!, 10) : 0;
}

/** host:port, with brackets around an IPv6 address. */
export function formatAddr(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
