// Stream entry IDs: two unsigned 64-bit numbers <ms>-<seq>. An ID is kept as a 16-character latin1
// string holding the 128-bit big-endian encoding (Redis's streamEncodeID), so plain string comparison
// orders IDs, `===` tests equality and the string is a Map key (PELs). Arithmetic works on four u32
// halves. Counterpart: streamID and streamCompareID/streamIncrID/streamDecrID/streamGenericParseIDOrReply
// in Redis's t_stream.c.

/** 16 chars, big-endian ms then seq. */
export type StreamId = string;

const TWO32 = 4294967296;
const TWO21 = 2097152;

/** Builds an ID from its four 32-bit halves (each 0..2^32-1). */
export function makeId(msHi: number, msLo: number, seqHi: number, seqLo: number): StreamId {
  return String.fromCharCode(
    msHi >>> 24, (msHi >>> 16) & 255, (msHi >>> 8) & 255, msHi & 255,
    msLo >>> 24, (msLo >>> 16) & 255, (msLo >>> 8) & 255, msLo & 255,
    seqHi >>> 24, (seqHi >>> 16) & 255, (seqHi >>> 8) & 255, seqHi & 255,
    seqLo >>> 24, (seqLo >>> 16) & 255, (seqLo >>> 8) & 255, seqLo & 255,
  );
}

/** An ID from two safe integers (0..2^53-1). */
export function idOf(ms: number, seq: number): StreamId {
  return makeId(Math.floor(ms / TWO32), ms >>> 0, Math.floor(seq / TWO32), seq >>> 0);
}

export const MIN_ID: StreamId = makeId(0, 0, 0, 0);
export const MAX_ID: StreamId = makeId(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff);

/** The u32 starting at char offset `at` of an ID. */
export function word(id: StreamId, at: number): number {
  return ((id.charCodeAt(at) << 24) | (id.charCodeAt(at + 1) << 16) | (id.charCodeAt(at + 2) << 8) | id.charCodeAt(at + 3)) >>> 0;
}
export const msHi = (id: StreamId): number => word(id, 0);
export const msLo = (id: StreamId): number => word(id, 4);
export const seqHi = (id: StreamId): number => word(id, 8);
export const seqLo = (id: StreamId): number => word(id, 12);

/** Decimal text of the u64 hi*2^32+lo. */
export function u64Text(hi: number, lo: number): string {
  if (hi < TWO21) return String(hi * TWO32 + lo);
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** "<ms>-<seq>" as Redis prints it. */
export function formatId(id: StreamId): string {
  return `${u64Text(word(id, 0), word(id, 4))}-${u64Text(word(id, 8), word(id, 12))}`;
}

/** The ms part as a number (exact below 2^53; IDs in practice are unix ms). */
export function idMs(id: StreamId): number {
  return word(id, 0) * TWO32 + word(id, 4);
}

export function isZeroId(id: StreamId): boolean {
  return id === MIN_ID;
}

/** The next ID, or null when `id` is the largest possible ID (streamIncrID). */
export function incrId(id: StreamId): StreamId | null {
  let a = word(id, 0), b = word(id, 4), c = word(id, 8), d = word(id, 12);
  if (d !== 0xffffffff) return makeId(a, b, c, d + 1);
  d = 0;
  if (c !== 0xffffffff) return makeId(a, b, c + 1, 0);
  c = 0;
  if (b !== 0xffffffff) return makeId(a, b + 1, 0, 0);
  if (a !== 0xffffffff) return makeId(a + 1, 0, 0, 0);
  return null;
}

/** The previous ID, or null when `id` is 0-0 (streamDecrID). */
export function decrId(id: StreamId): StreamId | null {
  const a = word(id, 0), b = word(id, 4), c = word(id, 8), d = word(id, 12);
  if (d !== 0) return makeId(a, b, c, d - 1);
  if (c !== 0) return makeId(a, b, c - 1, 0xffffffff);
  if (b !== 0) return makeId(a, b - 1, 0xffffffff, 0xffffffff);
  if (a !== 0) return makeId(a - 1, 0xffffffff, 0xffffffff, 0xffffffff);
  return null;
}

/** Same ms part, sequence replaced. */
export function withSeq(id: StreamId, seqHiV: number, seqLoV: number): StreamId {
  return makeId(word(id, 0), word(id, 4), seqHiV, seqLoV);
}

const U64_MAX = 18446744073709551615n;

/** Parsed u64 as [hi, lo], written here to avoid allocating. */
let parsedHi = 0;
let parsedLo = 0;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * string2ull: the strict integer syntax first; otherwise strtoull's (leading spaces, a sign, leading
 * zeros; a minus sign wraps modulo 2^64) with the whole text consumed. Sets parsedHi/parsedLo.
 */
function parseU64(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n <= 0) return false;
  // Fast path: plain digits without a leading zero, short enough for a double.
  if (n <= 15) {
    let v = 0;
    let ok = s.charCodeAt(from) !== 48 || n === 1;
    for (let i = from; ok && i < to; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) ok = false;
      else v = v * 10 + c;
    }
    if (ok) {
      parsedHi = Math.floor(v / TWO32);
      parsedLo = v >>> 0;
      return true;
    }
  }
  let i = from;
  while (i < to && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const sign = s.charCodeAt(i);
  if (sign === 43 || sign === 45) {
    neg = sign === 45;
    i++;
  }
  if (i >= to) return false;
  // string2ll accepts a canonical negative number, which string2ull then refuses.
  if (neg && i === from + 1 && s.charCodeAt(i) !== 48) {
    let digits = true;
    for (let j = i; j < to; j++) {
      const c = s.charCodeAt(j);
      if (c < 48 || c > 57) digits = false;
    }
    if (digits && to - i <= 19) {
      const v = BigInt(s.slice(i, to));
      if (v <= 9223372036854775808n) return false;
    }
  }
  let v = 0n;
  for (let j = i; j < to; j++) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) return false;
    v = v * 10n + BigInt(c);
    if (v > U64_MAX) return false;
  }
  if (neg) v = (U64_MAX + 1n - v) & U64_MAX;
  parsedHi = Number(v >> 32n);
  parsedLo = Number(v & 0xffffffffn);
  return true;
}

export interface ParsedId {
  id: StreamId;
  /** False for the XADD form "<ms>-*" (sequence to be generated). */
  seqGiven: boolean;
}

/** Set by parseIdText: false after the "<ms>-*" form. */
export let parsedSeqGiven = true;

/**
 * streamGenericParseIDOrReply: "-" and "+" (unless strict), "<ms>-<seq>", or "<ms>" with the sequence
 * `missingSeqMax` ? 2^64-1 : 0; "<ms>-*" only when `allowSeqStar` (then parsedSeqGiven is false).
 * Null when invalid.
 */
export function parseIdText(s: string, missingSeqMax: boolean, strict: boolean, allowSeqStar = false): StreamId | null {
  parsedSeqGiven = true;
  if (s.length > 127) return null;
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    if (c === 45 || c === 43) return strict ? null : c === 45 ? MIN_ID : MAX_ID;
  }
  // The text ends at a NUL byte for C's string functions.
  let end = s.indexOf('\0');
  if (end < 0) end = s.length;
  const dash = s.indexOf('-');
  const msEnd = dash >= 0 && dash < end ? dash : end;
  if (!parseU64(s, 0, msEnd)) return null;
  const mh = parsedHi;
  const ml = parsedLo;
  if (msEnd === end) return missingSeqMax ? makeId(mh, ml, 0xffffffff, 0xffffffff) : makeId(mh, ml, 0, 0);
  if (allowSeqStar && end - msEnd === 2 && s.charCodeAt(msEnd + 1) === 42) {
    parsedSeqGiven = false;
    return makeId(mh, ml, 0, 0);
  }
  if (!parseU64(s, msEnd + 1, end)) return null;
  return makeId(mh, ml, parsedHi, parsedLo);
}

/** parseIdText returning the ID with its seqGiven flag. */
export function parseId(s: string, missingSeqMax: boolean, strict: boolean, allowSeqStar = false): ParsedId | null {
  const id = parseIdText(s, missingSeqMax, strict, allowSeqStar);
  return id === null ? null : { id, seqGiven: parsedSeqGiven };
}

export const ERR_INVALID_ID_TEXT = 'ERR Invalid stream ID specified as stream command argument';
