// HINCRBYFLOAT key field increment - long double arithmetic on a field, created at 0 when missing.
// The result is stored as text and propagated as HSET key field text, so replicas and the AOF never
// redo the floating-point work. Redis counterpart: hincrbyfloatCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_NAN_OR_INF, ERR_NOT_FLOAT } from '../../protocol/errors.js';
import { addLongDouble, formatLongDouble, parseLongDouble, type LongDouble } from '../string/long-double.js';
import { ERR_HASH_NOT_FLOAT, ERR_INCR_NAN_OR_INF } from './errors.js';
import { hashTypeSet, lookupHashWriteOrCreate } from './hash-access.js';

const ZERO: LongDouble = { neg: false, mant: 0n, exp: 0, inf: false };

export default defineCommand('hincrbyfloat', (ctx, argv) => {
  const key = argv[1];
  const field = argv[2];
  const incr = parseLongDouble(argv[3]);
  if (incr === null) return ERR_NOT_FLOAT;
  // Unlike INCRBYFLOAT, an infinite increment is refused before the key is looked at.
  if (incr.inf) return ERR_INCR_NAN_OR_INF;
  const h = lookupHashWriteOrCreate(ctx, key);
  if (h instanceof ErrorReply) return h;
  let current = ZERO;
  const stored = h.get(field);
  if (stored !== undefined) {
    const parsed = parseLongDouble(stored);
    if (parsed === null) return ERR_HASH_NOT_FLOAT;
    current = parsed;
  }
  const sum = addLongDouble(current, incr);
  if (sum === null) return ERR_NAN_OR_INF;
  const text = formatLongDouble(sum);
  hashTypeSet(ctx, h, field, text);
  const db = ctx.db;
  ctx.signalModifiedKey(db, key);
  ctx.notify('h', 'hincrbyfloat', key, db.id);
  ctx.addDirty(1);
  ctx.propagateAs(['HSET', key, field, text]);
  return text;
});
