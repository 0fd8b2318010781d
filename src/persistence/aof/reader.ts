// The AOF command-stream reader: a streaming visitor over the RESP part of an append-only file (a whole
// old-style AOF, the tail after an RDB preamble, or one base/incr file of a Redis 7 multi-part AOF).
// Usable without an engine: `cinnabar aof-check` validates with it and a loader can replay from it.
//
// The grammar is the one Redis writes and redis-check-aof accepts:
//   item        = annotation / command
//   annotation  = "#" line            (e.g. "#TS:1700000000\r\n" with aof-timestamp-enabled)
//   command     = "*" count CRLF *( "$" length CRLF bytes CRLF )
// Counts and lengths are read like C's strtol (leading spaces, a sign, then digits) from a line of at
// most 127 bytes (annotations: 1023), and must be followed directly by CRLF. MULTI/EXEC nesting is
// tracked: a MULTI inside a transaction or an EXEC outside one is a problem, and the offset up to which
// the file is good (okOffset) does not move inside a transaction, so cutting the file there never
// leaves half a transaction.
//
// Input is pushed in chunks of any size and parsed by a byte-level state machine that never goes back:
// memory is bounded by the arguments it is asked to keep (retainArgs), not by the file.
import { createReadStream } from 'node:fs';

export type AofProblemKind =
  /** A malformed count, length or CRLF; or the data ends inside a bulk string. */
  | 'resp'
  /** An item that starts with neither '*' nor '#'. */
  | 'format'
  /** MULTI inside a transaction. */
  | 'multi'
  /** EXEC outside a transaction. */
  | 'exec'
  /** The input ends inside a transaction. */
  | 'eof-in-multi';

export interface AofProblem {
  kind: AofProblemKind;
  /** The reason, worded as redis-check-aof words it (without the file name). */
  reason: string;
  /** Where the read that failed started (redis-check-aof's error position). */
  offset: number;
}

export interface AofVisitor {
  /** A complete command (all arguments when retainArgs, else just the name). Return true to stop. */
  command?(argv: Buffer[], offset: number, end: number): boolean | void;
  /** An annotation line (with its CRLF). Return true to stop before it: the reader ends at `offset`. */
  annotation?(line: Buffer, offset: number, end: number): boolean | void;
}

export interface AofReaderOptions {
  /** Keep every argument for the visitor (default true); false keeps only command names (constant memory). */
  retainArgs?: boolean;
  /** Absolute offset of the first byte pushed (e.g. the end of an RDB preamble). */
  startOffset?: number;
}

const enum State {
  ItemStart,
  CountLine,
  LengthLine,
  Bulk,
  Annotation,
  Done,
}

const LF = 10;
const CR = 13;
const COUNT_LINE_MAX = 127;
const ANNOTATION_LINE_MAX = 1023;
const LONG_MAX = 0x7fffffffffffffffn;
const LONG_MIN = -0x8000000000000000n;
/** Command names longer than this cannot be MULTI or EXEC; they are not kept when arguments are not. */
const NAME_KEEP = 16;

/** A byte as C's "%02x" prints a (signed) char. */
function hexChar(b: number): string {
  return b >= 0x80 ? `ffffff${b.toString(16)}` : b.toString(16).padStart(2, '0');
}

/** C's strtol(s, &end, 10) on a latin1 line: the value (clamped to a long) and the index where it stopped. */
function strtol(line: Buffer, from: number, len: number): { value: bigint; end: number } {
  let i = from;
  while (i < len && (line[i] === 32 || (line[i] >= 9 && line[i] <= 13))) i++;
  let neg = false;
  if (i < len && (line[i] === 43 || line[i] === 45)) {
    neg = line[i] === 45;
    i++;
  }
  const digitsAt = i;
  let v = 0n;
  while (i < len && line[i] >= 48 && line[i] <= 57) {
    if (v <= LONG_MAX) v = v * 10n + BigInt(line[i] - 48);
    i++;
  }
  if (i === digitsAt) return { value: 0n, end: from };
  if (neg) v = -v;
  if (v > LONG_MAX) v = LONG_MAX;
  if (v < LONG_MIN) v = LONG_MIN;
  return { value: v, end: i };
}

export class AofReader {
  private state = State.ItemStart;
  /** Absolute offset of the next byte to consume. */
  private pos: number;
  private ok: number;
  private lineCount = 0;
  private depth = 0;
  private found: AofProblem | null = null;
  private stoppedAt = -1;
  /** Start of the last count/length line or bulk read (redis-check-aof's epos). */
  private epos: number;
  private reachedEof = false;

  // The line being accumulated (count/length lines, annotations).
  private countLine = Buffer.alloc(COUNT_LINE_MAX + 2);
  private annotationLine = Buffer.alloc(ANNOTATION_LINE_MAX + 1);
  private line = this.countLine;
  private lineLen = 0;
  private lineStart = 0;
  // The command being read.
  private cmdStart = 0;
  private argc = 0;
  private argi = 0;
  private argv: Buffer[] = [];
  // The bulk string being read.
  private bulkLen = 0;
  private bulkLeft = 0;
  private bulkStart = 0;
  private bulkParts: Buffer[] | null = null;
  private tail0 = -1;
  private tail1 = -1;
  private readonly retain: boolean;

  constructor(private readonly visitor: AofVisitor = {}, options: AofReaderOptions = {}) {
    this.retain = options.retainArgs !== false;
    this.pos = this.ok = this.epos = options.startOffset ?? 0;
  }

  /** True once the reader stopped: a problem, a visitor asked to stop, or end() was called. */
  get done(): boolean {
    return this.state === State.Done;
  }

  /** The offset up to which the input holds complete commands outside any open transaction. */
  get okOffset(): number {
    return this.ok;
  }

  /** CRLF-terminated count, length and data lines consumed (annotations are not counted). */
  get lines(): number {
    return this.lineCount;
  }

  /** The first problem met, or null. */
  get problem(): AofProblem | null {
    return this.found;
  }

  /** Where a visitor stopped the reader (the start of the item it stopped at), or -1. */
  get stopOffset(): number {
    return this.stoppedAt;
  }

  /** Open MULTI blocks at the point reading ended. */
  get multiDepth(): number {
    return this.depth;
  }

  push(chunk: Uint8Array): void {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let i = 0;
    const n = b.length;
    while (i < n && this.state !== State.Done) {
      switch (this.state) {
        case State.ItemStart: {
          const c = b[i];
          if (c === 42 /* * */) this.beginLine(State.CountLine);
          else if (c === 35 /* # */) this.beginLine(State.Annotation);
          else {
            this.fail('format', 'format error', this.pos);
            return;
          }
          break;
        }
        case State.CountLine:
        case State.LengthLine:
        case State.Annotation: {
          const max = this.state === State.Annotation ? ANNOTATION_LINE_MAX : COUNT_LINE_MAX;
          const room = max - this.lineLen;
          const stop = Math.min(n, i + room);
          const lf = b.indexOf(LF, i);
          const end = lf >= 0 && lf < stop ? lf + 1 : stop;
          b.copy(this.line, this.lineLen, i, end);
          this.lineLen += end - i;
          this.pos += end - i;
          i = end;
          if (this.line[this.lineLen - 1] === LF || this.lineLen === max) this.lineDone();
          break;
        }
        case State.Bulk: {
          const take = Math.min(n - i, this.bulkLeft);
          const before = this.bulkLen + 2 - this.bulkLeft;
          // Remember the two bytes that must be CRLF (data positions len and len+1).
          for (let k = Math.max(before, this.bulkLen); k < before + take; k++) {
            if (k === this.bulkLen) this.tail0 = b[i + k - before];
            else this.tail1 = b[i + k - before];
          }
          if (this.bulkParts !== null) {
            const keep = Math.min(take, Math.max(0, this.bulkLen - before));
            if (keep > 0) this.bulkParts.push(Buffer.from(b.subarray(i, i + keep)));
          }
          this.bulkLeft -= take;
          this.pos += take;
          i += take;
          if (this.bulkLeft === 0) this.bulkDone();
          break;
        }
      }
    }
  }

  /** No more input: settles what was pending (an incomplete item, an open transaction). */
  end(): void {
    if (this.state === State.Done) return;
    switch (this.state) {
      case State.CountLine:
      case State.LengthLine:
      case State.Annotation:
        // A line cut by the end of the file is read as it is (fgets returns it without its newline).
        if (this.lineLen > 0) this.lineDone();
        break;
      case State.Bulk:
        this.fail('resp', `Expected to read ${this.bulkLen + 2} bytes, got ${this.bulkLen + 2 - this.bulkLeft} bytes`, this.bulkStart);
        break;
    }
    if ((this.state as State) === State.Done) return;
    this.reachedEof = true;
    if (this.depth > 0 && this.found === null) this.fail('eof-in-multi', 'Reached EOF before reading EXEC for MULTI', this.epos);
    this.state = State.Done;
  }

  /** True when the input ended without a problem stopping the reader first. */
  get atEof(): boolean {
    return this.reachedEof;
  }

  private fail(kind: AofProblemKind, reason: string, offset: number): void {
    if (this.found === null) this.found = { kind, reason, offset };
    this.state = State.Done;
  }

  private beginLine(state: State): void {
    this.state = state;
    this.line = state === State.Annotation ? this.annotationLine : this.countLine;
    this.lineLen = 0;
    this.lineStart = this.pos;
    if (state === State.CountLine) {
      this.cmdStart = this.pos;
      this.argv = [];
      this.argi = 0;
    }
    if (state !== State.Annotation) this.epos = this.pos;
  }

  private lineDone(): void {
    const line = this.line;
    const len = this.lineLen;
    if (this.state === State.Annotation) {
      const text = Buffer.from(line.subarray(0, len));
      if (this.visitor.annotation?.(text, this.lineStart, this.pos)) {
        this.stoppedAt = this.lineStart;
        this.state = State.Done;
        return;
      }
      this.itemStart();
      return;
    }
    const prefix = this.state === State.CountLine ? 42 : 36;
    if (line[0] !== prefix) {
      this.fail('resp', `Expected prefix '${String.fromCharCode(prefix)}', got: '${String.fromCharCode(line[0])}'`, this.lineStart);
      return;
    }
    const { value, end } = strtol(line, 1, len);
    if (!(end + 1 < len && line[end] === CR && line[end + 1] === LF)) {
      // The two bytes compared. When the line ends first, redis-check-aof prints its NUL terminator and
      // then an uninitialised byte; 00 is printed for both here.
      const g0 = end < len ? line[end] : 0;
      const g1 = end + 1 < len ? line[end + 1] : 0;
      this.fail('resp', `Expected \\r\\n, got: ${hexChar(g0)}${hexChar(g1)}`, this.lineStart);
      return;
    }
    this.lineCount++;
    if (this.state === State.CountLine) {
      this.argc = value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
      this.nextArg();
      return;
    }
    if (value < 0n || value > LONG_MAX - 2n) {
      this.fail('resp', `Expected to read string of ${value} bytes, which is not in the suitable range`, this.lineStart);
      return;
    }
    this.bulkLen = Number(value);
    this.bulkLeft = this.bulkLen + 2;
    this.bulkStart = this.epos = this.pos;
    this.tail0 = this.tail1 = -1;
    this.bulkParts = this.retain || (this.argi === 0 && this.bulkLen <= NAME_KEEP) ? [] : null;
    this.state = State.Bulk;
  }

  private bulkDone(): void {
    if (this.tail0 !== CR || this.tail1 !== LF) {
      this.fail('resp', `Expected \\r\\n, got: ${hexChar(this.tail0)}${hexChar(this.tail1)}`, this.bulkStart);
      return;
    }
    this.lineCount++;
    const parts = this.bulkParts;
    const arg = parts === null ? Buffer.alloc(0) : parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (this.argi === 0) {
      const name = arg.length <= NAME_KEEP ? arg.latin1Slice(0, arg.length).toLowerCase() : '';
      if (name === 'multi') {
        if (this.depth++ !== 0) {
          this.fail('multi', 'Unexpected MULTI', this.bulkStart);
          return;
        }
      } else if (name === 'exec') {
        if (--this.depth !== 0) {
          this.fail('exec', 'Unexpected EXEC', this.bulkStart);
          return;
        }
      }
    }
    if (this.retain || this.argi === 0) this.argv.push(arg);
    this.argi++;
    this.nextArg();
  }

  private nextArg(): void {
    if (this.argi < this.argc) {
      this.beginLine(State.LengthLine);
      return;
    }
    const argv = this.argv;
    this.argv = [];
    if (this.visitor.command?.(argv, this.cmdStart, this.pos)) {
      this.stoppedAt = this.pos;
      this.state = State.Done;
      return;
    }
    this.itemStart();
  }

  private itemStart(): void {
    this.state = State.ItemStart;
    if (this.depth === 0) this.ok = this.pos;
  }
}

/** Reads the RESP part of a file from `start` (default 0) in 1 MB chunks; returns the settled reader. */
export async function readAofFile(path: string, visitor: AofVisitor, options: AofReaderOptions = {}): Promise<AofReader> {
  const start = options.startOffset ?? 0;
  const r = new AofReader(visitor, { ...options, startOffset: start });
  const stream = createReadStream(path, { start, highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      r.push(chunk as Buffer);
      if (r.done) break;
    }
  } finally {
    stream.destroy();
  }
  r.end();
  return r;
}
