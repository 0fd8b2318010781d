// Option parsing shared by SET and GETEX (NX XX GET KEEPTTL PERSIST EX PX EXAT PXAT) and the expire
// arithmetic of SET/SETEX/PSETEX/GETEX. Counterpart: parseExtendedStringArgumentsOrReply and
// getExpireMillisecondsOrReply in Redis's t_string.c.
import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, errInvalidExpire } from '../../protocol/errors.js';
import { parseI64, parseSafeInt } from '../../util/number.js';
import { optionName } from './string-value.js';

export const OPT_NX = 1;
export const OPT_XX = 2;
export const OPT_GET = 4;
export const OPT_KEEPTTL = 8;
export const OPT_PERSIST = 16;
export const OPT_EX = 32;
export const OPT_PX = 64;
export const OPT_EXAT = 128;
export const OPT_PXAT = 256;

const ANY_EXPIRE = OPT_EX | OPT_PX | OPT_EXAT | OPT_PXAT;

export interface StringArgs {
  flags: number;
  /** The raw expire argument, when one of EX PX EXAT PXAT was given (the last one wins). */
  expire: string | null;
}

/**
 * Reads options from argv[start]. Each option is refused when it conflicts with one already seen,
 * but repeating the same option is accepted (the later expire value wins), as Redis does.
 */
export function parseStringArgs(argv: string[], start: number, forSet: boolean): StringArgs | ErrorReply {
  let flags = 0;
  let expire: string | null = null;
  for (let j = start; j < argv.length; j++) {
    const opt = optionName(argv[j]);
    const hasNext = j + 1 < argv.length;
    let set = 0;
    switch (opt) {
      case 'nx':
        if (forSet && !(flags & OPT_XX)) set = OPT_NX;
        break;
      case 'xx':
        if (forSet && !(flags & OPT_NX)) set = OPT_XX;
        break;
      case 'get':
        if (forSet) set = OPT_GET;
        break;
      case 'keepttl':
        if (forSet && !(flags & (OPT_PERSIST | ANY_EXPIRE))) set = OPT_KEEPTTL;
        break;
      case 'persist':
        if (!forSet && !(flags & (OPT_KEEPTTL | ANY_EXPIRE))) set = OPT_PERSIST;
        break;
      case 'ex':
      case 'px':
      case 'exat':
      case 'pxat': {
        const f = opt === 'ex' ? OPT_EX : opt === 'px' ? OPT_PX : opt === 'exat' ? OPT_EXAT : OPT_PXAT;
        if (hasNext && !(flags & (OPT_KEEPTTL | OPT_PERSIST | (ANY_EXPIRE & ~f)))) {
          set = f;
          expire = argv[++j];
        }
        break;
      }
    }
    if (set === 0) return ERR_SYNTAX;
    flags |= set;
  }
  return { flags, expire };
}

const I64_MAX = 9223372036854775807n;
/** Largest seconds value whose millisecond form still fits an int64 (LLONG_MAX / 1000). */
const MAX_SECONDS = 9223372036854775n;

/**
 * The absolute expire time in ms for an expire argument, or the error Redis gives. Relative units
 * (EX/PX) are added to the command's clock; a result beyond int64 is refused like a non-positive one.
 * The value is a number when it is a safe integer, a bigint otherwise. `cmd`: the command's name as
 * sent (the error names it in lower case).
 */
export function expireAtMs(
  raw: string,
  flags: number,
  now: number,
  cmd: string,
): number | bigint | ErrorReply {
  const seconds = (flags & (OPT_EX | OPT_EXAT)) !== 0;
  const relative = (flags & (OPT_EX | OPT_PX)) !== 0;
  const fast = parseSafeInt(raw);
  if (fast !== null) {
    if (fast <= 0) return errInvalidExpire(cmd.toLowerCase());
    const ms = (seconds ? fast * 1000 : fast) + (relative ? now : 0);
    if (Number.isSafeInteger(ms)) return ms;
  }
  const v = parseI64(raw);
  if (v === null) return ERR_NOT_INTEGER;
  if (v <= 0n || (seconds && v > MAX_SECONDS)) return errInvalidExpire(cmd.toLowerCase());
  const ms = (seconds ? v * 1000n : v) + (relative ? BigInt(now) : 0n);
  if (ms > I64_MAX) return errInvalidExpire(cmd.toLowerCase());
  return ms;
}
