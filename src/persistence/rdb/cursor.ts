// Reading RDB primitives from a buffered window of the input: lengths, strings (integer-encoded and LZF
// compressed), doubles and millisecond times. Counterpart: rdbLoadLen, rdbGenericLoadStringObject,
// rdbLoadDoubleValue, rdbLoadBinaryDoubleValue, rdbLoadMillisecondTime in Redis's rdb.c.
//
// A cursor that runs out of bytes throws NeedMore when the stream may still grow (the streaming reader
// waits for more input and retries the record from its start) or an RdbError when the input is complete.
import { NeedMore, RdbError } from './errors.js';
import { RDB_ENC } from './constants.js';
import { lzfDecompress, LzfError } from '../../util/lzf.js';

const TWO32 = 4294967296;

export class Cursor {
  /** Absolute offset (in the whole input) of buf[0], for error messages. */
  base: number;
  /** True when no more bytes can follow `end`. */
  final: boolean;
  pos: number;
  /** Set by readLen: the length byte was a special encoding (11xxxxxx). */
  encoded = false;

  constructor(readonly buf: Buffer, pos = 0, readonly end = buf.length, base = 0, final = true) {
    this.pos = pos;
    this.base = base;
    this.final = final;
  }

  /** Absolute offset of the read position. */
  get offset(): number {
    return this.base + this.pos;
  }

  fail(reason: string, at = this.pos): never {
    throw new RdbError(reason, this.base + at);
  }

  need(n: number): void {
    if (this.pos + n > this.end) {
      if (!this.final) throw new NeedMore(this.pos + n);
      this.fail('Unexpected EOF reading RDB file');
    }
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  /** Little-endian 32-bit signed integer. */
  i32le(): number {
    this.need(4);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** A millisecond time: 8 bytes little endian (signed, as Redis's long long). */
  millis(): number {
    this.need(8);
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readInt32LE(this.pos + 4);
    this.pos += 8;
    return hi * TWO32 + lo;
  }

  /** Raw bytes (a view into the window: copy before keeping). */
  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** rdbLoadLen: sets `encoded` when the value is a special string encoding instead of a length. */
  readLen(): number {
    const b = this.u8();
    const kind = b >> 6;
    this.encoded = false;
    if (kind === 0) return b & 0x3f;
    if (kind === 1) return ((b & 0x3f) << 8) | this.u8();
    if (kind === 3) {
      this.encoded = true;
      return b & 0x3f;
    }
    if (b === 0x80) {
      this.need(4);
      const v = this.buf.readUInt32BE(this.pos);
      this.pos += 4;
      return v;
    }
    if (b === 0x81) {
      this.need(8);
      const hi = this.buf.readUInt32BE(this.pos);
      const lo = this.buf.readUInt32BE(this.pos + 4);
      this.pos += 8;
      if (hi >= 0x200000) this.fail('Length too large', this.pos - 9);
      return hi * TWO32 + lo;
    }
    this.fail(`Unknown length encoding ${b} in rdbLoadLen()`, this.pos - 1);
  }

  /** A length that must not be a special encoding. */
  len(): number {
    const at = this.pos;
    const n = this.readLen();
    if (this.encoded) this.fail('Unexpected string encoding where a length was expected', at);
    return n;
  }

  /** A length read as an unsigned 64-bit value (stream ids and counters). */
  lenBig(): bigint {
    const at = this.pos;
    const b = this.u8();
    if (b === 0x81) {
      this.need(8);
      const v = this.buf.readBigUInt64BE(this.pos);
      this.pos += 8;
      return v;
    }
    this.pos = at;
    return BigInt(this.len());
  }

  /** rdbGenericLoadStringObject into bytes (a view for plain strings, fresh for encoded ones). */
  stringBytes(): Buffer {
    const at = this.pos;
    const n = this.readLen();
    if (!this.encoded) return this.bytes(n);
    switch (n) {
      case RDB_ENC.INT8: {
        this.need(1);
        const v = this.buf.readInt8(this.pos++);
        return Buffer.from(String(v), 'latin1');
      }
      case RDB_ENC.INT16: {
        this.need(2);
        const v = this.buf.readInt16LE(this.pos);
        this.pos += 2;
        return Buffer.from(String(v), 'latin1');
      }
      case RDB_ENC.INT32: {
        this.need(4);
        const v = this.buf.readInt32LE(this.pos);
        this.pos += 4;
        return Buffer.from(String(v), 'latin1');
      }
      case RDB_ENC.LZF: {
        const clen = this.len();
        const len = this.len();
        const data = this.bytes(clen);
        if (len === 0) this.fail('Invalid LZF compressed string', at);
        try {
          return lzfDecompress(data, len);
        } catch (e) {
          if (e instanceof LzfError) this.fail(`Invalid LZF compressed string: ${e.message}`, at);
          throw e;
        }
      }
      default:
        this.fail(`Unknown RDB string encoding type ${n}`, at);
    }
  }

  /** A string as a latin1 JS string (the engine's representation of bytes). */
  string(): string {
    const at = this.pos;
    const n = this.readLen();
    if (!this.encoded) {
      this.need(n);
      const s = this.buf.latin1Slice(this.pos, this.pos + n);
      this.pos += n;
      return s;
    }
    this.pos = at;
    return this.stringBytes().latin1Slice();
  }

  /** rdbLoadDoubleValue (ZSET v1): a length byte then ASCII, with 253/254/255 for nan/+inf/-inf. */
  asciiDouble(): number {
    const at = this.pos;
    const n = this.u8();
    if (n === 253) return NaN;
    if (n === 254) return Infinity;
    if (n === 255) return -Infinity;
    const s = this.bytes(n).latin1Slice();
    const v = Number(s);
    if (Number.isNaN(v) && !/^\s*[+-]?nan/i.test(s)) this.fail('Invalid double value', at);
    return v;
  }

  /** rdbLoadBinaryDoubleValue: IEEE 754 binary64, little endian. */
  binaryDouble(): number {
    this.need(8);
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }
}
