// A raw RESP connection for wire-level tests: send raw bytes or an argv (encoded as a multibulk request) and
// read back exactly one complete reply as its raw bytes, so replies can be compared byte for byte. Reply
// framing (RESP2 and RESP3, binary safe) is scanned incrementally: a partly received reply is resumed from the
// last complete element rather than re-scanned. Counterpart: the reply reader in Redis's hiredis / redis-cli.
import { connect, type Socket } from 'node:net';

export type Arg = string | Buffer | number;

/** Strings whose characters are all below 256 are sent as those bytes (latin1), so '\xff' means byte 0xff. */
export function argBytes(a: Arg): Buffer {
  if (Buffer.isBuffer(a)) return a;
  const s = String(a);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) return Buffer.from(s, 'utf8');
  return Buffer.from(s, 'latin1');
}

/** Encodes an argv as a RESP multibulk request. */
export function encodeCommand(argv: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`, 'latin1')];
  for (const a of argv) {
    const b = argBytes(a);
    parts.push(Buffer.from(`$${b.length}\r\n`, 'latin1'), b, CRLF);
  }
  return Buffer.concat(parts);
}

const CRLF = Buffer.from('\r\n', 'latin1');

/** Escapes bytes the way redis-cli shows them: printable ASCII as is, \n \r \t \a \b \\ \" and \xHH otherwise. */
export function escapeBytes(b: Buffer | string, max = 2000): string {
  const buf = typeof b === 'string' ? argBytes(b) : b;
  let out = '"';
  const n = Math.min(buf.length, max);
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x22) out += '\\"';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  out += '"';
  if (buf.length > max) out += `...(${buf.length} bytes)`;
  return out;
}

/** Formats an argv for messages: each argument escaped, space separated. */
export function formatArgv(argv: readonly Arg[]): string {
  return argv.map((a) => escapeBytes(argBytes(a), 200)).join(' ');
}

export class RespProtocolError extends Error {}

interface Frame {
  remaining: number;
  /** An attribute map (`|`) precedes the value it annotates and does not count as an element itself. */
  attribute: boolean;
}

/**
 * Finds where replies end in a byte stream. feed() appends bytes; next() returns the byte length of the first
 * complete reply in the pending bytes, or -1 when more bytes are needed. The scan position survives between
 * calls, so a large reply arriving in many chunks is scanned once.
 */
export class ReplyScanner {
  private pos = 0;
  private stack: Frame[] = [];

  /** Forget any partial progress (after the caller consumed a reply or reset its buffer). */
  reset(): void {
    this.pos = 0;
    this.stack = [];
  }

  /** Returns the end offset of the first complete reply in buf, or -1 if incomplete. Throws on bad framing. */
  scan(buf: Buffer): number {
    for (;;) {
      if (this.pos >= buf.length) return -1;
      const start = this.pos;
      const type = buf[start];
      const lineEnd = buf.indexOf(CRLF, start + 1);
      if (lineEnd < 0) return -1;
      const line = buf.toString('latin1', start + 1, lineEnd);
      let next = lineEnd + 2;
      let aggregate = -1;
      let attribute = false;
      switch (type) {
        case 0x2b: // + simple string
        case 0x2d: // - error
        case 0x3a: // : integer
        case 0x2c: // , double
        case 0x28: // ( big number
        case 0x5f: // _ null
        case 0x23: // # boolean
          break;
        case 0x24: // $ bulk string
        case 0x21: // ! bulk error
        case 0x3d: {
          // = verbatim string
          const n = parseLength(line, type);
          if (n >= 0) {
            if (buf.length < next + n + 2) return -1;
            if (buf[next + n] !== 0x0d || buf[next + n + 1] !== 0x0a)
              throw new RespProtocolError(`bulk payload of ${n} bytes not followed by CRLF at offset ${next + n}`);
            next += n + 2;
          } else if (type !== 0x24) {
            throw new RespProtocolError(`negative length for '${String.fromCharCode(type)}'`);
          }
          break;
        }
        case 0x2a: // * array
        case 0x7e: // ~ set
        case 0x3e: // > push
          aggregate = parseLength(line, type);
          break;
        case 0x25: // % map
          aggregate = parseLength(line, type) * 2;
          break;
        case 0x7c: // | attribute
          aggregate = parseLength(line, type) * 2;
          attribute = true;
          break;
        default:
          throw new RespProtocolError(
            `unexpected reply type byte 0x${type.toString(16).padStart(2, '0')} at offset ${start}`,
          );
      }
      this.pos = next;
      if (aggregate > 0) {
        this.stack.push({ remaining: aggregate, attribute });
        continue;
      }
      if (attribute) continue; // an empty attribute map still precedes a value
      // One element completed: unwind finished aggregates.
      let done = true;
      while (this.stack.length > 0) {
        const top = this.stack[this.stack.length - 1];
        if (--top.remaining > 0) {
          done = false;
          break;
        }
        this.stack.pop();
        if (top.attribute) {
          done = false; // the annotated value still follows
          break;
        }
      }
      if (done) {
        const end = this.pos;
        this.reset();
        return end;
      }
    }
  }
}

function parseLength(line: string, type: number): number {
  if (!/^-?\d+$/.test(line)) throw new RespProtocolError(`bad length '${line}' for '${String.fromCharCode(type)}'`);
  return Number(line);
}

/** A decoded reply, keeping each node's raw bytes so callers can compare or sort by exact encoding. */
export interface RespValue {
  /** The type byte as a character: + - : $ * % ~ > | , ( _ # ! = */
  type: string;
  /** Line text or bulk payload; undefined for null bulk/array. */
  data?: Buffer;
  /** Elements of aggregates (a map's keys and values alternate). */
  items?: RespValue[];
  /** Attribute pairs that preceded this value, if any. */
  attributes?: RespValue[];
  raw: Buffer;
}

/** Decodes one complete reply (as returned by RespConnection.read). */
export function decodeReply(buf: Buffer): RespValue {
  const [v, end] = decodeAt(buf, 0);
  if (end !== buf.length) throw new RespProtocolError(`trailing ${buf.length - end} bytes after reply`);
  return v;
}

function decodeAt(buf: Buffer, start: number): [RespValue, number] {
  const type = String.fromCharCode(buf[start]);
  const lineEnd = buf.indexOf(CRLF, start + 1);
  if (lineEnd < 0) throw new RespProtocolError('incomplete reply');
  const line = buf.subarray(start + 1, lineEnd);
  let pos = lineEnd + 2;
  switch (type) {
    case '$':
    case '!':
    case '=': {
      const n = Number(line.toString('latin1'));
      if (n < 0) return [{ type, raw: buf.subarray(start, pos) }, pos];
      const data = buf.subarray(pos, pos + n);
      pos += n + 2;
      return [{ type, data, raw: buf.subarray(start, pos) }, pos];
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
      let n = Number(line.toString('latin1'));
      if (n < 0) return [{ type, raw: buf.subarray(start, pos) }, pos];
      if (type === '%' || type === '|') n *= 2;
      const items: RespValue[] = [];
      for (let i = 0; i < n; i++) {
        const [v, end] = decodeAt(buf, pos);
        items.push(v);
        pos = end;
      }
      if (type === '|') {
        const [v, end] = decodeAt(buf, pos);
        return [{ ...v, attributes: items, raw: buf.subarray(start, end) }, end];
      }
      return [{ type, items, raw: buf.subarray(start, pos) }, pos];
    }
    default:
      return [{ type, data: line, raw: buf.subarray(start, pos) }, pos];
  }
}

export class RespTimeoutError extends Error {}
export class RespClosedError extends Error {}

interface Waiter {
  resolve(b: Buffer): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

export interface ConnectOptions {
  host?: string;
  /** Connect timeout in ms. */
  timeoutMs?: number;
  /** Default timeout for read() in ms. */
  readTimeoutMs?: number;
  /** Queue RESP3 push frames (`>`) in `pushes` instead of returning them from read(). */
  separatePushes?: boolean;
}

/** One TCP connection speaking raw RESP. Replies are returned as raw bytes in arrival order. */
export class RespConnection {
  private pending: Buffer = Buffer.alloc(0);
  private readonly scanner = new ReplyScanner();
  private readonly replies: Buffer[] = [];
  private readonly waiters: Waiter[] = [];
  private error: Error | undefined;
  private closeListeners: Array<() => void> = [];
  /** True once the peer closed (or the socket failed). */
  closed = false;
  readTimeoutMs: number;
  /** Push frames received, when opened with separatePushes. */
  readonly pushes: Buffer[] = [];
  private readonly separatePushes: boolean;

  private constructor(
    readonly socket: Socket,
    opts: ConnectOptions,
  ) {
    this.readTimeoutMs = opts.readTimeoutMs ?? 5000;
    this.separatePushes = opts.separatePushes ?? false;
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', (e) => this.onClose(e));
    socket.on('close', () => this.onClose());
  }

  static open(port: number, opts: ConnectOptions = {}): Promise<RespConnection> {
    const host = opts.host ?? '127.0.0.1';
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RespTimeoutError(`connect to ${host}:${port} timed out after ${timeoutMs}ms`));
      }, timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new RespConnection(socket, opts));
      });
    });
  }

  private onData(d: Buffer): void {
    this.pending = this.pending.length === 0 ? d : Buffer.concat([this.pending, d]);
    for (;;) {
      let end: number;
      try {
        end = this.scanner.scan(this.pending);
      } catch (e) {
        this.fail(e as Error);
        return;
      }
      if (end < 0) return;
      const reply = Buffer.from(this.pending.subarray(0, end));
      this.pending = this.pending.subarray(end);
      if (this.separatePushes && reply[0] === 0x3e) {
        this.pushes.push(reply);
        continue;
      }
      const w = this.waiters.shift();
      if (w) {
        clearTimeout(w.timer);
        w.resolve(reply);
      } else this.replies.push(reply);
    }
  }

  private fail(e: Error): void {
    this.error = e;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(e);
    }
    this.socket.destroy();
  }

  private onClose(e?: Error): void {
    if (this.closed) return;
    this.closed = true;
    const err = this.error ?? new RespClosedError(e ? `connection error: ${e.message}` : 'connection closed by peer');
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    for (const l of this.closeListeners.splice(0)) l();
  }

  /** Writes raw bytes as they are. */
  write(data: Buffer | string): void {
    if (this.closed) throw new RespClosedError('write on closed connection');
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Sends one command as a multibulk request without waiting. */
  send(argv: readonly Arg[]): void {
    this.write(encodeCommand(argv));
  }

  /** Resolves with the raw bytes of the next complete reply. */
  read(timeoutMs = this.readTimeoutMs): Promise<Buffer> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.error) return Promise.reject(this.error);
    if (this.closed) return Promise.reject(new RespClosedError('connection closed by peer'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new RespTimeoutError(`no complete reply within ${timeoutMs}ms (${this.pending.length} bytes pending)`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends argv and reads its reply. */
  async call(argv: readonly Arg[], timeoutMs?: number): Promise<Buffer> {
    this.send(argv);
    return this.read(timeoutMs);
  }

  /** Like call() but decodes the reply. */
  async command(argv: readonly Arg[], timeoutMs?: number): Promise<RespValue> {
    return decodeReply(await this.call(argv, timeoutMs));
  }

  /**
   * Collects whatever arrives, framed or not, until the peer closes, nothing arrives for quietMs, or maxMs
   * passes. Returns every byte not yet consumed by read() and whether the connection is closed.
   */
  async drain(quietMs = 150, maxMs = 3000): Promise<{ data: Buffer; closed: boolean }> {
    const deadline = Date.now() + maxMs;
    let seen = this.totalPending();
    let lastChange = Date.now();
    while (!this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        let t: NodeJS.Timeout | undefined = undefined;
        const done = () => {
          clearTimeout(t);
          const i = this.closeListeners.indexOf(done);
          if (i >= 0) this.closeListeners.splice(i, 1);
          resolve();
        };
        this.closeListeners.push(done);
        t = setTimeout(done, 10);
      });
      const now = this.totalPending();
      if (now !== seen) {
        seen = now;
        lastChange = Date.now();
      } else if (Date.now() - lastChange >= quietMs) break;
    }
    const data = Buffer.concat([...this.replies.splice(0), this.pending]);
    this.pending = Buffer.alloc(0);
    this.scanner.reset();
    return { data, closed: this.closed };
  }

  private totalPending(): number {
    let n = this.pending.length;
    for (const r of this.replies) n += r.length;
    return n;
  }

  /** Resolves true if the peer closes within timeoutMs, false otherwise. */
  waitClosed(timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        const i = this.closeListeners.indexOf(onClose);
        if (i >= 0) this.closeListeners.splice(i, 1);
        resolve(false);
      }, timeoutMs);
      const onClose = () => {
        clearTimeout(t);
        resolve(true);
      };
      this.closeListeners.push(onClose);
    });
  }

  /** Closes our side; pending reads reject. */
  close(): void {
    this.socket.destroy();
    this.onClose();
  }
}

/** Opens a connection, runs fn, and always closes it. */
export async function withConnection<T>(
  port: number,
  fn: (c: RespConnection) => Promise<T>,
  opts?: ConnectOptions,
): Promise<T> {
  const c = await RespConnection.open(port, opts);
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}
