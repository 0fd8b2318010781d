// Counts complete replies in a RESP2/RESP3 byte stream without decoding them: the benchmark only needs
// to know when all replies of a pipelined batch have arrived (and whether a reply was an error).
// Counterpart: redis-benchmark reads every reply with hiredis's redisGetReply and frees it at once; this
// scanner does the same bookkeeping with a handful of integers, no objects per reply, and resumes in the
// middle of a header or a bulk body when a reply is split across reads.

const CR = 13;
const LF = 10;
const MAX_DEPTH = 64;

/** Where the scanner is inside the current reply. */
const enum State {
  /** Expecting a type byte. */
  Type,
  /** Inside a line whose content does not matter (status, integer, double, boolean, null, bignum). */
  Line,
  /** Inside a length line ($ = ! * % ~ > |): accumulating the number. */
  Length,
  /** Skipping a bulk body plus its CRLF. */
  Body,
}

/** What a length line announces. */
const enum Kind {
  Bulk,
  Aggregate,
  /** Maps hold key/value pairs: twice the announced count of elements. */
  Map,
  Attribute,
  Push,
}

/** How a finished aggregate counts. */
const enum Frame {
  Element,
  /** An attribute annotates the reply after it and is not an element itself. */
  Attribute,
  /** A push frame (RESP3 invalidation, pub/sub message) is not a reply to a command. */
  Push,
}

export class ReplyCounter {
  /** Complete top-level replies seen since the last reset of the count. */
  count = 0;
  /** Top-level error replies among them. */
  errors = 0;
  /**
   * Text of the first top-level error seen since `takeError()` last ran; null when none. Only captured
   * when `captureErrors` is on (redis-benchmark -e), which costs a string per error reply.
   */
  lastError: string | null = null;
  captureErrors = false;

  private state = State.Type;
  private kind = Kind.Bulk;
  private negative = false;
  private num = 0;
  private bodyLeft = 0;
  /** Whether the element being read is itself an error (top level only matters). */
  private isError = false;
  private errorText = '';
  /** Remaining children per open aggregate, and how each counts when it completes. */
  private readonly remaining = new Int32Array(MAX_DEPTH);
  private readonly frame = new Uint8Array(MAX_DEPTH);
  private depth = 0;

  /** Forgets any partial reply (after a reconnect). */
  reset(): void {
    this.state = State.Type;
    this.depth = 0;
    this.num = 0;
    this.bodyLeft = 0;
    this.isError = false;
    this.errorText = '';
  }

  /** True when no reply is partially scanned. */
  get idle(): boolean {
    return this.state === State.Type && this.depth === 0;
  }

  /**
   * Scans `buf[start, end)`; returns the number of top-level replies completed in it (also added to
   * `count`). Throws on bytes that cannot start a reply.
   */
  feed(buf: Uint8Array, start: number, end: number): number {
    let completed = 0;
    let p = start;
    let state = this.state;
    while (p < end) {
      if (state === State.Type) {
        const t = buf[p++]!;
        switch (t) {
          case 0x24: // $ bulk
          case 0x3d: // = verbatim
            this.kind = Kind.Bulk;
            this.isError = false;
            state = State.Length;
            this.num = 0;
            this.negative = false;
            break;
          case 0x21: // ! blob error
            this.kind = Kind.Bulk;
            this.isError = true;
            state = State.Length;
            this.num = 0;
            this.negative = false;
            break;
          case 0x2a: // * array
          case 0x25: // % map
          case 0x7e: // ~ set
          case 0x3e: // > push
            this.kind = t === 0x25 ? Kind.Map : t === 0x3e ? Kind.Push : Kind.Aggregate;
            state = State.Length;
            this.num = 0;
            this.negative = false;
            break;
          case 0x7c: // | attribute
            this.kind = Kind.Attribute;
            state = State.Length;
            this.num = 0;
            this.negative = false;
            break;
          case 0x2d: // - error
            this.isError = true;
            if (this.captureErrors && this.depth === 0) this.errorText = '';
            state = State.Line;
            break;
          case 0x2b: // + status
          case 0x3a: // : integer
          case 0x2c: // , double
          case 0x23: // # boolean
          case 0x5f: // _ null
          case 0x28: // ( big number
            this.isError = false;
            state = State.Line;
            break;
          default:
            this.state = State.Type;
            throw new Error(`Protocol error, got "${String.fromCharCode(t)}" as reply type byte`);
        }
      } else if (state === State.Line) {
        // Look for the LF that ends the line; the CR before it is part of the line's bytes.
        const lf = indexOfLf(buf, p, end);
        if (this.isError && this.captureErrors && this.depth === 0) {
          this.errorText += latin1(buf, p, lf < 0 ? end : lf);
        }
        if (lf < 0) {
          p = end;
          break;
        }
        p = lf + 1;
        state = State.Type;
        if (this.completeElement()) {
          completed++;
        }
      } else if (state === State.Length) {
        const c = buf[p++]!;
        if (c >= 0x30 && c <= 0x39) this.num = this.num * 10 + (c - 0x30);
        else if (c === 0x2d) this.negative = true;
        else if (c === LF) {
          const n = this.negative ? -1 : this.num;
          state = State.Type;
          if (this.kind === Kind.Bulk) {
            if (n < 0) {
              if (this.completeElement()) completed++;
            } else {
              this.bodyLeft = n + 2;
              state = State.Body;
              if (this.isError && this.captureErrors && this.depth === 0) this.errorText = '';
            }
          } else if (n <= 0) {
            // Empty or null aggregate: complete at once (an empty attribute annotates what follows).
            if (this.kind === Kind.Attribute || (this.kind === Kind.Push && this.depth === 0)) {
              // nothing to count
            } else if (this.completeElement()) completed++;
          } else {
            if (this.depth >= MAX_DEPTH) throw new Error('Protocol error, reply nested too deeply');
            const k = this.kind;
            this.remaining[this.depth] = k === Kind.Map || k === Kind.Attribute ? n * 2 : n;
            this.frame[this.depth] = k === Kind.Attribute ? Frame.Attribute : k === Kind.Push && this.depth === 0 ? Frame.Push : Frame.Element;
            this.depth++;
          }
        } else if (c !== CR) {
          this.state = State.Type;
          throw new Error('Protocol error, bad length in reply');
        }
      } else {
        // Body: skip what is left of it, CRLF included.
        const avail = end - p;
        if (avail < this.bodyLeft) {
          if (this.isError && this.captureErrors && this.depth === 0) this.errorText += latin1(buf, p, end);
          this.bodyLeft -= avail;
          p = end;
          break;
        }
        if (this.isError && this.captureErrors && this.depth === 0) {
          this.errorText += latin1(buf, p, p + this.bodyLeft - 2);
        }
        p += this.bodyLeft;
        this.bodyLeft = 0;
        state = State.Type;
        if (this.completeElement()) completed++;
      }
    }
    this.state = state;
    this.count += completed;
    return completed;
  }

  /** Returns and clears the captured error text. */
  takeError(): string | null {
    const e = this.lastError;
    this.lastError = null;
    return e;
  }

  /** An element ended; closes the aggregates it completes. True when a top-level reply is complete. */
  private completeElement(): boolean {
    let isError = this.isError;
    this.isError = false;
    while (this.depth > 0) {
      const d = this.depth - 1;
      if (--this.remaining[d]! > 0) return false;
      this.depth = d;
      if (this.frame[d] !== Frame.Element) return false;
      isError = false;
    }
    if (isError) {
      this.errors++;
      if (this.captureErrors) {
        const text = this.errorText.endsWith('\r') ? this.errorText.slice(0, -1) : this.errorText;
        if (this.lastError === null) this.lastError = text;
        this.errorText = '';
      }
    }
    return true;
  }
}

function indexOfLf(buf: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buf[i] === LF) return i;
  return -1;
}

function latin1(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]!);
  return s;
}
