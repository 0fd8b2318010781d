// Incremental request parser for the RESP multibulk and inline forms, working directly on the
// received Buffers. A partially received command keeps its state (arguments so far, the position of
// the incomplete element) so nothing is rescanned. Arguments become latin1 strings: binary safe,
// one byte per char. Counterpart: processMultibulkBuffer / processInlineBuffer in Redis's networking.c.
import { splitArgs } from '../util/split-args.js';

export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
/** Bulk arguments at least this big are assembled in a preallocated Buffer as chunks arrive. */
const BIG_ARG = 32 * 1024;
const INT_MAX = 2147483647;

export interface ParserLimits {
  /** proto-max-bulk-len */
  maxBulkLen: number;
  /** True while the client must still authenticate (tighter limits, as Redis). */
  unauthenticated: boolean;
}

const NAME_CACHE: Array<string | undefined> = new Array(128);

/**
 * bytes -> latin1 string. Arguments up to 32 bytes (command names, most keys, small values) are built in
 * JS: cheaper than the native slice call (about 35 ns less for a 20-byte key), and String.fromCharCode
 * with codes below 256 makes the same flat one-byte string.
 */
export function latin1(buf: Buffer, s: number, e: number): string {
  switch (e - s) {
    case 0: return '';
    case 1: return String.fromCharCode(buf[s]);
    case 2: return String.fromCharCode(buf[s], buf[s + 1]);
    case 3: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2]);
    case 4: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3]);
    case 5: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4]);
    case 6: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5]);
    case 7: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6]);
    case 8: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7]);
    case 9: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8]);
    case 10: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9]);
    case 11: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10]);
    case 12: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11]);
    case 13: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12]);
    case 14: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13]);
    case 15: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14]);
    case 16: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15]);
    case 17: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16]);
    case 18: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17]);
    case 19: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18]);
    case 20: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19]);
    case 21: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20]);
    case 22: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21]);
    case 23: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22]);
    case 24: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23]);
    case 25: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24]);
    case 26: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25]);
    case 27: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25], buf[s + 26]);
    case 28: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25], buf[s + 26], buf[s + 27]);
    case 29: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25], buf[s + 26], buf[s + 27], buf[s + 28]);
    case 30: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25], buf[s + 26], buf[s + 27], buf[s + 28], buf[s + 29]);
    case 31: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25], buf[s + 26], buf[s + 27], buf[s + 28], buf[s + 29], buf[s + 30]);
    case 32: return String.fromCharCode(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6], buf[s + 7], buf[s + 8], buf[s + 9], buf[s + 10], buf[s + 11], buf[s + 12], buf[s + 13], buf[s + 14], buf[s + 15], buf[s + 16], buf[s + 17], buf[s + 18], buf[s + 19], buf[s + 20], buf[s + 21], buf[s + 22], buf[s + 23], buf[s + 24], buf[s + 25], buf[s + 26], buf[s + 27], buf[s + 28], buf[s + 29], buf[s + 30], buf[s + 31]);
    default: return buf.latin1Slice(s, e);
  }
}

/** Receives each complete command; returning false pauses parsing (the client blocked). */
export type CommandSink = (argv: string[]) => boolean;

export class RequestParser {
  private buf: Buffer | null = null;
  private pos = 0;
  /** Arguments still expected for the multibulk being read; 0 = at a command boundary. */
  private multibulkLen = 0;
  /** Length of the bulk being read, -1 when its header is not read yet. */
  private bulkLen = -1;
  private argv: string[] = [];
  private bigArg: Buffer | null = null;
  private bigFill = 0;
  /** Set after a protocol error: the text to reply; the connection then closes. */
  protocolError: string | null = null;
  /** True when a complete command or more is waiting after a pause. */
  paused = false;

  constructor(readonly limits: ParserLimits) {}

  /** Bytes received but not yet turned into commands (client-query-buffer-limit, CLIENT LIST qbuf). */
  get pending(): number {
    return (this.buf ? this.buf.length - this.pos : 0) + this.bigFill;
  }

  /** Whole allocated size of the query buffer (CLIENT LIST qbuf). */
  get allocated(): number {
    return (this.buf ? this.buf.length : 0) + (this.bigArg ? this.bigArg.length : 0);
  }

  /**
   * Parses a received chunk, calling `sink` for each complete command. The chunk may be a read buffer
   * the caller reuses: whatever is left unparsed is copied before returning.
   */
  feed(chunk: Buffer, sink: CommandSink): void {
    this.feedChunk(chunk, sink);
    if (this.borrowed) {
      this.borrowed = false;
      if (this.buf !== null) {
        this.buf = Buffer.from(this.buf.subarray(this.pos));
        this.pos = 0;
      }
    }
  }

  /** True while `buf` is the caller's chunk rather than a buffer of our own. */
  private borrowed = false;

  private feedChunk(chunk: Buffer, sink: CommandSink): void {
    if (this.bigArg !== null) {
      chunk = this.fillBigArg(chunk);
      if (this.bigArg !== null) return;
      if (this.multibulkLen === 0 && !this.emit(sink)) {
        this.buf = chunk.length ? chunk : null;
        this.borrowed = true;
        this.pos = 0;
        return;
      }
    }
    if (this.buf === null || this.pos >= this.buf.length) {
      this.buf = chunk;
      this.borrowed = true;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
    }
    this.pos = 0;
    if (this.paused) return;
    this.run(sink);
  }

  /** Continues after a pause (a blocked client was served). */
  resume(sink: CommandSink): void {
    this.paused = false;
    if (this.buf !== null) this.run(sink);
  }

  private emit(sink: CommandSink): boolean {
    const argv = this.argv;
    this.argv = [];
    if (!sink(argv)) {
      this.paused = true;
      return false;
    }
    return true;
  }

  private run(sink: CommandSink): void {
    const buf = this.buf!;
    const end = buf.length;
    while (this.pos < end && this.protocolError === null) {
      if (this.multibulkLen === 0) {
        if (buf[this.pos] === 42 /* * */) {
          // A whole ordinary command in the buffer is read in one pass with no state kept between its
          // elements; anything else (incomplete, big, unusual, unauthenticated) takes the general path.
          const argv = this.limits.unauthenticated ? null : this.wholeCommand(buf, end);
          if (argv !== null) {
            if (!sink(argv)) {
              this.paused = true;
              break;
            }
            continue;
          }
          if (!this.parseMultibulkHeader(buf)) break;
          if (this.multibulkLen === 0) continue; // *0 or *-1: empty command, skipped
        } else {
          if (!this.parseInline(buf)) break;
          if (this.argv.length === 0) continue;
          if (!this.emit(sink)) break;
          continue;
        }
      }
      if (!this.parseBulks(buf)) break;
      if (this.multibulkLen === 0 && !this.emit(sink)) break;
    }
    if (this.pos >= end) {
      this.buf = null;
      this.pos = 0;
    }
  }

  /**
   * The command starting at pos when the buffer holds all of it in the common form: "*<1-99>\r\n", then
   * each "$<len>\r\n<bytes>\r\n" with len at most 16384 written without leading zeros. pos moves past it.
   * Null (nothing consumed) for anything else; the general path then reads it, or reports its error.
   */
  private wholeCommand(buf: Buffer, end: number): string[] | null {
    let p = this.pos + 1;
    let n = buf[p] - 48;
    if (!(n >= 1 && n <= 9)) return null;
    let d = buf[++p] - 48;
    if (d >= 0 && d <= 9) {
      n = n * 10 + d;
      d = buf[++p] - 48;
    }
    if (buf[p] !== 13 || buf[p + 1] !== 10) return null;
    p += 2;
    const argv = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      if (buf[p] !== 36 /* $ */) return null;
      let len = buf[++p] - 48;
      if (len === 0) {
        p++;
      } else if (len >= 1 && len <= 9) {
        for (d = buf[++p] - 48; d >= 0 && d <= 9; d = buf[++p] - 48) len = len * 10 + d;
        if (len > 16384) return null;
      } else {
        return null;
      }
      if (buf[p] !== 13 || buf[p + 1] !== 10) return null;
      p += 2;
      if (end - p < len + 2) return null;
      argv[i] = i === 0 ? RequestParser.commandName(buf, p, len) : latin1(buf, p, p + len);
      p += len + 2;
    }
    this.pos = p;
    return argv;
  }

  private fail(msg: string): false {
    this.protocolError = `ERR Protocol error: ${msg}`;
    this.buf = null;
    this.pos = 0;
    return false;
  }

  /**
   * Position of the next `byte` at or after `from`, or -1. Redis finds line ends with strchr, which
   * stops at a NUL byte: a NUL before the line end leaves the request waiting for more input (until
   * the size limit), and this reproduces that.
   */
  private static findByte(buf: Buffer, from: number, byte: number): number {
    const end = buf.length;
    for (let i = from; i < end; i++) {
      const c = buf[i];
      if (c === byte) return i;
      if (c === 0) return -1;
    }
    return -1;
  }

  private static findCR(buf: Buffer, from: number): number {
    return RequestParser.findByte(buf, from, 13);
  }

  private parseInline(buf: Buffer): boolean {
    const nl = RequestParser.findByte(buf, this.pos, 10);
    if (nl < 0) {
      if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return this.fail('too big inline request');
      return false;
    }
    let lineEnd = nl;
    if (lineEnd > this.pos && buf[lineEnd - 1] === 13) lineEnd--;
    const plain = RequestParser.splitPlain(buf, this.pos, lineEnd);
    if (plain !== null) {
      this.pos = nl + 1;
      this.argv = plain;
      return true;
    }
    const line = buf.latin1Slice(this.pos, lineEnd);
    this.pos = nl + 1;
    const args = splitArgs(line);
    if (args === null) return this.fail('unbalanced quotes in request');
    this.argv = args;
    return true;
  }

  /**
   * An inline line without quotes split as sdssplitargs does outside quotes: blanks (isspace, so \v and
   * \f too) skipped between arguments, an argument ended by space, \t, \r or \n only, a backslash an
   * ordinary byte. Null when the line has quotes and needs the full splitter.
   */
  private static splitPlain(buf: Buffer, start: number, end: number): string[] | null {
    const args: string[] = [];
    let i = start;
    while (i < end) {
      let c = buf[i];
      while (c === 32 || (c >= 9 && c <= 13)) {
        if (++i >= end) return args;
        c = buf[i];
      }
      const from = i;
      while (i < end && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        if (c === 34 || c === 39) return null;
        c = buf[++i];
      }
      args.push(args.length === 0 ? RequestParser.commandName(buf, from, i - from) : latin1(buf, from, i));
    }
    return args;
  }

  /** Parses a decimal between pos and the CR; NaN when not an integer as string2ll reads it. */
  private static readInt(buf: Buffer, start: number, cr: number): number {
    const n = cr - start;
    if (n <= 0 || n > 20) return NaN;
    let i = start;
    let neg = false;
    if (buf[i] === 45) {
      if (n === 1) return NaN;
      neg = true;
      i++;
    }
    if (buf[i] === 48 && cr - i > 1) return NaN;
    let v = 0;
    for (; i < cr; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) return NaN;
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  private parseMultibulkHeader(buf: Buffer): boolean {
    const cr = RequestParser.findCR(buf, this.pos);
    if (cr < 0 || cr + 1 >= buf.length) {
      if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return this.fail('too big mbulk count string');
      return false;
    }
    const ll = RequestParser.readInt(buf, this.pos + 1, cr);
    if (Number.isNaN(ll) || ll > INT_MAX) return this.fail('invalid multibulk length');
    if (ll > 10 && this.limits.unauthenticated) return this.fail('unauthenticated multibulk length');
    this.pos = cr + 2;
    this.multibulkLen = ll > 0 ? ll : 0;
    this.bulkLen = -1;
    this.argv = [];
    return true;
  }

  private parseBulks(buf: Buffer): boolean {
    const end = buf.length;
    while (this.multibulkLen > 0) {
      if (this.bulkLen === -1) {
        // Fast path: "$<digits>\r\n" read in one pass; anything unusual takes the general path below.
        let p = this.pos;
        if (buf[p] === 36 /* $ */ && p + 3 < end) {
          let v = 0;
          let d = buf[++p] - 48;
          if (d > 0 && d <= 9) {
            v = d;
            for (d = buf[++p] - 48; d >= 0 && d <= 9 && p < end; d = buf[++p] - 48) v = v * 10 + d;
          } else if (d === 0) {
            ++p;
          } else {
            p = -1;
          }
          if (p > 0 && p + 1 < end && buf[p] === 13 && buf[p + 1] === 10 && v <= 16384 && p - this.pos <= 6) {
            this.pos = p + 2;
            this.bulkLen = v;
            if (end - this.pos < v + 2) return false;
            this.argv.push(this.argv.length === 0 ? RequestParser.commandName(buf, this.pos, v) : latin1(buf, this.pos, this.pos + v));
            this.pos += v + 2;
            this.bulkLen = -1;
            this.multibulkLen--;
            continue;
          }
        }
        const cr = RequestParser.findCR(buf, this.pos);
        if (cr < 0 || cr + 1 >= end) {
          if (end - this.pos > PROTO_INLINE_MAX_SIZE) return this.fail('too big bulk count string');
          return false;
        }
        if (buf[this.pos] !== 36 /* $ */) {
          return this.fail(`expected '$', got '${String.fromCharCode(buf[this.pos])}'`);
        }
        const ll = RequestParser.readInt(buf, this.pos + 1, cr);
        if (Number.isNaN(ll) || ll < 0 || ll > this.limits.maxBulkLen) return this.fail('invalid bulk length');
        if (ll > 16384 && this.limits.unauthenticated) return this.fail('unauthenticated bulk length');
        this.pos = cr + 2;
        this.bulkLen = ll;
        if (ll >= BIG_ARG && end - this.pos < ll + 2) {
          // Start assembling a big argument in its own buffer.
          this.bigArg = Buffer.allocUnsafe(ll + 2);
          this.bigFill = 0;
          const rest = buf.subarray(this.pos);
          this.pos = end;
          this.fillBigArg(rest);
          return false;
        }
      }
      if (end - this.pos < this.bulkLen + 2) return false;
      this.argv.push(latin1(buf, this.pos, this.pos + this.bulkLen));
      this.pos += this.bulkLen + 2;
      this.bulkLen = -1;
      this.multibulkLen--;
    }
    return true;
  }

  /**
   * The command name, interned: a small table keyed by length and end bytes returns the same string
   * object for repeated names, so its hash is already known to the command lookup.
   */
  private static commandName(buf: Buffer, start: number, n: number): string {
    if (n === 0 || n > 24) return latin1(buf, start, start + n);
    const slot = (n * 7 + buf[start] * 3 + buf[start + n - 1]) & 127;
    const cached = NAME_CACHE[slot];
    if (cached !== undefined && cached.length === n) {
      let same = true;
      for (let i = 0; i < n; i++) {
        if (cached.charCodeAt(i) !== buf[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return cached;
    }
    const name = latin1(buf, start, start + n);
    NAME_CACHE[slot] = name;
    return name;
  }

  /** Copies bytes into the big argument; returns what is left of the chunk after it completes. */
  private fillBigArg(chunk: Buffer): Buffer {
    const big = this.bigArg!;
    const need = big.length - this.bigFill;
    const take = Math.min(need, chunk.length);
    chunk.copy(big, this.bigFill, 0, take);
    this.bigFill += take;
    if (this.bigFill < big.length) return chunk.subarray(chunk.length);
    this.argv.push(big.latin1Slice(0, big.length - 2));
    this.bigArg = null;
    this.bigFill = 0;
    this.bulkLen = -1;
    this.multibulkLen--;
    return chunk.subarray(take);
  }
}
