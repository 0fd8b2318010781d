// Listpack encoding: Redis's compact serialisation of a sequence of strings and integers, byte for byte
// as listpack.c writes it (6-byte header with total bytes and element count, entries of encoding + data
// + back-length, 0xFF terminator). Stream nodes are listpacks, so a stream's nodes can be written to
// and read from an RDB file unchanged. Readers report the decoded element through module-level
// registers (no allocation per element).
import { parseI64 } from '../util/number.js';

export const LP_HDR_SIZE = 6;
export const LP_EOF = 0xff;
const NUMELE_UNKNOWN = 65535;
const TWO32 = 4294967296;

/** Bytes of a back-length for an entry of `l` bytes (encoding + data). */
export function backlenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/** Encoded size (without back-length) of a signed integer given as a safe number. */
export function intEncSize(v: number): number {
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}

/** Whole entry size for an integer (encoding fits in one back-length byte). */
export function intEntrySize(v: number): number {
  return intEncSize(v) + 1;
}

/** Encoded size (without back-length) of a string element stored as a string. */
function strEncSize(n: number): number {
  return (n < 64 ? 1 : n < 4096 ? 2 : 5) + n;
}

/**
 * lpStringToInt64: a string that listpack stores as an integer (canonical int64 text up to 20 chars).
 * Sets intHi/intLo (two's complement) and returns true.
 */
let intHi = 0;
let intLo = 0;
function stringAsInt(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  const c0 = s.charCodeAt(0);
  if (c0 !== 45 && (c0 < 48 || c0 > 57)) return false;
  if (n <= 15) {
    let i = 0;
    let neg = false;
    if (c0 === 45) {
      if (n === 1) return false;
      neg = true;
      i = 1;
    }
    const first = s.charCodeAt(i);
    if (first === 48) {
      if (n !== 1) return false;
      intHi = 0;
      intLo = 0;
      return true;
    }
    let v = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return false;
      v = v * 10 + c;
    }
    setIntFromNumber(neg ? -v : v);
    return true;
  }
  const b = parseI64(s);
  if (b === null) return false;
  const u = BigInt.asUintN(64, b);
  intHi = Number(u >> 32n);
  intLo = Number(u & 0xffffffffn);
  return true;
}

function setIntFromNumber(v: number): void {
  if (v >= 0) {
    intHi = Math.floor(v / TWO32);
    intLo = v >>> 0;
  } else {
    const u = -v;
    // two's complement of u over 64 bits
    const lo = (TWO32 - (u % TWO32)) % TWO32;
    let hi = 0xffffffff - Math.floor(u / TWO32);
    if (lo === 0) hi = (hi + 1) >>> 0;
    intHi = hi >>> 0;
    intLo = lo >>> 0;
  }
}

/** The signed value of (hi, lo) when it fits in 32 bits, else NaN. */
function small(hi: number, lo: number): number {
  if (hi === 0 && lo < 0x80000000) return lo;
  if (hi === 0xffffffff && lo >= 0x80000000) return lo - TWO32;
  return NaN;
}

function intEncSizeHiLo(hi: number, lo: number): number {
  const v = small(hi, lo);
  return Number.isNaN(v) ? 9 : intEncSize(v);
}

/** Whole entry size of a string element as lpAppend would store it. */
export function elementSize(s: string): number {
  if (stringAsInt(s)) return intEncSizeHiLo(intHi, intLo) + 1;
  const enc = strEncSize(s.length);
  return enc + backlenSize(enc);
}

/** Whole entry size of a 64-bit integer given as two's complement halves. */
export function int64EntrySize(hi: number, lo: number): number {
  return intEncSizeHiLo(hi, lo) + 1;
}

// ---- writing -------------------------------------------------------------------------------------

function writeBacklen(buf: Uint8Array, at: number, l: number): number {
  if (l <= 127) {
    buf[at] = l;
    return 1;
  }
  if (l < 16383) {
    buf[at] = l >>> 7;
    buf[at + 1] = (l & 127) | 128;
    return 2;
  }
  if (l < 2097151) {
    buf[at] = l >>> 14;
    buf[at + 1] = ((l >>> 7) & 127) | 128;
    buf[at + 2] = (l & 127) | 128;
    return 3;
  }
  if (l < 268435455) {
    buf[at] = l >>> 21;
    buf[at + 1] = ((l >>> 14) & 127) | 128;
    buf[at + 2] = ((l >>> 7) & 127) | 128;
    buf[at + 3] = (l & 127) | 128;
    return 4;
  }
  buf[at] = l >>> 28;
  buf[at + 1] = ((l >>> 21) & 127) | 128;
  buf[at + 2] = ((l >>> 14) & 127) | 128;
  buf[at + 3] = ((l >>> 7) & 127) | 128;
  buf[at + 4] = (l & 127) | 128;
  return 5;
}

/** Writes an integer entry (two's complement halves); returns bytes written. */
export function writeInt64(buf: Uint8Array, at: number, hi: number, lo: number): number {
  const v = small(hi, lo);
  let n: number;
  if (!Number.isNaN(v) && v >= 0 && v <= 127) {
    buf[at] = v;
    n = 1;
  } else if (!Number.isNaN(v) && v >= -4096 && v <= 4095) {
    const u = v < 0 ? 8192 + v : v;
    buf[at] = 0xc0 | (u >>> 8);
    buf[at + 1] = u & 255;
    n = 2;
  } else if (!Number.isNaN(v) && v >= -32768 && v <= 32767) {
    const u = v < 0 ? 65536 + v : v;
    buf[at] = 0xf1;
    buf[at + 1] = u & 255;
    buf[at + 2] = u >>> 8;
    n = 3;
  } else if (!Number.isNaN(v) && v >= -8388608 && v <= 8388607) {
    const u = v < 0 ? 16777216 + v : v;
    buf[at] = 0xf2;
    buf[at + 1] = u & 255;
    buf[at + 2] = (u >>> 8) & 255;
    buf[at + 3] = u >>> 16;
    n = 4;
  } else if (!Number.isNaN(v)) {
    const u = v >>> 0;
    buf[at] = 0xf3;
    buf[at + 1] = u & 255;
    buf[at + 2] = (u >>> 8) & 255;
    buf[at + 3] = (u >>> 16) & 255;
    buf[at + 4] = u >>> 24;
    n = 5;
  } else {
    buf[at] = 0xf4;
    buf[at + 1] = lo & 255;
    buf[at + 2] = (lo >>> 8) & 255;
    buf[at + 3] = (lo >>> 16) & 255;
    buf[at + 4] = lo >>> 24;
    buf[at + 5] = hi & 255;
    buf[at + 6] = (hi >>> 8) & 255;
    buf[at + 7] = (hi >>> 16) & 255;
    buf[at + 8] = hi >>> 24;
    n = 9;
  }
  buf[at + n] = n;
  return n + 1;
}

/** Writes a small signed integer entry. */
export function writeInt(buf: Uint8Array, at: number, v: number): number {
  setIntFromNumber(v);
  return writeInt64(buf, at, intHi, intLo);
}

/** Writes a string element as lpAppend would (integer-looking text becomes an integer). */
export function writeElement(buf: Uint8Array, at: number, s: string): number {
  if (stringAsInt(s)) return writeInt64(buf, at, intHi, intLo);
  const n = s.length;
  let h: number;
  if (n < 64) {
    buf[at] = 0x80 | n;
    h = 1;
  } else if (n < 4096) {
    buf[at] = 0xe0 | (n >>> 8);
    buf[at + 1] = n & 255;
    h = 2;
  } else {
    buf[at] = 0xf0;
    buf[at + 1] = n & 255;
    buf[at + 2] = (n >>> 8) & 255;
    buf[at + 3] = (n >>> 16) & 255;
    buf[at + 4] = n >>> 24;
    h = 5;
  }
  const p = at + h;
  if (n < 32) {
    for (let i = 0; i < n; i++) buf[p + i] = s.charCodeAt(i);
  } else {
    (buf as Buffer).latin1Write(s, p, n);
  }
  return h + n + writeBacklen(buf, p + n, h + n);
}

export function setHeader(buf: Uint8Array, totalBytes: number, numElements: number): void {
  buf[0] = totalBytes & 255;
  buf[1] = (totalBytes >>> 8) & 255;
  buf[2] = (totalBytes >>> 16) & 255;
  buf[3] = totalBytes >>> 24;
  const ne = numElements >= NUMELE_UNKNOWN ? NUMELE_UNKNOWN : numElements;
  buf[4] = ne & 255;
  buf[5] = ne >>> 8;
}

export function headerTotalBytes(buf: Uint8Array): number {
  return (buf[0] | (buf[1] << 8) | (buf[2] << 16) | (buf[3] << 24)) >>> 0;
}

export function headerNumElements(buf: Uint8Array): number {
  return buf[4] | (buf[5] << 8);
}

// ---- reading -------------------------------------------------------------------------------------

/** Registers filled by readElement(). */
export const el = {
  /** True for an integer element. */
  isInt: false,
  /** Integer value when it fits a double exactly (always for encodings up to 32 bits). */
  num: 0,
  /** Two's complement halves of an integer element. */
  hi: 0,
  lo: 0,
  /** String element: data offset and length. */
  off: 0,
  len: 0,
  /** Offset of the next element. */
  next: 0,
};

function setSmall(v: number): void {
  el.isInt = true;
  el.num = v;
  if (v >= 0) {
    el.hi = 0;
    el.lo = v;
  } else {
    el.hi = 0xffffffff;
    el.lo = (v + TWO32) >>> 0;
  }
}

/** Decodes the element at `p` into `el`. */
export function readElement(buf: Uint8Array, p: number): void {
  const b = buf[p];
  let encLen: number;
  if ((b & 0x80) === 0) {
    setSmall(b);
    encLen = 1;
  } else if ((b & 0xc0) === 0x80) {
    el.isInt = false;
    el.off = p + 1;
    el.len = b & 0x3f;
    encLen = 1 + el.len;
  } else if ((b & 0xe0) === 0xc0) {
    const u = ((b & 0x1f) << 8) | buf[p + 1];
    setSmall(u >= 4096 ? u - 8192 : u);
    encLen = 2;
  } else if ((b & 0xf0) === 0xe0) {
    el.isInt = false;
    el.off = p + 2;
    el.len = ((b & 0x0f) << 8) | buf[p + 1];
    encLen = 2 + el.len;
  } else if (b === 0xf1) {
    const u = buf[p + 1] | (buf[p + 2] << 8);
    setSmall(u >= 32768 ? u - 65536 : u);
    encLen = 3;
  } else if (b === 0xf2) {
    const u = buf[p + 1] | (buf[p + 2] << 8) | (buf[p + 3] << 16);
    setSmall(u >= 8388608 ? u - 16777216 : u);
    encLen = 4;
  } else if (b === 0xf3) {
    setSmall(buf[p + 1] | (buf[p + 2] << 8) | (buf[p + 3] << 16) | (buf[p + 4] << 24));
    encLen = 5;
  } else if (b === 0xf4) {
    el.isInt = true;
    el.lo = (buf[p + 1] | (buf[p + 2] << 8) | (buf[p + 3] << 16) | (buf[p + 4] << 24)) >>> 0;
    el.hi = (buf[p + 5] | (buf[p + 6] << 8) | (buf[p + 7] << 16) | (buf[p + 8] << 24)) >>> 0;
    el.num = el.hi < 0x200000 ? el.hi * TWO32 + el.lo : el.hi >= 0xffe00000 ? (el.hi - TWO32) * TWO32 + el.lo : NaN;
    encLen = 9;
  } else if (b === 0xf0) {
    el.isInt = false;
    el.off = p + 5;
    el.len = (buf[p + 1] | (buf[p + 2] << 8) | (buf[p + 3] << 16) | (buf[p + 4] << 24)) >>> 0;
    encLen = 5 + el.len;
  } else {
    throw new Error(`listpack: bad encoding byte ${b} at ${p}`);
  }
  el.next = p + encLen + backlenSize(encLen);
}

/** Text of an integer element given as halves. */
export function int64Text(hi: number, lo: number): string {
  if (hi < 0x200000) return String(hi * TWO32 + lo);
  if (hi >= 0xffe00000) return String((hi - TWO32) * TWO32 + lo);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** The element last read, as a string (integers in canonical decimal). */
export function elementText(buf: Uint8Array): string {
  if (el.isInt) return Number.isNaN(el.num) ? int64Text(el.hi, el.lo) : String(el.num);
  const n = el.len;
  const off = el.off;
  if (n === 0) return '';
  if (n === 1) return String.fromCharCode(buf[off]);
  if (n <= 16) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(buf[off + i]);
    return s;
  }
  return (buf as Buffer).latin1Slice(off, off + n);
}

/** Reads the element at `p` as text and leaves `el.next` set. */
export function readText(buf: Uint8Array, p: number): string {
  readElement(buf, p);
  return elementText(buf);
}

/** Reads the integer element at `p` (as a double). */
export function readNum(buf: Uint8Array, p: number): number {
  readElement(buf, p);
  if (!el.isInt) throw new Error('listpack: integer expected');
  return el.num;
}

/** Allocates a non-pooled Buffer (pooled slices would pin a shared 8 KB slab). */
export function allocBuffer(n: number): Buffer {
  return Buffer.allocUnsafeSlow(n);
}
