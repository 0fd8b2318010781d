// MurmurHash64A (Austin Appleby's 64-bit hash for 64-bit platforms), the hash HyperLogLog uses to
// pick a register and a run of zeros. Counterpart: MurmurHash64A in Redis's hyperloglog.c. The 64-bit
// arithmetic is done on two 32-bit halves: BigInt made PFADD several times slower.
const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;

let rHi = 0;
let rLo = 0;

/** (aHi:aLo * bHi:bLo) mod 2^64 into rHi:rLo; the low product's carry is built from 16-bit pieces. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const a0b0 = a0 * b0;
  const a1b0 = a1 * b0;
  const a0b1 = a0 * b1;
  const mid = (a0b0 >>> 16) + (a1b0 & 0xffff) + (a0b1 & 0xffff);
  const carry = a1 * b1 + Math.floor(a1b0 / 65536) + Math.floor(a0b1 / 65536) + (mid >>> 16);
  rLo = Math.imul(aLo, bLo) >>> 0;
  rHi = (carry + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
}

function byteAt(s: string | Uint8Array, i: number): number {
  return typeof s === 'string' ? s.charCodeAt(i) & 0xff : s[i];
}

/** The hash of `data` (a latin1 string or bytes) as two unsigned 32-bit halves written to `out`. */
export function murmurHash64AParts(data: string | Uint8Array, seed: number, out: Uint32Array): void {
  const len = data.length;
  mul64(0, len, M_HI, M_LO);
  let hHi = rHi;
  let hLo = (rLo ^ seed) >>> 0;
  const blocks = len - (len & 7);
  let i = 0;
  for (; i < blocks; i += 8) {
    const kLo = byteAt(data, i) | (byteAt(data, i + 1) << 8) | (byteAt(data, i + 2) << 16) | (byteAt(data, i + 3) << 24);
    const kHi = byteAt(data, i + 4) | (byteAt(data, i + 5) << 8) | (byteAt(data, i + 6) << 16) | (byteAt(data, i + 7) << 24);
    mul64(kHi >>> 0, kLo >>> 0, M_HI, M_LO);
    let hi = rHi;
    let lo = (rLo ^ (rHi >>> 15)) >>> 0;
    mul64(hi, lo, M_HI, M_LO);
    hi = rHi;
    lo = rLo;
    mul64((hHi ^ hi) >>> 0, (hLo ^ lo) >>> 0, M_HI, M_LO);
    hHi = rHi;
    hLo = rLo;
  }
  const rest = len & 7;
  if (rest > 0) {
    // Tail bytes are folded in little-endian order, then mixed once.
    for (let j = rest - 1; j >= 0; j--) {
      const b = byteAt(data, i + j);
      if (j >= 4) hHi = (hHi ^ (b << (8 * (j - 4)))) >>> 0;
      else hLo = (hLo ^ (b << (8 * j))) >>> 0;
    }
    mul64(hHi, hLo, M_HI, M_LO);
    hHi = rHi;
    hLo = rLo;
  }
  hLo = (hLo ^ (hHi >>> 15)) >>> 0;
  mul64(hHi, hLo, M_HI, M_LO);
  out[0] = rHi;
  out[1] = (rLo ^ (rHi >>> 15)) >>> 0;
}

const parts = new Uint32Array(2);

/** The 64-bit hash of the bytes of `data` as an unsigned bigint. */
export function murmurHash64A(data: string | Uint8Array, seed: number): bigint {
  murmurHash64AParts(data, seed, parts);
  return (BigInt(parts[0]) << 32n) | BigInt(parts[1]);
}
