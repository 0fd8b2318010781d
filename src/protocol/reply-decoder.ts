// Incremental RESP2/RESP3 reply decoder for clients: feed it socket chunks, get typed reply trees.
// Counterpart: hiredis's read.c (the reader redis-cli and redis-benchmark use), written as a resumable
// state machine over Buffers: a partial frame keeps its progress (open aggregates, a bulk body being
// collected) so a new chunk continues where the last one stopped instead of re-parsing from the start.

export type ReplyNode =
  | { type: 'status'; value: string }
  | { type: 'error'; value: string }
  | { type: 'integer'; value: bigint }
  | { type: 'bulk'; value: Buffer }
  | { type: 'null' }
  | { type: 'array'; items: ReplyNode[] }
  | { type: 'map'; items: ReplyNode[] }
  | { type: 'set'; items: ReplyNode[] }
  | { type: 'push'; items: ReplyNode[] }
  | { type: 'double'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'bignum'; value: string }
  | { type: 'verbatim'; format: string; value: Buffer }
  | { type: 'attribute'; items: ReplyNode[]; value: ReplyNode };

/** The aggregate kinds; a map's and an attribute's items are flat: key, value, key, value. */
export type AggregateType = 'array' | 'map' | 'set' | 'push';

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

interface OpenAggregate {
  kind: AggregateType | 'attribute';
  items: ReplyNode[];
  /** How many child nodes are still expected. */
  remaining: number;
}

interface PendingBody {
  kind: 'bulk' | 'error' | 'verbatim';
  /** Body length without the trailing CRLF. */
  length: number;
  chunks: Buffer[];
  have: number;
}

const CR = 13;
const LF = 10;
const EMPTY = Buffer.alloc(0);
/** Guards against a corrupt stream announcing absurd sizes (Redis's proto-max-bulk-len ceiling is 512MB by default). */
const MAX_BULK = 2 ** 32;

export class ReplyDecoder {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** Where the search for the end of a partial header line resumes. */
  private lineScan = 0;
  private stack: OpenAggregate[] = [];
  private body: PendingBody | null = null;
  /** An attribute waiting for the reply it annotates, at the nesting depth where that reply will complete. */
  private attribute: { items: ReplyNode[]; depth: number } | null = null;
  private failed: ProtocolError | null = null;

  constructor(private readonly onReply: (reply: ReplyNode) => void) {}

  /** True when a frame is partially received. */
  get busy(): boolean {
    return this.pos < this.buf.length || this.stack.length > 0 || this.body !== null || this.attribute !== null;
  }

  reset(): void {
    this.buf = EMPTY;
    this.pos = 0;
    this.lineScan = 0;
    this.stack = [];
    this.body = null;
    this.attribute = null;
    this.failed = null;
  }

  /** Consumes a chunk; calls onReply for every completed top-level reply. Throws ProtocolError on bad input. */
  feed(chunk: Buffer): void {
    if (this.failed) throw this.failed;
    if (this.pos < this.buf.length) {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
    } else {
      this.buf = chunk;
    }
    this.lineScan -= this.pos;
    if (this.lineScan < 0) this.lineScan = 0;
    this.pos = 0;
    try {
      this.run();
    } catch (err) {
      if (err instanceof ProtocolError) this.failed = err;
      throw err;
    }
    if (this.pos >= this.buf.length) {
      this.buf = EMPTY;
      this.pos = 0;
      this.lineScan = 0;
    }
  }

  private run(): void {
    for (;;) {
      if (this.body) {
        if (!this.continueBody()) return;
        continue;
      }
      if (this.pos >= this.buf.length) return;
      const lineEnd = this.findLineEnd();
      if (lineEnd < 0) return;
      const start = this.pos;
      this.pos = lineEnd + 2;
      this.lineScan = this.pos;
      this.header(this.buf[start]!, start + 1, lineEnd);
    }
  }

  private findLineEnd(): number {
    const from = Math.max(this.pos + 1, this.lineScan);
    const idx = this.buf.indexOf(LF, from);
    if (idx < 0) {
      this.lineScan = this.buf.length;
      return -1;
    }
    if (this.buf[idx - 1] !== CR) throw new ProtocolError('Protocol error: line not terminated by CRLF');
    return idx - 1;
  }

  private header(type: number, from: number, to: number): void {
    switch (type) {
      case 0x2b /* + */:
        return this.complete({ type: 'status', value: this.buf.toString('utf8', from, to) });
      case 0x2d /* - */:
        return this.complete({ type: 'error', value: this.buf.toString('utf8', from, to) });
      case 0x3a /* : */:
        return this.complete({ type: 'integer', value: this.parseBigInt(from, to) });
      case 0x2c /* , */:
        return this.complete({ type: 'double', value: this.buf.toString('latin1', from, to) });
      case 0x28 /* ( */:
        this.parseBigInt(from, to);
        return this.complete({ type: 'bignum', value: this.buf.toString('latin1', from, to) });
      case 0x5f /* _ */:
        return this.complete({ type: 'null' });
      case 0x23 /* # */: {
        const c = this.buf[from];
        if (to - from !== 1 || (c !== 0x74 && c !== 0x66)) throw new ProtocolError('Protocol error: bad boolean');
        return this.complete({ type: 'boolean', value: c === 0x74 });
      }
      case 0x24 /* $ */:
        return this.startBody('bulk', from, to);
      case 0x21 /* ! */:
        return this.startBody('error', from, to);
      case 0x3d /* = */:
        return this.startBody('verbatim', from, to);
      case 0x2a /* * */:
        return this.open('array', from, to, 1);
      case 0x25 /* % */:
        return this.open('map', from, to, 2);
      case 0x7e /* ~ */:
        return this.open('set', from, to, 1);
      case 0x3e /* > */:
        return this.open('push', from, to, 1);
      case 0x7c /* | */:
        return this.open('attribute', from, to, 2);
      default:
        throw new ProtocolError(`Protocol error, got ${JSON.stringify(String.fromCharCode(type))} as reply type byte`);
    }
  }

  private parseInt(from: number, to: number): number {
    if (from >= to) throw new ProtocolError('Protocol error: empty length');
    let neg = false;
    let i = from;
    if (this.buf[i] === 0x2d) {
      neg = true;
      i++;
    }
    if (i >= to) throw new ProtocolError('Protocol error: bad length');
    let n = 0;
    for (; i < to; i++) {
      const d = this.buf[i]! - 0x30;
      if (d < 0 || d > 9) throw new ProtocolError('Protocol error: bad length');
      n = n * 10 + d;
    }
    return neg ? -n : n;
  }

  private parseBigInt(from: number, to: number): bigint {
    if (to - from <= 15) return BigInt(this.parseInt(from, to));
    const text = this.buf.toString('latin1', from, to);
    if (!/^[-+]?\d+$/.test(text)) throw new ProtocolError('Protocol error: bad integer value');
    return BigInt(text);
  }

  private startBody(kind: PendingBody['kind'], from: number, to: number): void {
    const length = this.parseInt(from, to);
    if (length < 0) {
      if (kind !== 'bulk') throw new ProtocolError('Protocol error: negative length');
      return this.complete({ type: 'null' });
    }
    if (length > MAX_BULK) throw new ProtocolError('Protocol error: bulk length out of range');
    this.body = { kind, length, chunks: [], have: 0 };
  }

  /** Collects a bulk body (plus its CRLF) across chunks; returns false when more input is needed. */
  private continueBody(): boolean {
    const body = this.body!;
    const need = body.length + 2 - body.have;
    const avail = this.buf.length - this.pos;
    if (avail < need) {
      if (avail > 0) {
        body.chunks.push(this.buf.subarray(this.pos));
        body.have += avail;
        this.pos = this.buf.length;
      }
      return false;
    }
    let data: Buffer;
    const end = this.pos + need;
    if (body.chunks.length === 0) {
      data = this.buf.subarray(this.pos, end);
    } else {
      body.chunks.push(this.buf.subarray(this.pos, end));
      data = Buffer.concat(body.chunks, body.length + 2);
    }
    this.pos = end;
    if (data[body.length] !== CR || data[body.length + 1] !== LF) {
      throw new ProtocolError('Protocol error: bulk string not terminated by CRLF');
    }
    // Copy so a small reply does not pin the whole receive chunk it arrived in.
    const value = Buffer.from(data.subarray(0, body.length));
    this.body = null;
    if (body.kind === 'bulk') {
      this.complete({ type: 'bulk', value });
    } else if (body.kind === 'error') {
      this.complete({ type: 'error', value: value.toString('utf8') });
    } else {
      if (value.length < 4 || value[3] !== 0x3a) throw new ProtocolError('Protocol error: bad verbatim string');
      this.complete({ type: 'verbatim', format: value.toString('latin1', 0, 3), value: value.subarray(4) });
    }
    return true;
  }

  private open(kind: OpenAggregate['kind'], from: number, to: number, per: number): void {
    const count = this.parseInt(from, to);
    if (count < 0) {
      if (kind !== 'array') throw new ProtocolError('Protocol error: negative aggregate length');
      return this.complete({ type: 'null' });
    }
    if (count === 0) {
      if (kind === 'attribute') {
        this.attribute = { items: [], depth: this.stack.length };
        return;
      }
      return this.complete({ type: kind, items: [] });
    }
    this.stack.push({ kind, items: [], remaining: count * per });
  }

  /** Places a finished node into its parent, closing every aggregate it completes. */
  private complete(node: ReplyNode): void {
    for (;;) {
      if (this.attribute && this.attribute.depth === this.stack.length) {
        node = { type: 'attribute', items: this.attribute.items, value: node };
        this.attribute = null;
      }
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        this.onReply(node);
        return;
      }
      top.items.push(node);
      if (--top.remaining > 0) return;
      this.stack.pop();
      if (top.kind === 'attribute') {
        this.attribute = { items: top.items, depth: this.stack.length };
        return;
      }
      node = { type: top.kind, items: top.items };
    }
  }
}

/** Decodes one complete buffer into its replies (tests, tools reading a captured stream). */
export function decodeAll(data: Buffer): ReplyNode[] {
  const out: ReplyNode[] = [];
  const dec = new ReplyDecoder((r) => out.push(r));
  dec.feed(data);
  if (dec.busy) throw new ProtocolError('Protocol error: incomplete reply');
  return out;
}
