// An exact emulation of the x87 80-bit long double that INCRBYFLOAT computes with: a 64-bit mantissa,
// a 15-bit exponent with gradual underflow, round-half-even everywhere. Reproduces glibc's strtold
// (decimal, hexadecimal, inf), one correctly rounded addition, and printf("%.17Lf").
// Counterpart: string2ld and ld2string(LD_STR_HUMAN) in Redis's util.c.

/** A finite value (-1)^neg * mant * 2^exp with mant < 2^64, or an infinity. Zero has mant 0. */
export interface LongDouble {
  neg: boolean;
  mant: bigint;
  exp: number;
  inf: boolean;
}

const MANT_BITS = 64;
/** Exponent of the mantissa's lowest bit for subnormals and the smallest normal numbers (2^-16445). */
const MIN_EXP = -16445;
/** Exponent of the mantissa's lowest bit for the largest finite values (just under 2^16384). */
const MAX_EXP = 16383 - (MANT_BITS - 1);
const MANT_LIMIT = 1n << 64n;
/** Redis's buffer for a long double's text (MAX_LONG_DOUBLE_CHARS): longer input is refused. */
export const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

const ZERO: LongDouble = { neg: false, mant: 0n, exp: 0, inf: false };

function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + 32 - Math.clz32(parseInt(hex[0], 16));
}

/** Powers of ten used by parsing, computed once each (short inputs need only the first few dozen). */
const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  if (n > 400) return 10n ** BigInt(n);
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

function infinity(neg: boolean): LongDouble {
  return { neg, mant: 0n, exp: 0, inf: true };
}

/**
 * Rounds n * 2^e2 (plus a nonzero remainder below it when sticky) to the nearest long double, ties
 * to an even mantissa; overflow gives an infinity.
 */
export function roundToLongDouble(neg: boolean, n: bigint, e2: number, sticky = false): LongDouble {
  if (n === 0n) return { neg, mant: 0n, exp: 0, inf: false };
  const shift = Math.max(bitLength(n) - MANT_BITS, MIN_EXP - e2);
  let mant: bigint;
  let exp = e2 + shift;
  if (shift <= 0) {
    mant = n << BigInt(-shift);
  } else {
    const s = BigInt(shift);
    mant = n >> s;
    const rem = n - (mant << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (sticky || (mant & 1n) === 1n))) mant++;
    if (mant === MANT_LIMIT) {
      mant >>= 1n;
      exp++;
    }
  }
  if (exp > MAX_EXP) return infinity(neg);
  return { neg, mant, exp, inf: false };
}

const DEC_RE = /^([+-]?)(?:([0-9]+)\.?([0-9]*)|\.([0-9]+))(?:[eE]([+-]?[0-9]+))?$/;
const HEX_RE = /^([+-]?)0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))(?:[pP]([+-]?[0-9]+))?$/;
const INF_RE = /^([+-]?)(?:inf|infinity)$/i;
const SPACE_RE = /^[ \t\n\v\f\r]/;

/** Exponent digits as a number, clamped far beyond any representable magnitude. */
function exponentOf(s: string | undefined): number {
  if (s === undefined) return 0;
  const v = Number(s);
  return v > 1e6 ? 1e6 : v < -1e6 ? -1e6 : v;
}

/**
 * string2ld: strtold over the whole argument. Refused: empty or too long input, leading space,
 * anything left unconverted (an embedded NUL byte included), NaN, overflow, and a nonzero value that
 * underflows to zero.
 */
export function parseLongDouble(s: string): LongDouble | null {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) return null;
  if (SPACE_RE.test(s)) return null;
  let m = DEC_RE.exec(s);
  if (m !== null) return parseDecimal(m[1] === '-', (m[2] ?? '') + (m[3] ?? m[4] ?? ''), (m[3] ?? m[4] ?? '').length, m[5]);
  m = HEX_RE.exec(s);
  if (m !== null) return parseHex(m[1] === '-', (m[2] ?? '') + (m[3] ?? m[4] ?? ''), (m[3] ?? m[4] ?? '').length, m[5]);
  m = INF_RE.exec(s);
  if (m !== null) return infinity(m[1] === '-');
  return null;
}

function parseDecimal(neg: boolean, digits: string, fracDigits: number, expText: string | undefined): LongDouble | null {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === 48) i++;
  if (i === digits.length) return { neg, mant: 0n, exp: 0, inf: false };
  const sig = digits.slice(i);
  const e10 = exponentOf(expText) - fracDigits;
  // The value lies in [10^(top-1), 10^top): far outside the range, skip the exact arithmetic.
  const top = e10 + sig.length;
  if (top - 1 > 4932) return null;
  if (top < -4952) return null;
  const d = BigInt(sig);
  let r: LongDouble;
  if (e10 >= 0) {
    r = roundToLongDouble(neg, d * pow10(e10), 0);
  } else {
    const den = pow10(-e10);
    // Enough quotient bits for the 64 kept, a rounding bit and more; the remainder is the sticky bit.
    const k = Math.max(0, MANT_BITS + 2 + bitLength(den) - bitLength(d));
    const num = d << BigInt(k);
    const q = num / den;
    r = roundToLongDouble(neg, q, -k, q * den !== num);
  }
  if (r.inf || r.mant === 0n) return null;
  return r;
}

function parseHex(neg: boolean, digits: string, fracDigits: number, expText: string | undefined): LongDouble | null {
  const n = BigInt('0x' + digits);
  if (n === 0n) return { neg, mant: 0n, exp: 0, inf: false };
  const e2 = exponentOf(expText) - 4 * fracDigits;
  const top = bitLength(n) + e2;
  if (top - 1 > 16384) return null;
  if (top < -16446) return null;
  const r = roundToLongDouble(neg, n, e2);
  if (r.inf || r.mant === 0n) return null;
  return r;
}

/** The exact sum, rounded once; an infinity in either operand gives null (NaN or infinity). */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | null {
  if (a.inf || b.inf) return null;
  if (a.mant === 0n) return b;
  if (b.mant === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  const av = a.mant << BigInt(a.exp - e);
  const bv = b.mant << BigInt(b.exp - e);
  const sum = (a.neg ? -av : av) + (b.neg ? -bv : bv);
  if (sum === 0n) return ZERO;
  const r = sum < 0n ? roundToLongDouble(true, -sum, e) : roundToLongDouble(false, sum, e);
  return r.inf ? null : r;
}

const SCALE = 10n ** 17n;

/**
 * printf("%.17Lf") with the trailing fractional zeros (and a bare '.') removed, "-0" written as "0":
 * the form INCRBYFLOAT stores and replies.
 */
export function formatLongDouble(v: LongDouble): string {
  if (v.inf) return v.neg ? '-inf' : 'inf';
  let text: string;
  if (v.exp >= 0) {
    text = (v.mant << BigInt(v.exp)).toString();
  } else {
    const sh = BigInt(-v.exp);
    const num = v.mant * SCALE;
    let q = num >> sh;
    const rem = num - (q << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    const digits = q.toString().padStart(18, '0');
    let end = digits.length;
    while (end > digits.length - 17 && digits.charCodeAt(end - 1) === 48) end--;
    const intPart = digits.slice(0, digits.length - 17);
    text = end > digits.length - 17 ? intPart + '.' + digits.slice(digits.length - 17, end) : intPart;
  }
  if (v.neg) text = '-' + text;
  return text === '-0' ? '0' : text;
}
