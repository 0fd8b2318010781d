// Reply values that commands return; the encoder (encoder.ts) turns them into RESP2 or RESP3 bytes.
// Counterpart: the addReply* family in Redis's networking.c, but as values rather than writes.
//
//   string          bulk string (bytes held as a latin1 JS string)
//   Buffer          bulk string
//   number/bigint   integer
//   null            null bulk ($-1 / _)
//   Reply[]         array
//   the classes below for everything else.

export class Status {
  /** The encoded "+text\r\n", made on first use (statuses are mostly shared constants). */
  encoded: Buffer | null = null;
  constructor(readonly text: string) {}
}
export class ErrorReply {
  /** Full error text, starting with its code: "ERR syntax error". */
  constructor(readonly text: string) {}
  get code(): string {
    const sp = this.text.indexOf(' ');
    return sp < 0 ? this.text : this.text.slice(0, sp);
  }
}
/**
 * A double: RESP3 ',' type, RESP2 bulk string, in the shortest round-trip form unless `text` gives the
 * exact digits to send (GEO coordinates print Redis's 17-decimal "human" form).
 */
export class DoubleReply {
  constructor(readonly value: number, readonly text?: string) {}
}
/** RESP3 map; RESP2 flat array of key, value, key, value. */
export class MapReply {
  constructor(readonly flat: Reply[]) {}
}
/** RESP3 set; RESP2 array. */
export class SetReply {
  constructor(readonly items: Reply[]) {}
}
/** RESP3 boolean; RESP2 integer 1/0. */
export class BoolReply {
  constructor(readonly value: boolean) {}
}
/** RESP3 verbatim string; RESP2 bulk string. */
export class VerbatimReply {
  constructor(readonly format: string, readonly text: string) {}
}
/** RESP3 big number; RESP2 bulk string. */
export class BigNumberReply {
  constructor(readonly digits: string) {}
}
/** RESP3 push (out-of-band); RESP2 array. */
export class PushReply {
  constructor(readonly items: Reply[]) {}
}
/** A null that RESP2 writes as a null array (*-1) rather than a null bulk. */
export class NullArray {
  private constructor() {}
  static readonly instance = new NullArray();
}
/** Several replies sent back to back for one command (e.g. SUBSCRIBE with several channels). */
export class MultiReply {
  constructor(readonly replies: Reply[]) {}
}
/** Where a ViewReply writes itself (the encoder's output buffer). */
export interface ReplyWriter {
  /** An array header: `*n`. */
  header(prefix: number, n: number): void;
  /** A bulk string of n bytes of src from start. */
  bulkBytes(src: Uint8Array, start: number, n: number): void;
}
/**
 * A reply read straight from a value's storage as it is encoded (LRANGE of a packed list copies entry
 * bytes without making a string of each). It must be written before any other command runs, so a
 * command returns one only when CommandContext.replyNow says the reply is encoded at once.
 */
export abstract class ViewReply {
  abstract writeTo(out: ReplyWriter): void;
  /** The same reply as plain values (for a caller that keeps replies). */
  abstract materialize(): Reply;
}
/** Nothing is written (CLIENT REPLY OFF, a blocked client, QUIT handled by the server). */
export class NoReply {
  private constructor() {}
  static readonly instance = new NoReply();
}

/** V8's longest string (0x1fffffe8 characters on 64-bit builds). */
export const MAX_STRING_LENGTH = 0x1fffffe8;

/** A string value that changes in place (APPEND, SETRANGE, SETBIT): bytes with spare capacity. */
export class MutableString {
  buf: Buffer;
  len: number;
  /**
   * What OBJECT ENCODING reports until the value changes: "raw", or an encoding Redis keeps although the
   * bytes alone would not give it - "embstr" for a few computed results (INCRBYFLOAT) even when they
   * read as integers, "int" for COPY's duplicate of a shared integer, which is a private (refcount 1) one.
   */
  shownEncoding: 'raw' | 'embstr' | 'int' = 'raw';
  /** Bytes the used_memory accounting last counted for this value (src/keyspace/accounting.ts). */
  accounted = 0;

  /** An unchanged computed value that OBJECT ENCODING reports as embstr. */
  static embedded(s: string): MutableString {
    const m = new MutableString(s);
    m.shownEncoding = 'embstr';
    return m;
  }
  /** An integer object of its own, not Redis's shared one: OBJECT ENCODING int, OBJECT REFCOUNT 1. */
  static privateInt(s: string): MutableString {
    const m = new MutableString(s);
    m.shownEncoding = 'int';
    return m;
  }
  constructor(initial: string | Buffer, extra = 0) {
    const n = typeof initial === 'string' ? initial.length : initial.length;
    this.buf = Buffer.allocUnsafe(Math.max(16, n + extra));
    if (typeof initial === 'string') this.buf.latin1Write(initial, 0);
    else initial.copy(this.buf, 0);
    this.len = n;
  }
  /** Makes room for `size` bytes, doubling like sdsMakeRoomFor below 1 MB, then growing by 1 MB. */
  reserve(size: number): void {
    this.shownEncoding = 'raw';
    if (size <= this.buf.length) return;
    const grown = size < 1048576 ? size * 2 : size + 1048576;
    const nb = Buffer.allocUnsafe(grown);
    this.buf.copy(nb, 0, 0, this.len);
    this.buf = nb;
  }
  append(s: string): void {
    this.shownEncoding = 'raw';
    this.reserve(this.len + s.length);
    this.buf.latin1Write(s, this.len);
    this.len += s.length;
  }
  toString(): string {
    return this.buf.latin1Slice(0, this.len);
  }
  /**
   * Makes the value `size` bytes long, the new bytes zero (SETBIT, SETRANGE past the end). A new buffer
   * comes zeroed from the allocator, whose big blocks are fresh pages the OS zeroes on first touch, so
   * a sparse bitmap of 512 MB costs its touched pages only (filling it by hand took 2 s); bytes within
   * the old capacity are cleared here.
   */
  extendZeroed(size: number): void {
    this.shownEncoding = 'raw';
    if (size <= this.len) return;
    if (size > this.buf.length) {
      const nb = Buffer.alloc(size < 1048576 ? size * 2 : size + 1048576);
      this.buf.copy(nb, 0, 0, this.len);
      this.buf = nb;
    } else {
      this.buf.fill(0, this.len, size);
    }
    this.len = size;
  }
  /**
   * The value for a bulk reply, copied (replies may be encoded after later commands ran): a string,
   * or bytes when it is longer than the longest string V8 makes (2^29 - 24 characters, just under
   * proto-max-bulk-len's 512 MB).
   */
  copyForReply(): string | Buffer {
    return this.len > MAX_STRING_LENGTH ? Buffer.from(this.view()) : this.toString();
  }
  view(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

export type Reply =
  | string
  | Buffer
  | number
  | bigint
  | null
  | Reply[]
  | Status
  | ErrorReply
  | DoubleReply
  | MapReply
  | SetReply
  | BoolReply
  | VerbatimReply
  | BigNumberReply
  | PushReply
  | NullArray
  | MultiReply
  | NoReply
  | MutableString
  | ViewReply;

export const OK = new Status('OK');
export const PONG = new Status('PONG');
export const QUEUED = new Status('QUEUED');
