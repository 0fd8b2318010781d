// CRC-64/Jones as Redis computes it (crc64.c): reflected, polynomial 0xad93d23594c935a9, initial value 0,
// no final xor. Used for the RDB trailer and the DUMP payload footer. Check value: crc64("123456789") is
// 0xe9c6d914c4b8d9ca.
//
// The 64-bit state is kept as two unsigned 32-bit halves so the hot loop never touches BigInt; eight
// bytes are folded per step with eight 256-entry tables per half (slice-by-8).

/** Bit-reversed form of the polynomial, split into halves (0x95ac9329ac4bc9b5). */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

/** Table k (0..7) of each half lives at [k * 256, k * 256 + 256): one array per half keeps lookups cheap. */
const TLO = new Uint32Array(8 * 256);
const THI = new Uint32Array(8 * 256);

function buildTables(): void {
  for (let n = 0; n < 256; n++) {
    let lo = n;
    let hi = 0;
    for (let k = 0; k < 8; k++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        lo = (lo ^ POLY_LO) >>> 0;
        hi = (hi ^ POLY_HI) >>> 0;
      }
    }
    TLO[n] = lo;
    THI[n] = hi;
  }
  for (let t = 1; t < 8; t++) {
    for (let n = 0; n < 256; n++) {
      // One more zero byte through the table: crc = T0[crc & 0xff] ^ (crc >>> 8).
      const l = TLO[(t - 1) * 256 + n];
      const h = THI[(t - 1) * 256 + n];
      const i = l & 0xff;
      TLO[t * 256 + n] = (TLO[i] ^ ((l >>> 8) | (h << 24))) >>> 0;
      THI[t * 256 + n] = (THI[i] ^ (h >>> 8)) >>> 0;
    }
  }
}
buildTables();

/** A running CRC-64 (start at 0, feed bytes in any number of pieces). */
export class Crc64 {
  lo = 0;
  hi = 0;

  update(buf: Uint8Array, start = 0, end = buf.length): this {
    let lo = this.lo;
    let hi = this.hi;
    let i = start;
    const L = TLO;
    const H = THI;
    while (end - i >= 8) {
      const a = lo ^ (buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24));
      const b = hi ^ (buf[i + 4] | (buf[i + 5] << 8) | (buf[i + 6] << 16) | (buf[i + 7] << 24));
      const a0 = 0x700 | (a & 0xff), a1 = 0x600 | ((a >>> 8) & 0xff), a2 = 0x500 | ((a >>> 16) & 0xff), a3 = 0x400 | (a >>> 24);
      const b0 = 0x300 | (b & 0xff), b1 = 0x200 | ((b >>> 8) & 0xff), b2 = 0x100 | ((b >>> 16) & 0xff), b3 = b >>> 24;
      lo = L[a0] ^ L[a1] ^ L[a2] ^ L[a3] ^ L[b0] ^ L[b1] ^ L[b2] ^ L[b3];
      hi = H[a0] ^ H[a1] ^ H[a2] ^ H[a3] ^ H[b0] ^ H[b1] ^ H[b2] ^ H[b3];
      i += 8;
    }
    while (i < end) {
      const x = (lo ^ buf[i++]) & 0xff;
      lo = L[x] ^ ((lo >>> 8) | (hi << 24));
      hi = H[x] ^ (hi >>> 8);
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return this;
  }

  /** The value as a BigInt (for display and comparisons, not for the hot path). */
  value(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** Writes the value as 8 little-endian bytes (the RDB and DUMP trailer layout). */
  writeLE(out: Uint8Array, offset: number): void {
    const lo = this.lo, hi = this.hi;
    out[offset] = lo & 0xff; out[offset + 1] = (lo >>> 8) & 0xff; out[offset + 2] = (lo >>> 16) & 0xff; out[offset + 3] = lo >>> 24;
    out[offset + 4] = hi & 0xff; out[offset + 5] = (hi >>> 8) & 0xff; out[offset + 6] = (hi >>> 16) & 0xff; out[offset + 7] = hi >>> 24;
  }

  /** True when the 8 little-endian bytes at offset equal the value. */
  equalsLE(buf: Uint8Array, offset: number): boolean {
    const lo = (buf[offset] | (buf[offset + 1] << 8) | (buf[offset + 2] << 16) | (buf[offset + 3] << 24)) >>> 0;
    const hi = (buf[offset + 4] | (buf[offset + 5] << 8) | (buf[offset + 6] << 16) | (buf[offset + 7] << 24)) >>> 0;
    return lo === this.lo && hi === this.hi;
  }
}

/** crc64(0, buf) as a BigInt. */
export function crc64(buf: Uint8Array, start = 0, end = buf.length): bigint {
  return new Crc64().update(buf, start, end).value();
}
