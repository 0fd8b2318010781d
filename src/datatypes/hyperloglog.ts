// HyperLogLog values in Redis's own string layout, so GET/SET/DUMP of an HLL is byte-identical to
// Redis's: a 16-byte header ("HYLL", encoding byte, 3 unused bytes, 8-byte little-endian cached
// cardinality whose top bit marks the cache stale) followed by 16384 registers, either dense (6 bits
// each, packed from the least significant bit of each byte) or sparse (ZERO / XZERO / VAL run-length
// opcodes). Cardinality uses the estimator from Ertl's "New cardinality estimation algorithms for
// HyperLogLog sketches" (tau/sigma corrections), as Redis 7 does. Counterpart: Redis's hyperloglog.c.
import { MutableString } from '../protocol/reply.js';
import { murmurHash64AParts } from '../util/murmur64.js';

export const HLL_P = 14;
export const HLL_Q = 64 - HLL_P;
export const HLL_REGISTERS = 1 << HLL_P;
const HLL_P_MASK = HLL_REGISTERS - 1;
export const HLL_BITS = 6;
const HLL_REGISTER_MAX = (1 << HLL_BITS) - 1;
export const HLL_HDR_SIZE = 16;
export const HLL_DENSE_SIZE = HLL_HDR_SIZE + Math.ceil((HLL_REGISTERS * HLL_BITS) / 8);
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
const HLL_MAX_ENCODING = 1;
const HLL_HASH_SEED = 0xadc83b19;
const HLL_ALPHA_INF = 0.721347520444481703680;

const SPARSE_VAL_MAX_VALUE = 32;
const SPARSE_VAL_MAX_LEN = 4;
const SPARSE_ZERO_MAX_LEN = 64;
const SPARSE_XZERO_MAX_LEN = 16384;

type Bytes = Uint8Array;

const isZero = (b: number): boolean => (b & 0xc0) === 0;
const isXZero = (b: number): boolean => (b & 0xc0) === 0x40;
const zeroLen = (b: number): number => (b & 0x3f) + 1;
const xzeroLen = (b0: number, b1: number): number => (((b0 & 0x3f) << 8) | b1) + 1;
const valValue = (b: number): number => ((b >> 2) & 0x1f) + 1;
const valLen = (b: number): number => (b & 3) + 1;
const valByte = (value: number, len: number): number => (((value - 1) << 2) | (len - 1) | 0x80) & 0xff;

/** Appends a zero run of `len` registers: one ZERO byte up to 64, else two XZERO bytes. */
function putZeroRun(out: number[], len: number): void {
  if (len > SPARSE_ZERO_MAX_LEN) {
    const l = len - 1;
    out.push((l >> 8) | 0x40, l & 0xff);
  } else {
    out.push(len - 1);
  }
}

/** createHLLObject: an empty sparse HLL, one XZERO run covering every register, cache valid at 0. */
export function createHLL(): MutableString {
  const runs = Math.ceil(HLL_REGISTERS / SPARSE_XZERO_MAX_LEN);
  const m = new MutableString('');
  m.buf = Buffer.alloc(HLL_HDR_SIZE + runs * 2 + 16);
  m.len = HLL_HDR_SIZE + runs * 2;
  m.buf.write('HYLL', 0, 'latin1');
  m.buf[4] = HLL_SPARSE;
  let left = HLL_REGISTERS;
  let p = HLL_HDR_SIZE;
  while (left > 0) {
    const l = Math.min(left, SPARSE_XZERO_MAX_LEN) - 1;
    m.buf[p++] = (l >> 8) | 0x40;
    m.buf[p++] = l & 0xff;
    left -= l + 1;
  }
  return m;
}

/** An empty dense HLL (used by self tests; Redis only creates sparse ones and converts them). */
export function createDenseHLL(): MutableString {
  const m = new MutableString('');
  m.buf = Buffer.alloc(HLL_DENSE_SIZE);
  m.len = HLL_DENSE_SIZE;
  m.buf.write('HYLL', 0, 'latin1');
  m.buf[4] = HLL_DENSE;
  return m;
}

/** isHLLObjectOrReply's structural check: magic, a known encoding, and the exact dense size. */
export function isValidHLL(b: Bytes): boolean {
  if (b.length < HLL_HDR_SIZE) return false;
  if (b[0] !== 0x48 || b[1] !== 0x59 || b[2] !== 0x4c || b[3] !== 0x4c) return false;
  if (b[4] > HLL_MAX_ENCODING) return false;
  if (b[4] === HLL_DENSE && b.length !== HLL_DENSE_SIZE) return false;
  return true;
}

export function cacheValid(b: Bytes): boolean {
  return (b[15] & 0x80) === 0;
}

export function invalidateCache(b: Bytes): void {
  b[15] |= 0x80;
}

/** The cached cardinality (only meaningful when cacheValid). */
export function readCachedCard(b: Bytes): number {
  let n = 0;
  for (let i = 15; i >= 8; i--) n = n * 256 + b[i];
  return n;
}

export function writeCachedCard(b: Bytes, card: number): void {
  let n = card;
  for (let i = 8; i < 16; i++) {
    b[i] = n % 256;
    n = Math.floor(n / 256);
  }
}

/**
 * A register of a dense HLL. Registers straddle byte boundaries: the low bits of a register sit in
 * the high bits of its first byte. The last register never reaches past the final byte, but its
 * "next byte" read is guarded since Redis relies on the string's terminating NUL there.
 */
export function denseGet(b: Bytes, base: number, reg: number): number {
  const bit = reg * HLL_BITS;
  const byte = base + (bit >> 3);
  const fb = bit & 7;
  const b0 = b[byte];
  const b1 = byte + 1 < b.length ? b[byte + 1] : 0;
  return ((b0 >> fb) | (b1 << (8 - fb))) & HLL_REGISTER_MAX;
}

export function denseSet(b: Bytes, base: number, reg: number, val: number): void {
  const bit = reg * HLL_BITS;
  const byte = base + (bit >> 3);
  const fb = bit & 7;
  const fb8 = 8 - fb;
  b[byte] = (b[byte] & ~(HLL_REGISTER_MAX << fb)) | (val << fb);
  if (HLL_REGISTER_MAX >> fb8) b[byte + 1] = (b[byte + 1] & ~(HLL_REGISTER_MAX >> fb8)) | (val >> fb8);
}

const hashParts = new Uint32Array(2);

/** hllPatLen: the register an element maps to and the position of its first set bit after the index. */
export function hllPatLen(ele: string | Bytes): { index: number; count: number } {
  murmurHash64AParts(ele, HLL_HASH_SEED, hashParts);
  return { index: hashParts[1] & HLL_P_MASK, count: zeroRunOf(hashParts[0], hashParts[1]) };
}

/**
 * One plus the number of zero bits above the index bits of the hash hi:lo: bits 14..45 first, then
 * 46..63 with a sentinel bit at Q, so the result is at most Q + 1.
 */
export function zeroRunOf(hi: number, lo: number): number {
  let bits = ((lo >>> HLL_P) | (hi << (32 - HLL_P))) >>> 0;
  let count = 1;
  if (bits === 0) {
    count += 32;
    bits = (hi >>> HLL_P) | (1 << (HLL_Q - 32));
  }
  return count + 31 - Math.clz32(bits & -bits);
}

/** hllSparseToDense: rewrites m in the dense encoding, keeping the header. False on a corrupt value. */
export function sparseToDense(m: MutableString): boolean {
  const src = m.buf;
  if (src[4] === HLL_DENSE) return true;
  const dense = Buffer.alloc(HLL_DENSE_SIZE);
  src.copy(dense, 0, 0, HLL_HDR_SIZE);
  dense[4] = HLL_DENSE;
  let idx = 0;
  let p = HLL_HDR_SIZE;
  const end = m.len;
  while (p < end) {
    const op = src[p];
    if (isZero(op)) {
      idx += zeroLen(op);
      p++;
    } else if (isXZero(op)) {
      idx += xzeroLen(op, src[p + 1]);
      p += 2;
    } else {
      const runlen = valLen(op);
      const value = valValue(op);
      if (runlen + idx > HLL_REGISTERS) break;
      for (let k = 0; k < runlen; k++) denseSet(dense, HLL_HDR_SIZE, idx++, value);
      p++;
    }
  }
  if (idx !== HLL_REGISTERS) return false;
  m.buf = dense;
  m.len = HLL_DENSE_SIZE;
  m.shownEncoding = 'raw';
  return true;
}

/**
 * hllSparseSet: raises register `index` to `count` in a sparse HLL, splitting the run that holds
 * it into at most three opcodes, then merging neighbouring equal VAL runs. Converts to dense when
 * the value does not fit a VAL opcode or the string would pass `sparseMax` bytes. Returns 1 if the
 * register changed, 0 if not, -1 on a corrupt value.
 */
export function sparseSet(m: MutableString, index: number, count: number, sparseMax: number): number {
  if (count > SPARSE_VAL_MAX_VALUE) return promote(m, index, count);
  let b = m.buf;
  let end = m.len;
  let p = HLL_HDR_SIZE;
  let prev = -1;
  let first = 0;
  let span = 0;
  while (p < end) {
    const op = b[p];
    let oplen = 1;
    if (isZero(op)) span = zeroLen(op);
    else if (isXZero(op)) {
      span = xzeroLen(op, b[p + 1]);
      oplen = 2;
    } else span = valLen(op);
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= end) return -1;
  const op = b[p];
  const zero = isZero(op);
  const xzero = isXZero(op);
  const val = !zero && !xzero;
  const runlen = val ? valLen(op) : zero ? zeroLen(op) : xzeroLen(op, b[p + 1]);

  let simple = false;
  if (val) {
    if (valValue(op) >= count) return 0;
    if (runlen === 1) simple = true;
  }
  if (zero && runlen === 1) simple = true;
  if (simple) {
    b[p] = valByte(count, 1);
  } else {
    const seq: number[] = [];
    const last = first + span - 1;
    if (val) {
      const cur = valValue(op);
      if (index !== first) seq.push(valByte(cur, index - first));
      seq.push(valByte(count, 1));
      if (index !== last) seq.push(valByte(cur, last - index));
    } else {
      if (index !== first) putZeroRun(seq, index - first);
      seq.push(valByte(count, 1));
      if (index !== last) putZeroRun(seq, last - index);
    }
    const oldlen = xzero ? 2 : 1;
    const delta = seq.length - oldlen;
    if (delta > 0 && m.len + delta > sparseMax) return promote(m, index, count);
    if (delta > 0) {
      m.reserve(m.len + delta);
      b = m.buf;
    }
    b.copyWithin(p + seq.length, p + oldlen, end);
    for (let k = 0; k < seq.length; k++) b[p + k] = seq[k];
    m.len += delta;
    end = m.len;
  }

  // Merge adjacent VAL opcodes with equal values, looking at up to five opcodes from the one before
  // the change, so runs split by earlier updates join again when their values meet.
  p = prev >= 0 ? prev : HLL_HDR_SIZE;
  let scan = 5;
  while (p < end && scan-- > 0) {
    const o = b[p];
    if (isXZero(o)) {
      p += 2;
      continue;
    }
    if (isZero(o)) {
      p++;
      continue;
    }
    if (p + 1 < end && (b[p + 1] & 0x80) !== 0) {
      const v1 = valValue(o);
      if (v1 === valValue(b[p + 1])) {
        const len = valLen(o) + valLen(b[p + 1]);
        if (len <= SPARSE_VAL_MAX_LEN) {
          b[p + 1] = valByte(v1, len);
          b.copyWithin(p, p + 1, end);
          m.len--;
          end--;
          continue;
        }
      }
    }
    p++;
  }
  invalidateCache(b);
  return 1;
}

function promote(m: MutableString, index: number, count: number): number {
  if (!sparseToDense(m)) return -1;
  const old = denseGet(m.buf, HLL_HDR_SIZE, index);
  if (count > old) {
    denseSet(m.buf, HLL_HDR_SIZE, index, count);
    return 1;
  }
  return 0;
}

/** hllAdd: adds one element; 1 if a register changed, 0 if not, -1 on a corrupt value. */
export function hllAdd(m: MutableString, ele: string, sparseMax: number): number {
  murmurHash64AParts(ele, HLL_HASH_SEED, hashParts);
  const index = hashParts[1] & HLL_P_MASK;
  const count = zeroRunOf(hashParts[0], hashParts[1]);
  if (m.buf[4] === HLL_DENSE) {
    const old = denseGet(m.buf, HLL_HDR_SIZE, index);
    if (count <= old) return 0;
    denseSet(m.buf, HLL_HDR_SIZE, index, count);
    return 1;
  }
  return sparseSet(m, index, count, sparseMax);
}

/** Register histogram of an HLL value; null when a sparse value does not cover every register. */
function regHisto(b: Bytes): number[] | null {
  const histo = new Array<number>(64).fill(0);
  if (b[4] === HLL_DENSE) {
    // Four registers fill exactly three bytes, so whole groups are decoded without per-register shifts.
    for (let p = HLL_HDR_SIZE; p < HLL_DENSE_SIZE; p += 3) {
      const b0 = b[p];
      const b1 = b[p + 1];
      const b2 = b[p + 2];
      histo[b0 & 63]++;
      histo[((b0 >> 6) | (b1 << 2)) & 63]++;
      histo[((b1 >> 4) | (b2 << 4)) & 63]++;
      histo[b2 >> 2]++;
    }
    return histo;
  }
  let idx = 0;
  let p = HLL_HDR_SIZE;
  while (p < b.length) {
    const op = b[p];
    if (isZero(op)) {
      const n = zeroLen(op);
      idx += n;
      histo[0] += n;
      p++;
    } else if (isXZero(op)) {
      const n = xzeroLen(op, b[p + 1]);
      idx += n;
      histo[0] += n;
      p += 2;
    } else {
      const n = valLen(op);
      idx += n;
      histo[valValue(op)] += n;
      p++;
    }
  }
  return idx === HLL_REGISTERS ? histo : null;
}

/** The 8-bit-per-register form used to merge several HLLs: a histogram of its registers. */
function rawHisto(regs: Bytes): number[] {
  const histo = new Array<number>(64).fill(0);
  for (let r = 0; r < HLL_REGISTERS; r++) histo[regs[r]]++;
  return histo;
}

function hllSigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let zPrime: number;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

function hllTau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let zPrime: number;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    const d = 1 - x;
    z -= d * d * y;
  } while (zPrime !== z);
  return z / 3;
}

/** The improved raw estimator over a register histogram. */
function estimate(histo: number[]): number {
  const m = HLL_REGISTERS;
  let z = m * hllTau((m - histo[HLL_Q + 1]) / m);
  for (let j = HLL_Q; j >= 1; j--) {
    z += histo[j];
    z *= 0.5;
  }
  z += m * hllSigma(histo[0] / m);
  // Rounded half away from zero (llroundl); an empty HLL has z = Infinity and counts 0.
  return Math.floor((HLL_ALPHA_INF * m * m) / z + 0.5);
}

/** hllCount of a stored HLL value; null when the value is corrupt. */
export function hllCount(b: Bytes): number | null {
  const histo = regHisto(b);
  return histo === null ? null : estimate(histo);
}

/** hllCount of merged 8-bit registers (PFCOUNT of several keys). */
export function rawCount(regs: Bytes): number {
  return estimate(rawHisto(regs));
}

/** hllMerge: raises each of `max`'s registers to the HLL's; false when the value is corrupt. */
export function hllMerge(max: Bytes, b: Bytes): boolean {
  if (b[4] === HLL_DENSE) {
    for (let p = HLL_HDR_SIZE, r = 0; p < HLL_DENSE_SIZE; p += 3, r += 4) {
      const b0 = b[p];
      const b1 = b[p + 1];
      const b2 = b[p + 2];
      const v0 = b0 & 63;
      const v1 = ((b0 >> 6) | (b1 << 2)) & 63;
      const v2 = ((b1 >> 4) | (b2 << 4)) & 63;
      const v3 = b2 >> 2;
      if (v0 > max[r]) max[r] = v0;
      if (v1 > max[r + 1]) max[r + 1] = v1;
      if (v2 > max[r + 2]) max[r + 2] = v2;
      if (v3 > max[r + 3]) max[r + 3] = v3;
    }
    return true;
  }
  let i = 0;
  let p = HLL_HDR_SIZE;
  while (p < b.length) {
    const op = b[p];
    if (isZero(op)) {
      i += zeroLen(op);
      p++;
    } else if (isXZero(op)) {
      i += xzeroLen(op, b[p + 1]);
      p += 2;
    } else {
      const runlen = valLen(op);
      const v = valValue(op);
      if (runlen + i > HLL_REGISTERS) break;
      for (let k = 0; k < runlen; k++, i++) if (v > max[i]) max[i] = v;
      p++;
    }
  }
  return i === HLL_REGISTERS;
}

/** PFDEBUG DECODE text for a sparse value: "z:len", "Z:len" and "v:value,len" runs. */
export function decodeSparse(b: Bytes): string {
  const parts: string[] = [];
  let p = HLL_HDR_SIZE;
  while (p < b.length) {
    const op = b[p];
    if (isZero(op)) {
      parts.push(`z:${zeroLen(op)}`);
      p++;
    } else if (isXZero(op)) {
      parts.push(`Z:${xzeroLen(op, b[p + 1])}`);
      p += 2;
    } else {
      parts.push(`v:${valValue(op)},${valLen(op)}`);
      p++;
    }
  }
  return parts.join(' ');
}
