// SCAN cursor parsing with the rules of Redis 7's parseScanCursorOrReply, which uses strtoul():
// optional sign, decimal digits, no leading space, the C string ends at a NUL byte, and a value
// outside unsigned 64 bits is refused. strtoul accepts a negative number (it wraps modulo 2^64) and
// an empty string (zero), so these are valid cursors too. Counterpart: parseScanCursorOrReply (db.c).

import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { matchesEverything } from '../../util/glob.js';
import { optionName } from './args.js';

const U64 = 1n << 64n;

/** The cursor as an unsigned 64-bit value, or null for "ERR invalid cursor". */
export function parseScanCursor(arg: string): bigint | null {
  const nul = arg.indexOf('\0');
  const s = nul < 0 ? arg : arg.slice(0, nul);
  if (s.length === 0) return 0n;
  const c0 = s.charCodeAt(0);
  // isspace(): space, \t \n \v \f \r.
  if (c0 === 32 || (c0 >= 9 && c0 <= 13)) return null;
  if (s === '0') return 0n;
  let i = 0;
  let neg = false;
  if (c0 === 43 /* + */ || c0 === 45 /* - */) {
    neg = c0 === 45;
    i = 1;
  }
  if (i === s.length) return null;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  const mag = BigInt(i === 0 ? s : s.slice(i));
  if (mag >= U64) return null;
  return neg && mag !== 0n ? U64 - mag : mag;
}

/** COUNT is a C long; a page larger than this would only build a huge reply in one call anyway. */
const MAX_VISIT = 0x7fffffff;

/**
 * The [MATCH pattern] [COUNT count] options of HSCAN, SSCAN and ZSCAN from argv[from] on: COUNT (default
 * 10) and the pattern, null when it matches everything.
 */
export function parseScanOptions(argv: string[], from: number): { count: number; pattern: string | null } | ErrorReply {
  let count = 10;
  let pattern: string | null = null;
  for (let i = from; i < argv.length; i += 2) {
    const opt = optionName(argv[i]);
    if (i + 1 >= argv.length) return ERR_SYNTAX;
    if (opt === 'count') {
      const n = parseI64(argv[i + 1]);
      if (n === null) return ERR_NOT_INTEGER;
      if (n < 1n) return ERR_SYNTAX;
      count = n > BigInt(MAX_VISIT) ? MAX_VISIT : Number(n);
    } else if (opt === 'match') {
      pattern = matchesEverything(argv[i + 1]) ? null : argv[i + 1];
    } else {
      return ERR_SYNTAX;
    }
  }
  return { count, pattern };
}
