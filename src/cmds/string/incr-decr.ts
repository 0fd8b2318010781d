// The shared body of INCR, DECR, INCRBY and DECRBY: 64-bit signed arithmetic on a decimal string, done
// with plain numbers while they stay exact and with bigint near the int64 limits.
// Counterpart: incrDecrCommand in Redis's t_string.c.
import type { Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_OVERFLOW, ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { I64_MAX, I64_MIN, parseI64, parseSafeInt } from '../../util/number.js';
import { isString } from './string-value.js';

/** An integer argument with string2ll rules: a number when exact, else a bigint; null when invalid. */
export function parseInteger(s: string): number | bigint | null {
  const n = parseSafeInt(s);
  // parseSafeInt reads any 16-digit text as a number, and some of those are already beyond 2^53.
  return n !== null && Number.isSafeInteger(n) ? n : parseI64(s);
}

export function incrDecr(ctx: CommandContext, key: string, incr: number | bigint): Reply {
  const db = ctx.db;
  const v = db.lookupWrite(key, ctx.now);
  let old: number | bigint = 0;
  if (v !== undefined) {
    if (!isString(v)) return ERR_WRONGTYPE;
    // Longer than any 64-bit integer: not read at all (a bitmap may be hundreds of megabytes).
    const parsed = typeof v === 'string' ? parseInteger(v) : v.len > 20 ? null : parseInteger(v.toString());
    if (parsed === null) return ERR_NOT_INTEGER;
    old = parsed;
  }
  let result: number | bigint;
  const sum = typeof old === 'number' && typeof incr === 'number' ? old + incr : NaN;
  if (Number.isSafeInteger(sum)) {
    result = sum;
  } else {
    const big = BigInt(old) + BigInt(incr);
    if (big > I64_MAX || big < I64_MIN) return ERR_OVERFLOW;
    result = big;
  }
  const text = String(result);
  // Replacing the value keeps its TTL, as Redis's in-place integer update does.
  if (v !== undefined) db.overwrite(key, text, v);
  else db.add(key, text);
  ctx.signalModifiedKey(db, key);
  ctx.notify('$', 'incrby', key, db.id);
  ctx.addDirty(1);
  return result;
}
