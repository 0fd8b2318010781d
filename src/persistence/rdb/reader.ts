// The RDB reader: a streaming visitor over a whole RDB file, usable without an engine (rdb-check,
// startup loading, replication). Counterpart: rdbLoadRioWithLoadingCtx in Redis's rdb.c.
//
// Input arrives in chunks (push) and is parsed record by record: a record is one opcode with its
// payload, or one key with its value. A record cut by the end of the buffered input is parsed again
// from its start once more bytes have arrived; to keep that linear for huge values the reader waits
// until the buffered input has at least doubled before retrying. Memory stays bounded by the largest
// single record, whatever the file size. The CRC-64 trailer is computed over committed records and
// checked at the end (a stored 0 means the writer had checksums disabled).
import { createReadStream } from 'node:fs';
import { Crc64 } from '../../util/crc64.js';
import { Cursor } from './cursor.js';
import { NeedMore, RdbError } from './errors.js';
import { RDB_MAX_READ_VERSION, RDB_OPCODE, rdbTypeName } from './constants.js';
import { readValue, valueTypeOf, type RdbValue } from './value-reader.js';

export interface RdbKeyRecord {
  db: number;
  key: string;
  /** The type byte and its name (the stored encoding, e.g. 'quicklist-v2'). */
  rdbType: number;
  encoding: string;
  /** Absolute unix ms, or -1. */
  expireMs: number;
  /** LRU idle seconds from an IDLE opcode, or -1. */
  idle: number;
  /** LFU counter from a FREQ opcode, or -1. */
  freq: number;
  value: RdbValue;
  /** Offset of the key's type byte in the file. */
  offset: number;
}

export interface RdbEndInfo {
  version: number;
  /** Stored checksum (null for RDB < 5). */
  checksum: bigint | null;
  /** True when a non-zero stored checksum was compared with the computed one. */
  checksumChecked: boolean;
  /** Bytes up to the end of the trailer. */
  bytes: number;
}

export interface RdbVisitor {
  header?(version: number): void;
  aux?(key: string, value: string, offset: number, end: number): void;
  selectDb?(db: number, offset: number, end: number): void;
  resizeDb?(dbSize: number, expiresSize: number, offset: number): void;
  key?(rec: RdbKeyRecord): void;
  functionLibrary?(code: string, offset: number): void;
  end?(info: RdbEndInfo): void;
}

export interface RdbReaderOptions {
  /** Compare the CRC-64 trailer with the data (default true). */
  verifyChecksum?: boolean;
}

const enum State {
  Header,
  Records,
  Checksum,
  Done,
}

export class RdbReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Absolute offset of the first buffered byte. */
  private base = 0;
  /** Wait until this many bytes are buffered before parsing again. */
  private want = 1;
  private state = State.Header;
  private version = 0;
  private db = 0;
  private expireMs = -1;
  private idle = -1;
  private freq = -1;
  private readonly crc = new Crc64();
  private readonly verify: boolean;
  /** What the record being parsed is (kept when parsing fails, for reports like redis-check-rdb's). */
  readonly progress: { doing: string; key: string | null; type: number } = { doing: 'start', key: null, type: -1 };

  constructor(private readonly visitor: RdbVisitor, options: RdbReaderOptions = {}) {
    this.verify = options.verifyChecksum !== false;
  }

  get done(): boolean {
    return this.state === State.Done;
  }

  /** The RDB version from the header (0 before it was read). */
  get rdbVersion(): number {
    return this.version;
  }

  push(chunk: Uint8Array): void {
    if (this.state === State.Done || chunk.length === 0) return;
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    this.chunks.push(b);
    this.buffered += b.length;
    if (this.buffered >= this.want) this.parse(false);
  }

  /** No more input: parses what is left and throws if the file is incomplete. */
  end(): void {
    if (this.state !== State.Done) this.parse(true);
    if (this.state !== State.Done) {
      // The input ended between records: the next one (or the checksum) was about to be read.
      this.progress.doing = this.state === State.Checksum ? 'check-sum' : this.state === State.Header ? 'start' : 'read-type';
      this.progress.key = null;
      this.progress.type = -1;
      throw new RdbError('Unexpected EOF reading RDB file', this.base + this.buffered);
    }
  }

  private parse(final: boolean): void {
    const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const c = new Cursor(buf, 0, buf.length, this.base, final);
    let committed = 0;
    // The checksum covers every byte before the trailer: folded in once per parse (a call per record
    // cost more than the folding), and up to the trailer just before the trailer is read.
    let summed = 0;
    try {
      while (this.state !== State.Done && c.pos < c.end) {
        if (this.state === State.Checksum && summed >= 0) {
          this.crc.update(buf, summed, committed);
          summed = -1;
        }
        this.step(c);
        committed = c.pos;
      }
      if (this.state === State.Checksum && final) c.need(8);
      this.want = 1;
    } catch (e) {
      if (!(e instanceof NeedMore)) throw e;
      const pending = buf.length - committed;
      this.want = Math.max(e.needed - committed, pending * 2);
    }
    if (summed >= 0) this.crc.update(buf, summed, committed);
    const rest = committed === 0 ? buf : buf.subarray(committed);
    this.base += committed;
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }

  /** Parses one record; visitor callbacks run only once the record is complete. */
  private step(c: Cursor): void {
    if (this.state === State.Header) {
      this.readHeader(c);
      return;
    }
    if (this.state === State.Checksum) {
      this.readChecksum(c);
      return;
    }
    const at = c.pos;
    const p = this.progress;
    p.doing = 'read-type';
    p.key = null;
    p.type = -1;
    const op = c.u8();
    const v = this.visitor;
    switch (op) {
      case RDB_OPCODE.EOF:
        if (this.version >= 5) this.state = State.Checksum;
        else {
          this.state = State.Done;
          v.end?.({ version: this.version, checksum: null, checksumChecked: false, bytes: c.offset });
        }
        return;
      case RDB_OPCODE.SELECTDB: {
        p.doing = 'read-len';
        const db = c.len();
        this.db = db;
        v.selectDb?.(db, c.base + at, c.offset);
        return;
      }
      case RDB_OPCODE.RESIZEDB: {
        p.doing = 'read-len';
        const size = c.len();
        const expires = c.len();
        v.resizeDb?.(size, expires, c.base + at);
        return;
      }
      case RDB_OPCODE.AUX: {
        p.doing = 'read-aux';
        const key = c.string();
        const value = c.string();
        v.aux?.(key, value, c.base + at, c.offset);
        return;
      }
      case RDB_OPCODE.EXPIRETIME:
        p.doing = 'read-expire';
        this.expireMs = c.i32le() * 1000;
        return;
      case RDB_OPCODE.EXPIRETIME_MS:
        p.doing = 'read-expire';
        this.expireMs = c.millis();
        return;
      case RDB_OPCODE.IDLE:
        this.idle = c.len();
        return;
      case RDB_OPCODE.FREQ:
        this.freq = c.u8();
        return;
      case RDB_OPCODE.FUNCTION2: {
        p.doing = 'read-functions';
        const code = c.string();
        v.functionLibrary?.(code, c.base + at);
        return;
      }
      case RDB_OPCODE.FUNCTION_PRE_GA:
        c.fail('Pre-release function format (Redis 7.0 release candidates) is not supported', at);
      case RDB_OPCODE.MODULE_AUX:
        c.fail('Module auxiliary data is not supported (no modules are loaded)', at);
      default: {
        const kind = valueTypeOf(op);
        if (kind === null) c.fail(`Unknown object type or opcode ${op}`, at);
        if (kind === 'module') c.fail('Module values are not supported (no modules are loaded)', at);
        p.type = op;
        p.doing = 'read-key';
        const key = c.string();
        p.key = key;
        p.doing = 'read-object-value';
        const value = readValue(c, op);
        const rec: RdbKeyRecord = {
          db: this.db, key, rdbType: op, encoding: rdbTypeName(op), expireMs: this.expireMs,
          idle: this.idle, freq: this.freq, value, offset: c.base + at,
        };
        this.expireMs = this.idle = this.freq = -1;
        v.key?.(rec);
      }
    }
  }

  private readHeader(c: Cursor): void {
    const h = c.bytes(9);
    if (h.latin1Slice(0, 5) !== 'REDIS') c.fail('Wrong signature trying to load DB from file', 0);
    const digits = h.latin1Slice(5, 9);
    if (!/^[0-9]{4}$/.test(digits)) c.fail('Wrong signature trying to load DB from file', 5);
    const version = Number(digits);
    if (version < 1) c.fail(`Can't handle RDB format version ${version}`, 5);
    if (version > RDB_MAX_READ_VERSION) {
      c.fail(
        `Can't handle RDB format version ${version}: this server reads RDB versions 1 to ${RDB_MAX_READ_VERSION}` +
          (version === 12 ? ' (version 12 is written by Redis 7.4)' : ''),
        5,
      );
    }
    this.version = version;
    this.state = State.Records;
    this.visitor.header?.(version);
  }

  private readChecksum(c: Cursor): void {
    this.progress.doing = 'check-sum';
    const at = c.pos;
    const b = c.bytes(8);
    const stored = b.readBigUInt64LE(0);
    const checked = this.verify && stored !== 0n;
    if (checked && !this.crc.equalsLE(b, 0)) {
      c.fail(`Wrong RDB checksum expected: ${this.crc.value().toString(16).padStart(16, '0')} got: ${stored.toString(16).padStart(16, '0')}`, at);
    }
    this.state = State.Done;
    this.visitor.end?.({ version: this.version, checksum: stored, checksumChecked: checked, bytes: c.offset });
  }
}

/** Reads a complete RDB image held in memory. */
export function readRdbBuffer(buf: Uint8Array, visitor: RdbVisitor, options?: RdbReaderOptions): void {
  const r = new RdbReader(visitor, options);
  r.push(buf);
  r.end();
}

/** Reads an RDB file from any chunked source (a file stream, a socket). */
export async function readRdbStream(source: AsyncIterable<Uint8Array>, visitor: RdbVisitor, options?: RdbReaderOptions): Promise<void> {
  const r = new RdbReader(visitor, options);
  for await (const chunk of source) {
    r.push(chunk);
    if (r.done) break;
  }
  r.end();
}

/** Reads an RDB file in 1 MB chunks. */
export async function readRdbFile(path: string, visitor: RdbVisitor, options?: RdbReaderOptions): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    await readRdbStream(stream, visitor, options);
  } finally {
    stream.destroy();
  }
}
