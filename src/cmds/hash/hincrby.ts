// HINCRBY key field increment - 64-bit integer arithmetic on a field, created at 0 when missing.
// Redis counterpart: hincrbyCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_OVERFLOW } from '../../protocol/errors.js';
import { I64_MAX, I64_MIN } from '../../util/number.js';
import { parseInteger } from '../string/incr-decr.js';
import { ERR_HASH_NOT_INTEGER } from './errors.js';
import { hashTypeSet, lookupHashWriteOrCreate } from './hash-access.js';

export default defineCommand('hincrby', (ctx, argv) => {
  const key = argv[1];
  const field = argv[2];
  const incr = parseInteger(argv[3]);
  if (incr === null) return ERR_NOT_INTEGER;
  const h = lookupHashWriteOrCreate(ctx, key);
  if (h instanceof ErrorReply) return h;
  let old: number | bigint = 0;
  const current = h.get(field);
  if (current !== undefined) {
    const parsed = parseInteger(current);
    if (parsed === null) return ERR_HASH_NOT_INTEGER;
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
  hashTypeSet(ctx, h, field, String(result));
  const db = ctx.db;
  ctx.signalModifiedKey(db, key);
  ctx.notify('h', 'hincrby', key, db.id);
  ctx.addDirty(1);
  return result;
});
