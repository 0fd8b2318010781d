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

/** Redis 7.2's double reply form: shortest round-trip digits (fpconv), "inf"/"-inf"/"nan". */
export function formatDoubleShortest(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isNaN(d)) return 'nan';
  const s = String(d);
  if (s.indexOf('e') < 0) return s;
  // JS writes 1e+21; C's %.17g style used by fpconv writes 1e+21 as well.
  return s;
}

export { I64_MIN, I64_MAX };
