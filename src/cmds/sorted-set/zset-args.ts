// Argument readers for the sorted set commands: scores with strtod's rules (hex, inf, the ERANGE
// checks of getDoubleFromObject), score ranges ("(" exclusive, looser parsing as zslParseRange does)
// and lexicographic ranges ("[a", "(a", "-", "+"). Ranges become monotone key tests, so every range
// query is two rank lookups. Counterpart: zslParseRange, zslParseLexRange, getDoubleFromObject.
import type { ZsetValue } from '../../datatypes/zset.js';

const DEC_RE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_RE = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/;
const INF_RE = /^[+-]?(?:inf|infinity)$/i;
const NAN_RE = /^[+-]?nan(?:\([0-9a-zA-Z_]*\))?$/i;

/**
 * True for [+-]digits[.digits] of at most 20 characters (what clients send nearly always): Number
 * reads it exactly as strtod does, and it can neither overflow nor underflow to zero.
 */
function plainDecimal(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 20) return false;
  let i = s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43 ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

/** The smallest normal double: glibc's strtod sets ERANGE for an inexact result below it. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * strtod over the whole C string (up to a NUL): the value, whether it overflowed or underflowed to
 * zero (erange) and whether it is an inexact subnormal (tiny: glibc sets ERANGE for those too, which
 * only SORT's check sees).
 */
export function strtod(arg: string, skipSpace: boolean): { v: number; erange: boolean; tiny?: boolean } | null {
  if (plainDecimal(arg)) return { v: Number(arg), erange: false };
  const nul = arg.indexOf('\0');
  let s = nul < 0 ? arg : arg.slice(0, nul);
  if (skipSpace) s = s.replace(/^[ \t\n\v\f\r]+/, '');
  if (s.length === 0) return skipSpace ? { v: 0, erange: false } : null;
  if (DEC_RE.test(s)) {
    const v = Number(s);
    const mant = s.replace(/[eE].*$/, '');
    const erange = !Number.isFinite(v) || (v === 0 && /[1-9]/.test(mant));
    return { v, erange, tiny: v !== 0 && Math.abs(v) < MIN_NORMAL };
  }
  const hex = HEX_RE.exec(s);
  if (hex !== null) {
    const int = hex[2];
    const frac = hex[3] ?? '';
    if (int.length + frac.length === 0) return null;
    let m = 0;
    for (const c of int + frac) m = m * 16 + parseInt(c, 16);
    const scale = Math.pow(2, (hex[4] === undefined ? 0 : parseInt(hex[4], 10)) - 4 * frac.length);
    let v = m * scale;
    // Exact when the mantissa was read exactly and scaling it lost no bits.
    const exact = Number.isSafeInteger(m) && scale !== 0 && v / scale === m;
    if (hex[1] === '-') v = -v;
    const tiny = v !== 0 && Math.abs(v) < MIN_NORMAL && !exact;
    return { v, erange: !Number.isFinite(v) || (v === 0 && /[1-9a-fA-F]/.test(int + frac)), tiny };
  }
  if (INF_RE.test(s)) return { v: s.charCodeAt(0) === 45 ? -Infinity : Infinity, erange: false };
  if (NAN_RE.test(s)) return { v: NaN, erange: false };
  return null;
}

/**
 * getDoubleFromObject: no leading space, no overflow or underflow to zero, no NaN. -0 stays -0 (a listpack
 * stores it as 0, a skiplist as -0, and ZINCRBY's reply shows it: ZsetValue.set).
 */
export function parseScore(arg: string): number | null {
  if (plainDecimal(arg)) return Number(arg);
  if (arg.length === 0) return null;
  const r = strtod(arg, false);
  if (r === null || r.erange || Number.isNaN(r.v)) return null;
  return r.v;
}

export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

function parseRangeItem(arg: string): [number, boolean] | null {
  const ex = arg.charCodeAt(0) === 40; /* ( */
  const r = strtod(ex ? arg.slice(1) : arg, true);
  if (r === null || Number.isNaN(r.v)) return null;
  return [r.v, ex];
}

/** zslParseRange: null when either end is not a float. */
export function parseScoreRange(min: string, max: string): ScoreRange | null {
  const a = parseRangeItem(min);
  const b = parseRangeItem(max);
  if (a === null || b === null) return null;
  return { min: a[0], minex: a[1], max: b[0], maxex: b[1] };
}

/** A lex range end: '-' and '+' are the extremes (null member), otherwise an inclusive or exclusive member. */
export interface LexItem {
  member: string | null;
  /** -1 for '-', 1 for '+', 0 for a member. */
  inf: -1 | 0 | 1;
  ex: boolean;
}

export interface LexRange {
  min: LexItem;
  max: LexItem;
}

function parseLexItem(arg: string): LexItem | null {
  const c = arg.charCodeAt(0);
  // '+' and '-' stand alone; C compares only up to a NUL, so "+\0..." counts as "+".
  const alone = arg.length === 1 || arg.charCodeAt(1) === 0;
  if (c === 43 /* + */) return alone ? { member: null, inf: 1, ex: true } : null;
  if (c === 45 /* - */) return alone ? { member: null, inf: -1, ex: true } : null;
  if (c === 40 /* ( */) return { member: arg.slice(1), inf: 0, ex: true };
  if (c === 91 /* [ */) return { member: arg.slice(1), inf: 0, ex: false };
  return null;
}

/** zslParseLexRange. */
export function parseLexRange(min: string, max: string): LexRange | null {
  const a = parseLexItem(min);
  const b = parseLexItem(max);
  if (a === null || b === null) return null;
  return { min: a, max: b };
}

/** Ranks [start, end) of the members whose scores fall in the range (empty when start >= end). */
export function scoreRangeRanks(z: ZsetValue, r: ScoreRange): [number, number] {
  const { min, max } = r;
  const start = r.minex ? z.firstRank((s) => s > min) : z.firstRank((s) => s >= min);
  const end = r.maxex ? z.firstRank((s) => s >= max) : z.firstRank((s) => s > max);
  return [start, Math.max(start, end)];
}

/** Compares two lex range ends the way sdscmplex does ('-' lowest, '+' highest). */
function compareLexItems(a: LexItem, b: LexItem): number {
  if (a.inf !== 0 || b.inf !== 0) return a.inf === b.inf ? 0 : a.inf - b.inf;
  return a.member! < b.member! ? -1 : a.member! > b.member! ? 1 : 0;
}

function gteMin(r: LexRange): (m: string) => boolean {
  const { min } = r;
  if (min.inf !== 0) return () => min.inf === -1;
  const v = min.member!;
  return min.ex ? (m) => m > v : (m) => m >= v;
}

function lteMax(r: LexRange): (m: string) => boolean {
  const { max } = r;
  if (max.inf !== 0) return () => max.inf === 1;
  const v = max.member!;
  return max.ex ? (m) => m < v : (m) => m <= v;
}

/**
 * Ranks [start, end) of the members in a lex range. Lex ranges assume every member has the same score;
 * with mixed scores Redis's answer depends on how it searches: a listpack is scanned (from the head, or
 * from the tail for a reversed range, then walked while in range), which is reproduced here exactly
 * since such sets are small. A skiplist finds its first (or last) member by a descent whose outcome
 * depends on random node levels; here that is a bisection, followed by the same walk. ZLEXCOUNT
 * ('count') on a skiplist takes the difference of two such searches, as Redis does.
 */
export function lexRangeRanks(z: ZsetValue, r: LexRange, mode: 'forward' | 'reverse' | 'count' = 'count'): [number, number] {
  const n = z.size;
  const c = compareLexItems(r.min, r.max);
  if (n === 0 || c > 0 || (c === 0 && (r.min.ex || r.max.ex))) return [0, 0];
  const geMin = gteMin(r);
  const leMax = lteMax(r);
  const member = (rank: number) => z.at(rank)[0];
  // zzlIsInLexRange / zslIsInLexRange: the last member must reach min and the first stay within max.
  if (!geMin(member(n - 1)) || !leMax(member(0))) return [0, 0];
  if (!z.isListpack) {
    if (mode === 'reverse') {
      const last = z.firstRank((_s, m) => !leMax(m)) - 1;
      if (last < 0 || !geMin(member(last))) return [0, 0];
      return [last + 1 - z.walk(last, true, (m) => geMin(m)), last + 1];
    }
    const start = z.firstRank((_s, m) => geMin(m));
    if (start === n || !leMax(member(start))) return [0, 0];
    if (mode === 'forward') return [start, start + z.walk(start, false, (m) => leMax(m))];
    return [start, Math.max(start + 1, z.firstRank((_s, m) => !leMax(m)))];
  }
  const all = z.range(0, n - 1).map((e) => e[0]);
  if (mode !== 'reverse') {
    let start = 0;
    while (start < n && !geMin(all[start])) start++;
    if (start === n || !leMax(all[start])) return [0, 0];
    let end = start + 1;
    while (end < n && leMax(all[end])) end++;
    return [start, end];
  }
  let last = n - 1;
  while (last >= 0 && !leMax(all[last])) last--;
  if (last < 0 || !geMin(all[last])) return [0, 0];
  let begin = last;
  while (begin > 0 && geMin(all[begin - 1])) begin--;
  return [begin, last + 1];
}

/**
 * The ranks a lex range with LIMIT offset answers, walked as Redis walks it: from the first member in range
 * (`lo`, or `hi - 1` in reverse) the offset is skipped without looking at the members, then members are
 * taken while they stay within the far end. With equal scores (the only case Redis defines) that is the
 * offset into [lo, hi); with mixed scores on a listpack a member past an out-of-range one counts again.
 */
export function lexLimitRanks(
  z: ZsetValue,
  r: LexRange,
  lo: number,
  hi: number,
  offset: number,
  limit: number,
  reverse: boolean,
): [number, number] {
  const n = z.size;
  if (!reverse) {
    const from = lo + offset;
    if (from >= n) return [0, 0];
    const within = lteMax(r);
    let end = from;
    while (end < n && (limit < 0 || end - from < limit) && within(z.at(end)[0])) end++;
    return [from, end];
  }
  const last = hi - 1 - offset;
  if (last < 0) return [0, 0];
  const within = gteMin(r);
  let begin = last + 1;
  while (begin > 0 && (limit < 0 || last + 1 - begin < limit) && within(z.at(begin - 1)[0])) begin--;
  return [begin, last + 1];
}

/** Rank range clamping (start/end may be negative): [start, end] inclusive or null when empty. */
export function clampRankRange(start: number, end: number, len: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  if (end >= len) end = len - 1;
  return [start, end];
}
