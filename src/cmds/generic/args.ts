// Argument readers shared by the keyspace commands, with the C-level rules Redis applies: options
// compare case-insensitively as C strings (up to an embedded NUL), and DB numbers go through
// getIntFromObjectOrReply (int64 syntax, then the C int range). Counterpart: object.c and db.c helpers.
import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { ERR_INT_RANGE } from './errors.js';

/** An option as strcasecmp sees it: lower-cased and cut at the first NUL byte. */
export function optionName(arg: string): string {
  // Already lower case and NUL-free (what clients send nearly always): the argument itself, as
  // toLowerCase would allocate a copy. Callers compare with ASCII names, which a Latin-1 letter left
  // upper case can match no more than its lower-case form could.
  for (let i = 0; i < arg.length; i++) {
    const c = arg.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 0) {
      const nul = arg.indexOf('\0');
      return (nul < 0 ? arg : arg.slice(0, nul)).toLowerCase();
    }
  }
  return arg;
}

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;

/**
 * getIntFromObjectOrReply: the value as a number, or the error to send. `msg` replaces both the
 * "not an integer" and the "out of range" errors when given (SWAPDB does this).
 */
export function parseIntArg(arg: string, msg?: ErrorReply): number | ErrorReply {
  const v = parseI64(arg);
  if (v === null) return msg ?? ERR_NOT_INTEGER;
  if (v < INT_MIN || v > INT_MAX) return msg ?? ERR_INT_RANGE;
  return Number(v);
}
