// Glob-style matching for KEYS, SCAN MATCH, PSUBSCRIBE, CONFIG GET and ACL patterns, with the exact
// semantics of Redis's stringmatchlen() in util.c: * ? [abc] [^abc] [a-z] (reversed ranges allowed),
// backslash escapes and an optional case-insensitive mode. Patterns and subjects are latin1 JS strings
// (one char per byte), so matching is binary safe.
//
// Quirks kept on purpose, because clients observe them:
// - inside [...], range bounds compare as C signed chars, so bytes >= 0x80 sort below 0x00;
// - an unterminated class ("[abc", "[^") still consumes one subject char;
// - "[a-]" is the range from 'a' to ']';
// - an escaped char inside a class is compared case-sensitively even in nocase mode.
// Pathological patterns ("*a*a*a...b") are cut short the same way Redis does: once the rest of the
// pattern after a '*' failed at every position, no earlier '*' can succeed by matching longer, and
// recursion deeper than 1000 stars fails the match.

const STAR = 42; // *
const QUESTION = 63; // ?
const OPEN = 91; // [
const CLOSE = 93; // ]
const CARET = 94; // ^
const BACKSLASH = 92; // \
const DASH = 45; // -

const MAX_NESTING = 1000;

/** ASCII-only lower-casing, as C's tolower() in the "C" locale. */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The byte as a C signed char (x86), which is how stringmatchlen compares range bounds. */
function signedByte(c: number): number {
  return c >= 128 ? c - 256 : c;
}

interface MatchState {
  /** Set once a '*' has tried every split point and failed: earlier stars cannot do better. */
  skipLongerMatches: boolean;
}

function matchImpl(
  p: string,
  pi: number,
  s: string,
  si: number,
  nocase: boolean,
  st: MatchState,
  nesting: number,
): boolean {
  if (nesting > MAX_NESTING) return false;
  const plen = p.length;
  const slen = s.length;
  while (pi < plen && si < slen) {
    const pc = p.charCodeAt(pi);
    if (pc === STAR) {
      while (pi + 1 < plen && p.charCodeAt(pi + 1) === STAR) pi++;
      if (pi + 1 === plen) return true;
      while (si < slen) {
        if (matchImpl(p, pi + 1, s, si, nocase, st, nesting + 1)) return true;
        if (st.skipLongerMatches) return false;
        si++;
      }
      st.skipLongerMatches = true;
      return false;
    } else if (pc === QUESTION) {
      si++;
    } else if (pc === OPEN) {
      pi++;
      const not = pi < plen && p.charCodeAt(pi) === CARET;
      if (not) pi++;
      let match = false;
      const sc = s.charCodeAt(si);
      for (;;) {
        if (pi >= plen) {
          // Unterminated class: step back so the shared advance below lands on the end.
          pi--;
          break;
        }
        const c = p.charCodeAt(pi);
        if (c === BACKSLASH && plen - pi >= 2) {
          pi++;
          if (p.charCodeAt(pi) === sc) match = true;
        } else if (c === CLOSE) {
          break;
        } else if (plen - pi >= 3 && p.charCodeAt(pi + 1) === DASH) {
          let start = signedByte(c);
          let end = signedByte(p.charCodeAt(pi + 2));
          let x = signedByte(sc);
          if (start > end) {
            const t = start;
            start = end;
            end = t;
          }
          if (nocase) {
            start = lower(start);
            end = lower(end);
            x = lower(x);
          }
          pi += 2;
          if (x >= start && x <= end) match = true;
        } else if (nocase ? lower(c) === lower(sc) : c === sc) {
          match = true;
        }
        pi++;
      }
      if (not) match = !match;
      if (!match) return false;
      si++;
    } else {
      if (pc === BACKSLASH && plen - pi >= 2) pi++;
      const c = p.charCodeAt(pi);
      const sc = s.charCodeAt(si);
      if (nocase ? lower(c) !== lower(sc) : c !== sc) return false;
      si++;
    }
    pi++;
    if (si === slen) {
      while (pi < plen && p.charCodeAt(pi) === STAR) pi++;
      break;
    }
  }
  return pi >= plen && si === slen;
}

/** True when `subject` matches the glob `pattern` (Redis's stringmatchlen). */
export function stringMatch(pattern: string, subject: string, nocase = false): boolean {
  return matchImpl(pattern, 0, subject, 0, nocase, { skipLongerMatches: false }, 0);
}

/** True for the pattern "*", which every string matches (callers skip matching entirely). */
export function matchesEverything(pattern: string): boolean {
  return pattern.length === 1 && pattern.charCodeAt(0) === STAR;
}
