// Encoders for the packed blobs the writer produces: listpack (hashes, sorted sets, list nodes, sets in
// RDB 11, stream nodes) and intset. Entries that read as 64-bit integers get listpack's integer
// encodings, as lpAppend does. Counterparts: listpack.c (lpEncodeGetType, lpEncodeBacklen), intset.c.
import { parseI64, parseSafeInt } from '../../util/number.js';
import { lpBacklenSize } from './blobs.js';

/** A growable byte buffer. */
export class ByteSink {
  buf: Buffer;
  len = 0;
  /** Buffers take() handed out that their user gave back (recycle), reused by the next big take(). */
  private readonly spare: Buffer[] = [];
  constructor(size = 256) {
    this.buf = Buffer.allocUnsafe(size);
  }
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const nb = Buffer.allocUnsafe(size);
    this.buf.copy(nb, 0, 0, this.len);
    this.buf = nb;
  }
  byte(v: number): void {
    this.reserve(1);
    this.buf[this.len++] = v;
  }
  latin1(s: string): void {
    this.reserve(s.length);
    const b = this.buf;
    let p = this.len;
    // Short strings are copied by hand: cheaper than the native call.
    if (s.length < 32) for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    else p += b.latin1Write(s, p);
    this.len = p;
  }
  raw(src: Uint8Array, start = 0, end = src.length): void {
    this.reserve(end - start);
    this.buf.set(src.subarray(start, end), this.len);
    this.len += end - start;
  }
  /**
   * Gives back a buffer take() handed out, once nothing uses it any more (written to its file): a
   * background save then cycles through a few buffers instead of allocating one per chunk, each new
   * one external memory that prompts the garbage collector.
   */
  recycle(b: Buffer): void {
    const ab = b.buffer;
    if (this.spare.length < 4 && b.byteOffset === 0 && ab.byteLength >= 65536 && ab instanceof ArrayBuffer) this.spare.push(Buffer.from(ab, 0, ab.byteLength));
  }

  /** The bytes written so far, as a Buffer of the caller's own (a big one is handed over, not copied). */
  take(): Buffer {
    if (this.len >= 65536) {
      const whole = this.buf.subarray(0, this.len);
      const size = Math.min(this.buf.length, 1 << 20);
      const spare = this.spare.pop();
      this.buf = spare !== undefined && spare.length >= size ? spare : Buffer.allocUnsafe(size);
      this.len = 0;
      return whole;
    }
    const out = Buffer.allocUnsafe(this.len);
    this.buf.copy(out, 0, 0, this.len);
    this.len = 0;
    return out;
  }
}

/** lpStringToInt64: the integer value of a canonical decimal string, or null. */
export function lpIntValue(s: string): number | bigint | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  if (n <= 15) return parseSafeInt(s);
  return parseI64(s);
}

function writeBacklen(out: ByteSink, l: number): void {
  const n = lpBacklenSize(l);
  out.reserve(n);
  const b = out.buf;
  let p = out.len;
  // Entries are below 2^32 bytes: 7-bit groups by shifts (the last group of a 5-byte length by division).
  for (let i = n - 1; i >= 0; i--) {
    const bits = (i < 4 ? l >>> (7 * i) : Math.floor(l / 2 ** (7 * i))) & 0x7f;
    b[p++] = i === n - 1 ? bits : bits | 0x80;
  }
  out.len = p;
}

/** Appends one listpack entry (encoding, data, back-length) to out. */
function lpEntry(out: ByteSink, s: string): void {
  const n = s.length;
  const c = n === 0 ? 0 : s.charCodeAt(0);
  // The common case first: a short string that cannot be an integer (it does not start with a digit
  // or '-'): its encoding byte, its bytes, and a one-byte back-length.
  if (n > 0 && n < 64 && !((c >= 48 && c <= 57) || c === 45)) {
    out.reserve(n + 2);
    const b = out.buf;
    let p = out.len;
    b[p++] = 0x80 | n;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    b[p++] = n + 1;
    out.len = p;
    return;
  }
  const start = out.len;
  const iv = lpIntValue(s);
  if (iv !== null) {
    const v = iv;
    if (v >= 0 && v <= 127) out.byte(Number(v));
    else if (v >= -4096 && v <= 4095) {
      const u = (Number(v) + 8192) & 0x1fff;
      out.byte(0xc0 | (u >> 8));
      out.byte(u & 0xff);
    } else {
      let width: number;
      let tag: number;
      if (v >= -32768 && v <= 32767) { width = 2; tag = 0xf1; }
      else if (v >= -8388608 && v <= 8388607) { width = 3; tag = 0xf2; }
      else if (v >= -2147483648 && v <= 2147483647) { width = 4; tag = 0xf3; }
      else { width = 8; tag = 0xf4; }
      out.byte(tag);
      out.reserve(width);
      if (width === 8) out.buf.writeBigInt64LE(BigInt(v), out.len);
      else out.buf.writeIntLE(Number(v), out.len, width);
      out.len += width;
    }
  } else {
    if (n < 64) out.byte(0x80 | n);
    else if (n < 4096) {
      out.byte(0xe0 | (n >> 8));
      out.byte(n & 0xff);
    } else {
      out.byte(0xf0);
      out.reserve(4);
      out.buf.writeUInt32LE(n, out.len);
      out.len += 4;
    }
    out.latin1(s);
  }
  writeBacklen(out, out.len - start);
}

/** A listpack holding the given entries. */
export function encodeListpack(entries: readonly string[], start = 0, end = entries.length): Buffer {
  const out = new ByteSink(64);
  out.len = 6;
  for (let i = start; i < end; i++) lpEntry(out, entries[i]);
  out.byte(0xff);
  out.buf.writeUInt32LE(out.len, 0);
  const count = end - start;
  out.buf.writeUInt16LE(count < 65535 ? count : 65535, 4);
  return out.take();
}

/** An intset of canonical integer strings given in ascending numeric order. */
export function encodeIntset(members: readonly string[]): Buffer {
  let width = 2;
  const vals: bigint[] = members.map((m) => BigInt(m));
  for (const v of vals) {
    if (v < -2147483648n || v > 2147483647n) width = 8;
    else if ((v < -32768n || v > 32767n) && width < 4) width = 4;
  }
  const b = Buffer.alloc(8 + vals.length * width);
  b.writeUInt32LE(width, 0);
  b.writeUInt32LE(vals.length, 4);
  let p = 8;
  for (const v of vals) {
    if (width === 2) b.writeInt16LE(Number(v), p);
    else if (width === 4) b.writeInt32LE(Number(v), p);
    else b.writeBigInt64LE(v, p);
    p += width;
  }
  return b;
}
