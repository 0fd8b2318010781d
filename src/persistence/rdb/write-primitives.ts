// RDB primitives on the write side: lengths and strings (integer encoding for short canonical
// integers, LZF when compression is on and it saves space). Counterpart: rdbSaveLen, rdbSaveRawString,
// rdbTryIntegerEncoding and rdbSaveLzfStringObject in Redis's rdb.c.
import { lzfCompress } from '../../util/lzf.js';
import { parseSafeInt } from '../../util/number.js';
import type { ByteSink } from './pack.js';

/** rdbSaveLen. */
export function writeLen(out: ByteSink, n: number): void {
  if (n < 64) out.byte(n);
  else if (n < 16384) {
    out.byte(0x40 | (n >> 8));
    out.byte(n & 0xff);
  } else if (n <= 0xffffffff) {
    out.byte(0x80);
    out.reserve(4);
    out.buf.writeUInt32BE(n, out.len);
    out.len += 4;
  } else {
    out.byte(0x81);
    out.reserve(8);
    out.buf.writeBigUInt64BE(BigInt(n), out.len);
    out.len += 8;
  }
}

/** rdbTryIntegerEncoding: a canonical integer of up to 11 characters that fits 32 bits. */
function writeIntString(out: ByteSink, s: string): boolean {
  const v = parseSafeInt(s);
  if (v === null) return false;
  if (v >= -128 && v <= 127) {
    out.byte(0xc0);
    out.byte(v & 0xff);
  } else if (v >= -32768 && v <= 32767) {
    out.byte(0xc1);
    out.byte(v & 0xff);
    out.byte((v >> 8) & 0xff);
  } else if (v >= -2147483648 && v <= 2147483647) {
    out.byte(0xc2);
    out.reserve(4);
    out.buf.writeInt32LE(v, out.len);
    out.len += 4;
  } else {
    return false;
  }
  return true;
}

/** rdbSaveLzfStringObject: true when the compressed form was written (it must save at least 4 bytes). */
function writeLzf(out: ByteSink, data: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n <= 4) return false;
  const tmp = Buffer.allocUnsafe(n - 4);
  const clen = lzfCompress(data, tmp, start, end);
  if (clen === 0) return false;
  out.byte(0xc3);
  writeLen(out, clen);
  writeLen(out, n);
  out.raw(tmp, 0, clen);
  return true;
}

/** rdbSaveRawString for a latin1 JS string. */
export function writeString(out: ByteSink, s: string, compress: boolean): void {
  const n = s.length;
  if (n <= 11 && n > 0 && writeIntString(out, s)) return;
  if (compress && n > 20) {
    const b = Buffer.from(s, 'latin1');
    if (writeLzf(out, b, 0, n)) return;
  }
  writeLen(out, n);
  out.latin1(s);
}

/** rdbSaveRawString for bytes (packed blobs, changed-in-place strings). */
export function writeBytes(out: ByteSink, b: Uint8Array, compress: boolean): void {
  const n = b.length;
  if (n <= 11 && n > 0 && writeIntString(out, Buffer.from(b.buffer, b.byteOffset, n).latin1Slice())) return;
  if (compress && n > 20 && writeLzf(out, b, 0, n)) return;
  writeLen(out, n);
  out.raw(b);
}
