// A small RESP2/RESP3 client: one connection, pipelined commands whose replies are matched in order,
// error replies returned as values, RESP3 push frames delivered as events. Shared by the cli,
// benchmark, migrate, sentinel and cluster tools. Counterpart: hiredis (redisContext) as the Redis
// tools use it.
import { EventEmitter } from 'node:events';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions as TlsOptions } from 'node:tls';
import { ReplyDecoder, type ReplyNode } from '../protocol/reply-decoder.js';
import { encodeCommand, type Arg } from './encode-command.js';

export interface ClientOptions {
  host?: string;
  port?: number;
  /** Unix socket path; wins over host/port. */
  path?: string;
  user?: string;
  password?: string;
  db?: number;
  /** Protocol to switch to with HELLO on connect (default 2: no HELLO is sent). */
  resp?: 2 | 3;
  /** CLIENT SETNAME on connect. */
  name?: string;
  tls?: boolean | TlsOptions;
  connectTimeoutMs?: number;
  /** Reject connect() when AUTH/HELLO/SELECT/SETNAME answers an error (default true). */
  strictHandshake?: boolean;
}

export interface HandshakeStep {
  step: 'auth' | 'hello' | 'select' | 'setname';
  argv: string[];
  reply: ReplyNode;
}

/** A failure below the protocol: refused, reset, closed. `reason` reads like the C library's strerror. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    readonly reason: string,
    readonly code?: string,
  ) {
    super(reason);
  }
}

/** An error reply during the handshake, with strictHandshake on. */
export class HandshakeError extends Error {
  override name = 'HandshakeError';
  constructor(readonly step: HandshakeStep) {
    super(`${step.step.toUpperCase()} failed: ${(step.reply as { value: string }).value}`);
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ENOTFOUND: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
  ECONNRESET: 'Connection reset by peer',
  EPIPE: 'Broken pipe',
  ENOTSOCK: 'Socket operation on non-socket',
};

/** Certificate checks that fail during the TLS handshake, worded as hiredis reports them. */
const TLS_VERIFY_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'INVALID_CA',
]);

export function describeSocketError(err: NodeJS.ErrnoException): ConnectionError {
  const code = err.code ?? '';
  if (TLS_VERIFY_CODES.has(code)) return new ConnectionError('SSL_connect failed: certificate verify failed', code);
  // A TLS alert from the server (e.g. a required client certificate is missing) ends the session.
  if (code.startsWith('ERR_SSL_') && /alert/i.test(err.message)) return new ConnectionError('Server closed the connection', code);
  return new ConnectionError(REASONS[code] ?? err.message, code || undefined);
}

interface Pending {
  resolve(r: ReplyNode): void;
  reject(e: Error): void;
}

/**
 * Events: 'push' (ReplyNode) for RESP3 push frames and for replies that arrive with no command waiting
 * (RESP2 pub/sub messages, MONITOR lines, the extra replies of a SUBSCRIBE); 'close' (ConnectionError?).
 */
export class Client extends EventEmitter {
  private readonly pending: Pending[] = [];
  private head = 0;
  private outbox: Buffer[] = [];
  private flushScheduled = false;
  private closedWith: ConnectionError | null = null;
  private readonly decoder: ReplyDecoder;
  /** Protocol actually in use after the handshake. */
  resp: 2 | 3 = 2;
  db = 0;
  handshake: HandshakeStep[] = [];

  constructor(readonly socket: Socket) {
    super();
    this.decoder = new ReplyDecoder((r) => this.dispatch(r));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        this.decoder.feed(chunk);
      } catch (err) {
        this.fail(new ConnectionError((err as Error).message, 'EPROTO'));
        socket.destroy();
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(describeSocketError(err)));
    // The server's FIN: the connection is over as of now (as hiredis reports EOF on its next read), even
    // if a command typed meanwhile would otherwise meet the dead socket as EPIPE before 'close' arrives.
    socket.on('end', () => this.fail(new ConnectionError('Server closed the connection', 'EOF')));
    socket.on('close', () => this.fail(new ConnectionError('Server closed the connection', 'EOF')));
  }

  get connected(): boolean {
    return this.closedWith === null;
  }

  /** Number of commands sent whose replies have not arrived yet. */
  get inFlight(): number {
    return this.pending.length - this.head;
  }

  /** Sends one command; resolves with its reply (error replies included). Rejects only when the connection fails. */
  call(argv: readonly Arg[]): Promise<ReplyNode> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.enqueue(encodeCommand(argv));
    });
  }

  /** Sends many commands in one write; resolves with their replies in order. */
  pipeline(commands: readonly (readonly Arg[])[]): Promise<ReplyNode[]> {
    return Promise.all(commands.map((c) => this.call(c)));
  }

  /** Sends a command without waiting for a reply: whatever comes back is emitted as 'push'. */
  send(argv: readonly Arg[]): void {
    if (this.closedWith) throw this.closedWith;
    this.enqueue(encodeCommand(argv));
  }

  /** Sends bytes as they are (inline commands, pre-encoded benchmark payloads); replies come as 'push'. */
  sendRaw(data: Buffer): void {
    if (this.closedWith) throw this.closedWith;
    this.enqueue(data);
  }

  /** Closes after the written data is flushed. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.flush();
      this.socket.once('close', () => resolve());
      this.socket.end();
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  private enqueue(data: Buffer): void {
    this.outbox.push(data);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      process.nextTick(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.outbox.length === 0 || this.socket.destroyed) return;
    const data = this.outbox.length === 1 ? this.outbox[0]! : Buffer.concat(this.outbox);
    this.outbox = [];
    this.socket.write(data);
  }

  private dispatch(reply: ReplyNode): void {
    if (reply.type === 'push' || this.head >= this.pending.length) {
      this.emit('push', reply);
      return;
    }
    const p = this.pending[this.head]!;
    this.pending[this.head++] = undefined as unknown as Pending;
    if (this.head === this.pending.length) {
      this.pending.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    p.resolve(reply);
  }

  private fail(err: ConnectionError): void {
    if (this.closedWith) return;
    this.closedWith = err;
    const waiting = this.pending.slice(this.head);
    this.pending.length = 0;
    this.head = 0;
    for (const p of waiting) p.reject(err);
    this.emit('close', err);
  }
}

function openSocket(opts: ClientOptions): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const host = opts.host ?? '127.0.0.1';
    const port = opts.port ?? 6379;
    let socket: Socket;
    const event = opts.tls && !opts.path ? 'secureConnect' : 'connect';
    if (opts.path) socket = netConnect({ path: opts.path });
    else if (opts.tls) socket = tlsConnect({ host, port, ...(typeof opts.tls === 'object' ? opts.tls : {}) });
    else socket = netConnect({ host, port });
    let timer: NodeJS.Timeout | undefined;
    if (opts.connectTimeoutMs) {
      timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError('Connection timed out', 'ETIMEDOUT'));
      }, opts.connectTimeoutMs);
    }
    const onError = (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(describeSocketError(err));
    };
    socket.once('error', onError);
    socket.once(event, () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

/** Opens a connection and runs AUTH, HELLO, SELECT and CLIENT SETNAME as the options ask, pipelined. */
export async function connect(opts: ClientOptions = {}): Promise<Client> {
  const client = new Client(await openSocket(opts));
  // Swallow the 'close' event's absence of listeners; callers subscribe when they care.
  client.on('close', () => {});
  const steps: Array<{ step: HandshakeStep['step']; argv: string[] }> = [];
  if (opts.password !== undefined) {
    steps.push({ step: 'auth', argv: opts.user !== undefined ? ['AUTH', opts.user, opts.password] : ['AUTH', opts.password] });
  }
  if (opts.db) steps.push({ step: 'select', argv: ['SELECT', String(opts.db)] });
  if (opts.resp === 3) steps.push({ step: 'hello', argv: ['HELLO', '3'] });
  if (opts.name !== undefined) steps.push({ step: 'setname', argv: ['CLIENT', 'SETNAME', opts.name] });
  if (steps.length > 0) {
    let replies: ReplyNode[];
    try {
      replies = await client.pipeline(steps.map((s) => s.argv));
    } catch (err) {
      client.destroy();
      throw err;
    }
    client.handshake = steps.map((s, i) => ({ ...s, reply: replies[i]! }));
    for (const h of client.handshake) {
      if (h.reply.type !== 'error') {
        if (h.step === 'hello') client.resp = 3;
        if (h.step === 'select') client.db = opts.db!;
      } else if (opts.strictHandshake !== false) {
        client.destroy();
        throw new HandshakeError(h);
      }
    }
  }
  return client;
}
