// Strict number parsing and formatting with Redis's rules (util.c: string2ll, string2ld, d2string).

const I64_MIN = -9223372036854775808n;
const I64_MAX = 9223372036854775807n;

/** string2ll: optional '-', no '+', no leading zeros, no spaces, within int64. */
export function parseI64(s: string): bigint | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  let i = 0;
  if (s.charCodeAt(0) === 45 /* - */) {
    if (n === 1) return null;
    i = 1;
  }
  const first = s.charCodeAt(i);
  if (first === 48 /* 0 */) return n === 1 ? 0n : null;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  const v = BigInt(s);
  return v < I64_MIN || v > I64_MAX ? null : v;
}

/**
 * Fast path of string2ll for values that fit a JS safe integer; returns null for anything else,
 * including valid int64 values beyond 2^53 (use parseI64 for those).
 */
export function parseSafeInt(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 15) return n > 15 ? bigToSafe(parseI64(s)) : null;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    if (n === 1) return null;
    neg = true;
    i = 1;
  }
  let c = s.charCodeAt(i);
  if (c === 48) return n === 1 ? 0 : null;
  let v = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

function bigToSafe(v: bigint | null): number | null {
  if (v === null || v > 9007199254740991n || v < -9007199254740991n) return null;
  return Number(v);
}

/** True when s parses as an int64 with string2ll rules. */
export function isI64(s: string): boolean {
  return parseI64(s) !== null;
}

const FLOAT_RE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INF_RE = /^[+-]?(?:inf|infinity)$/i;

/**
 * strtod-style parse as Redis's getDoubleFromObject does it: the whole string must be consumed, no
 * leading/trailing space, NaN refused. Accepts "inf", "-inf", "+infinity" (any case).
 */
export function parseDouble(s: string): number | null {
  if (s.length === 0 || s.length > 5000) return null;
  if (FLOAT_RE.test(s)) return Number(s);
  if (INF_RE.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
  return null;
}

/** printf("%.17g") for a finite double; "inf"/"-inf"/"nan" otherwise (Redis's spelling). */
export function formatG17(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isNaN(d)) return 'nan';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(d)));
  // toExponential gives the correctly rounded 17 significant digits; re-read the exponent from it.
  const e = d.toExponential(16);
  const ePos = e.indexOf('e');
  const x = parseInt(e.slice(ePos + 1), 10);
  void exp;
  let mant = e.slice(0, ePos);
  if (x < -4 || x >= 17) {
    mant = trimZeros(mant);
    const sign = x < 0 ? '-' : '+';
    const ax = Math.abs(x);
    return `${mant}e${sign}${ax < 10 ? '0' + ax : ax}`;
  }
  return trimZeros(d.toFixed(Math.max(0, 16 - x)));
}

function trimZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** 2^62: (double)(LLONG_MAX / 2), the bound of Redis's double2ll. */
const LL_HALF = 4611686018427387904;

/**
 * Redis's double2ll (util.c): the integer digits of an integral double within +-2^62, else null (a
 * fraction, a larger magnitude, NaN or an infinity). -0 gives "0".
 */
export function double2llString(d: number): string | null {
  if (!(d >= -LL_HALF && d <= LL_HALF) || !Number.isInteger(d)) return null;
  if (d >= -Number.MAX_SAFE_INTEGER && d <= Number.MAX_SAFE_INTEGER) return d === 0 ? '0' : String(d);
  return BigInt(d).toString();
}

/**
 * fpconv_dtoa as Redis 7.2 has it (deps/fpconv): the shortest round-trip digits of d, laid out by its
 * rules rather than JavaScript's: an integer when it needs at most 7 padding zeros, a plain decimal
 * when it has fewer than 7 fractional digits or is below 10^4, otherwise d.ddde+X / d.ddde-X with no
 * exponent padding (1e+10, 1.23451234567e+4, 1.5e-7). A set sign bit writes "-", NaN and -0 included
 * ("-nan", "-0"); negativeNan says whether a NaN's sign bit is set (JavaScript cannot tell).
 * (fpconv's Grisu2 digits are the shortest in all but rare cases, where it may give one digit more.)
 */
export function fpconvDtoa(d: number, negativeNan = false): string {
  if (Number.isNaN(d)) return negativeNan ? '-nan' : 'nan';
  const neg = d < 0 || Object.is(d, -0);
  const sign = neg ? '-' : '';
  if (d === 0) return `${sign}0`;
  if (!Number.isFinite(d)) return `${sign}inf`;
  // JavaScript's own decimal form is already fpconv's whenever both write the same layout: an integer
  // up to 2^53 (fpconv writes those plainly when they end in at most 7 zeros), or a decimal with fewer
  // than 7 fractional digits or a magnitude in [1e-3, 1e4).
  const s = String(d);
  if (s.indexOf('e') < 0) {
    const dot = s.indexOf('.');
    if (dot < 0) {
      if (!/0{8}$/.test(s)) return s;
    } else {
      const a = Math.abs(d);
      if (s.length - dot - 1 < 7 || (a >= 1e-3 && a < 1e4)) return s;
    }
  }
  const e = Math.abs(d).toExponential(); // shortest digits: "d.ddde+X"
  const at = e.indexOf('e');
  const digits = e.charCodeAt(1) === 46 ? e[0] + e.slice(2, at) : e.slice(0, at);
  const n = digits.length;
  const power = Number(e.slice(at + 1)); // the first digit's power of ten
  const K = power - (n - 1); // d = digits x 10^K
  const exp = Math.abs(power);
  if (K >= 0 && exp < n + 7) return sign + digits + '0'.repeat(K);
  if (K < 0 && (K > -7 || exp < 4)) {
    const offset = n + K;
    if (offset <= 0) return `${sign}0.${'0'.repeat(-offset)}${digits}`;
    return `${sign}${digits.slice(0, offset)}.${digits.slice(offset)}`;
  }
  const mantissa = n > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}e${power < 0 ? '-' : '+'}${exp}`;
}

/**
 * Redis 7.2's d2string, the form of every double reply (ZSCORE, WITHSCORES, RESP3 doubles...):
 * "nan", "inf"/"-inf", "-0"/"0", integral values within +-2^62 as integers, the rest as fpconv_dtoa.
 */
export function d2string(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  return double2llString(d) ?? fpconvDtoa(d);
}

/** A number a script passes to redis.call (Redis 7.2's luaArgsToRedisArgv): double2ll, else fpconv_dtoa. */
export function luaNumberArgument(d: number, negativeNan: boolean): string {
  return double2llString(d) ?? fpconvDtoa(d, negativeNan);
}

export { I64_MIN, I64_MAX };
