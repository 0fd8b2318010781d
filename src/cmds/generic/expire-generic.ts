// EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT share one body. The time is checked for int64 overflow
// (unit conversion, then adding the base time), NX/XX/GT/LT are applied against the current TTL (a
// key without one counts as an infinite TTL), a time already past deletes the key and propagates as
// DEL (UNLINK with lazyfree-lazy-expire), and anything else propagates as PEXPIREAT with the absolute
// time in ms, the options kept. Counterpart: expireGenericCommand (expire.c).
import type { CommandContext } from '../../spec/context.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, errInvalidExpire } from '../../protocol/errors.js';
import { parseI64, parseSafeInt } from '../../util/number.js';
import { optionName } from './args.js';
import { ERR_EXPIRE_GT_LT, ERR_EXPIRE_NX_CONFLICT, errUnsupportedOption } from './errors.js';
import { noteAccess } from './key-access.js';

const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;

const I64_MIN = -9223372036854775808n;
const I64_MAX = 9223372036854775807n;
const SECONDS_MAX = I64_MAX / 1000n;
const SECONDS_MIN = I64_MIN / 1000n;

/** Parses NX XX GT LT from argv[3...]; the flag bits or an error reply. */
function parseFlags(argv: string[]): number | ErrorReply {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]);
    const bit = opt === 'nx' ? NX : opt === 'xx' ? XX : opt === 'gt' ? GT : opt === 'lt' ? LT : 0;
    if (bit === 0) return errUnsupportedOption(argv[j]);
    flags |= bit;
  }
  if (flags & NX && flags & (XX | GT | LT)) return ERR_EXPIRE_NX_CONFLICT;
  if (flags & GT && flags & LT) return ERR_EXPIRE_GT_LT;
  return flags;
}

/**
 * The absolute expire time in ms, or an error, computed in int64 arithmetic with Redis's overflow
 * checks; a number when the result is a safe integer (always, for realistic times). `cmd`: the
 * command's name as sent (the error names it in lower case).
 */
function absoluteMs(arg: string, baseMs: number, seconds: boolean, cmd: string): number | bigint | ErrorReply {
  // Plain numbers while the result stays exact (realistic times): no bigint arithmetic.
  const fast = parseSafeInt(arg);
  if (fast !== null) {
    const ms = (seconds ? fast * 1000 : fast) + baseMs;
    if (Number.isSafeInteger(ms)) return ms;
  }
  const v = parseI64(arg);
  if (v === null) return ERR_NOT_INTEGER;
  let when = v;
  if (seconds) {
    if (when > SECONDS_MAX || when < SECONDS_MIN) return errInvalidExpire(cmd.toLowerCase());
    when *= 1000n;
  }
  const base = BigInt(baseMs);
  if (when > I64_MAX - base) return errInvalidExpire(cmd.toLowerCase());
  when += base;
  const n = Number(when);
  return Number.isSafeInteger(n) ? n : when;
}

export function expireGeneric(
  ctx: CommandContext,
  argv: string[],
  baseMs: number,
  seconds: boolean,
  isPexpireat: boolean,
): Reply {
  const flags = parseFlags(argv);
  if (typeof flags !== 'number') return flags;
  const when = absoluteMs(argv[2], baseMs, seconds, argv[0]);
  if (when instanceof ErrorReply) return when;

  const db = ctx.db;
  const key = argv[1];
  if (db.lookupWrite(key, ctx.now) === undefined) return 0;
  noteAccess(ctx, db, key);

  if (flags !== 0) {
    const current = db.getExpire(key);
    if (flags & NX && current !== -1) return 0;
    if (flags & XX && current === -1) return 0;
    if (flags & GT && (current === -1 || when <= current)) return 0;
    if (flags & LT && current !== -1 && when >= current) return 0;
  }

  if (when <= ctx.now) {
    db.delete(key);
    ctx.addDirty(1);
    ctx.propagateAs([ctx.server.config.getBool('lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key]);
    ctx.signalModifiedKey(db, key);
    ctx.notify('g', 'del', key, db.id);
    return 1;
  }

  // Times beyond 2^53 ms (the year 287396) are kept as the nearest double.
  db.setExpire(key, Number(when));
  if (!isPexpireat || baseMs !== 0 || seconds) {
    const rewritten = argv.slice();
    if (!isPexpireat) rewritten[0] = 'PEXPIREAT';
    rewritten[2] = when.toString();
    ctx.propagateAs(rewritten);
  }
  ctx.signalModifiedKey(db, key);
  ctx.notify('g', 'expire', key, db.id);
  ctx.addDirty(1);
  return 1;
}
