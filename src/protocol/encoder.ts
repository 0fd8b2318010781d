// RESP2/RESP3 encoder writing reply values into one growable output buffer per client; the server
// flushes it with a single socket write per readable event. Common replies are pre-encoded and short
// strings are copied with a plain loop (cheaper than a native call for a few bytes).
// Counterpart: _addReplyToBuffer / addReplyBulk* / addReplyProto in Redis's networking.c.
import {
  BigNumberReply,
  BoolReply,
  DoubleReply,
  ErrorReply,
  MapReply,
  MultiReply,
  MutableString,
  NoReply,
  NullArray,
  OK,
  PushReply,
  SetReply,
  Status,
  VerbatimReply,
  ViewReply,
  type Reply,
} from './reply.js';
import { d2string } from '../util/number.js';

const SMALL_INTS = 10000;
const intCache: Buffer[] = [];
for (let i = 0; i < SMALL_INTS; i++) intCache.push(Buffer.from(`:${i}\r\n`, 'latin1'));
const bulkHdrCache: Buffer[] = [];
for (let i = 0; i < 1024; i++) bulkHdrCache.push(Buffer.from(`$${i}\r\n`, 'latin1'));

const CRLF_NULL2 = Buffer.from('$-1\r\n');
const NULL3 = Buffer.from('_\r\n');
const NULLARR2 = Buffer.from('*-1\r\n');
const OK_BYTES = Buffer.from('+OK\r\n');

/** Number of decimal digits of an integer 10 <= n < 1e15. */
function decimalDigits(n: number): number {
  if (n < 1e4) return n < 100 ? 2 : n < 1000 ? 3 : 4;
  if (n < 1e8) return n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : 8;
  if (n < 1e12) return n < 1e9 ? 9 : n < 1e10 ? 10 : n < 1e11 ? 11 : 12;
  return n < 1e13 ? 13 : n < 1e14 ? 14 : 15;
}

export class OutputBuffer {
  buf: Buffer;
  len = 0;

  constructor(initial = 16384) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private grow(need: number): void {
    let size = this.buf.length * 2;
    while (size < this.len + need) size *= 2;
    const nb = Buffer.allocUnsafe(size);
    this.buf.copy(nb, 0, 0, this.len);
    this.buf = nb;
  }

  /** The bytes written so far, as a view of this buffer: valid until the next write to it. */
  view(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  /** view()'s bytes are written and no longer needed: empties the buffer for reuse. */
  reset(): void {
    this.len = 0;
    if (this.buf.length > 1048576) this.buf = Buffer.allocUnsafe(16384);
  }

  /** view()'s bytes now belong to a writer that keeps them: writes go to a new buffer. */
  release(): void {
    this.len = 0;
    this.buf = Buffer.allocUnsafe(16384);
  }

  /** Takes the bytes written so far as a standalone Buffer and empties this one. */
  take(): Buffer {
    const n = this.len;
    const out = Buffer.allocUnsafe(n);
    if (n <= 128) {
      const src = this.buf;
      for (let i = 0; i < n; i++) out[i] = src[i];
    } else this.buf.copy(out, 0, 0, n);
    this.len = 0;
    if (this.buf.length > 1048576) this.buf = Buffer.allocUnsafe(16384);
    return out;
  }

  bytes(b: Buffer): void {
    const n = b.length;
    if (this.len + n > this.buf.length) this.grow(n);
    if (n < 32) {
      const d = this.buf;
      let o = this.len;
      for (let i = 0; i < n; i++) d[o++] = b[i];
      this.len = o;
    } else {
      b.copy(this.buf, this.len);
      this.len += n;
    }
  }

  /** Writes a latin1 string's bytes. */
  latin1(s: string): void {
    const n = s.length;
    if (this.len + n > this.buf.length) this.grow(n);
    if (n < 48) {
      const d = this.buf;
      let o = this.len;
      for (let i = 0; i < n; i++) d[o++] = s.charCodeAt(i);
      this.len = o;
    } else {
      this.len += this.buf.latin1Write(s, this.len);
    }
  }

  crlf(): void {
    if (this.len + 2 > this.buf.length) this.grow(2);
    this.buf[this.len++] = 13;
    this.buf[this.len++] = 10;
  }

  /** Writes `prefix` + decimal n + CRLF. */
  header(prefix: number, n: number): void {
    if (this.len + 24 > this.buf.length) this.grow(24);
    this.buf[this.len++] = prefix;
    this.decimal(n);
    this.buf[this.len++] = 13;
    this.buf[this.len++] = 10;
  }

  private decimal(n: number): void {
    const d = this.buf;
    if (n < 0) {
      d[this.len++] = 45;
      n = -n;
    }
    if (n < 10) {
      d[this.len++] = 48 + n;
      return;
    }
    if (n >= 1e15) {
      this.len += d.latin1Write(String(n), this.len);
      return;
    }
    // Digits written from the last one back: int32 arithmetic while the value fits (lengths, counts,
    // counters), one division per digit.
    let o = this.len + decimalDigits(n);
    this.len = o;
    if (n < 2147483648) {
      let t = n | 0;
      while (t >= 10) {
        const q = (t / 10) | 0;
        d[--o] = 48 + t - q * 10;
        t = q;
      }
      d[--o] = 48 + t;
      return;
    }
    for (let t = n; t > 0; t = Math.floor(t / 10)) d[--o] = 48 + (t % 10);
  }

  integer(n: number): void {
    if (n >= 0 && n < SMALL_INTS && Number.isInteger(n)) this.bytes(intCache[n]);
    else if (Number.isSafeInteger(n)) this.header(58, n);
    else this.latin1(`:${typeof n === 'number' && !Number.isInteger(n) ? Math.trunc(n) : n}\r\n`);
  }

  bulk(s: string): void {
    const n = s.length;
    if (n < 1024) this.bytes(bulkHdrCache[n]);
    else this.header(36, n);
    this.latin1(s);
    this.crlf();
  }

  /** A bulk string of n bytes of src from start (a ViewReply's elements). */
  bulkBytes(src: Uint8Array, start: number, n: number): void {
    if (this.len + n + 32 > this.buf.length) this.grow(n + 32);
    const d = this.buf;
    let o = this.len;
    if (n < 1024) {
      const h = bulkHdrCache[n];
      for (let i = 0; i < h.length; i++) d[o++] = h[i];
    } else {
      this.len = o;
      this.header(36, n);
      o = this.len;
    }
    if (n < 32) {
      for (let i = 0; i < n; i++) d[o++] = src[start + i];
    } else {
      d.set(src.subarray(start, start + n), o);
      o += n;
    }
    d[o++] = 13;
    d[o++] = 10;
    this.len = o;
  }

  bulkBuffer(b: Buffer): void {
    const n = b.length;
    if (n < 1024) this.bytes(bulkHdrCache[n]);
    else this.header(36, n);
    this.bytes(b);
    this.crlf();
  }

  /** Writes one reply in the given protocol version. */
  write(r: Reply, resp: number): void {
    if (r === OK) return this.bytes(OK_BYTES);
    if (typeof r === 'string') return this.bulk(r);
    if (typeof r === 'number') return this.integer(r);
    if (r === null) return this.bytes(resp === 3 ? NULL3 : CRLF_NULL2);
    if (Array.isArray(r)) {
      this.header(42, r.length);
      for (let i = 0; i < r.length; i++) this.write(r[i], resp);
      return;
    }
    if (r instanceof Status) {
      let e = r.encoded;
      if (e === null) e = r.encoded = Buffer.from(`+${sanitizeError(r.text)}\r\n`, 'latin1');
      return this.bytes(e);
    }
    if (r instanceof ErrorReply) {
      this.bytes(MINUS);
      this.latin1(sanitizeError(r.text));
      return this.crlf();
    }
    if (typeof r === 'bigint') {
      this.latin1(`:${r}\r\n`);
      return;
    }
    if (r instanceof MutableString) {
      const n = r.len;
      this.header(36, n);
      this.bytes(r.buf.subarray(0, n));
      return this.crlf();
    }
    if (Buffer.isBuffer(r)) return this.bulkBuffer(r);
    if (r instanceof NullArray) return this.bytes(resp === 3 ? NULL3 : NULLARR2);
    if (r instanceof MapReply) {
      const f = r.flat;
      if (resp === 3) this.header(37, f.length / 2);
      else this.header(42, f.length);
      for (let i = 0; i < f.length; i++) this.write(f[i], resp);
      return;
    }
    if (r instanceof SetReply) {
      this.header(resp === 3 ? 126 : 42, r.items.length);
      for (let i = 0; i < r.items.length; i++) this.write(r.items[i], resp);
      return;
    }
    if (r instanceof DoubleReply) {
      const s = r.text ?? d2string(r.value);
      if (resp === 3) {
        this.latin1(`,${s}\r\n`);
      } else this.bulk(s);
      return;
    }
    if (r instanceof BoolReply) {
      if (resp === 3) this.latin1(r.value ? '#t\r\n' : '#f\r\n');
      else this.integer(r.value ? 1 : 0);
      return;
    }
    if (r instanceof VerbatimReply) {
      if (resp === 3) {
        this.header(61, r.text.length + 4);
        this.latin1(r.format);
        this.latin1(':');
        this.latin1(r.text);
        this.crlf();
      } else this.bulk(r.text);
      return;
    }
    if (r instanceof BigNumberReply) {
      if (resp === 3) this.latin1(`(${r.digits}\r\n`);
      else this.bulk(r.digits);
      return;
    }
    if (r instanceof PushReply) {
      this.header(resp === 3 ? 62 : 42, r.items.length);
      for (let i = 0; i < r.items.length; i++) this.write(r.items[i], resp);
      return;
    }
    if (r instanceof MultiReply) {
      for (let i = 0; i < r.replies.length; i++) this.write(r.replies[i], resp);
      return;
    }
    if (r instanceof NoReply) return;
    if (r instanceof ViewReply) return r.writeTo(this);
    throw new Error('unknown reply value');
  }
}

const PLUS = Buffer.from('+');
const MINUS = Buffer.from('-');

/** Error and status texts must not break the protocol: Redis replaces CR/LF with spaces. */
function sanitizeError(t: string): string {
  if (t.indexOf('\r') < 0 && t.indexOf('\n') < 0) return t;
  return t.replace(/[\r\n]/g, ' ');
}

/** Encodes a reply into a standalone Buffer (tests, tools). */
export function encodeReply(r: Reply, resp: 2 | 3 = 2): Buffer {
  const o = new OutputBuffer(256);
  o.write(r, resp);
  return o.take();
}

/** Encodes an argv as a RESP multibulk request. */
export function encodeCommand(argv: Array<string | Buffer>): Buffer {
  const o = new OutputBuffer(256);
  o.header(42, argv.length);
  for (const a of argv) {
    if (typeof a === 'string') o.bulk(a);
    else o.bulkBuffer(a);
  }
  return o.take();
}
