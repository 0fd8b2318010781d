// INCRBYFLOAT key increment - Redis counterpart: incrbyfloatCommand (t_string.c). The sum is computed
// as an 80-bit long double and stored as text; it is propagated as SET key text KEEPTTL so replicas
// never redo the floating-point work.
import { stringEncoding } from '../../keyspace/value.js';
import { MutableString } from '../../protocol/reply.js';
import { defineCommand } from '../../spec/define.js';
import { ERR_NAN_OR_INF, ERR_NOT_FLOAT, ERR_WRONGTYPE } from '../../protocol/errors.js';
import { MAX_LONG_DOUBLE_CHARS, addLongDouble, formatLongDouble, parseLongDouble, type LongDouble } from './long-double.js';
import { isString } from './string-value.js';

const ZERO: LongDouble = { neg: false, mant: 0n, exp: 0, inf: false };

export default defineCommand('incrbyfloat', (ctx, argv) => {
  const db = ctx.db;
  const key = argv[1];
  const v = db.lookupWrite(key, ctx.now);
  let current = ZERO;
  if (v !== undefined) {
    if (!isString(v)) return ERR_WRONGTYPE;
    // Too long to be a long double's text: a longer value (a big bitmap) is not read at all.
    const parsed = typeof v === 'string' ? parseLongDouble(v) : v.len >= MAX_LONG_DOUBLE_CHARS ? null : parseLongDouble(v.toString());
    if (parsed === null) return ERR_NOT_FLOAT;
    current = parsed;
  }
  const incr = parseLongDouble(argv[2]);
  if (incr === null) return ERR_NOT_FLOAT;
  const sum = addLongDouble(current, incr);
  if (sum === null) return ERR_NAN_OR_INF;
  const text = formatLongDouble(sum);
  // The result is stored unencoded: an integer-looking result stays "embstr", never "int".
  const stored = text.length <= 20 && stringEncoding(text) === 'int' ? MutableString.embedded(text) : text;
  if (v !== undefined) db.overwrite(key, stored);
  else db.add(key, stored);
  ctx.signalModifiedKey(db, key);
  ctx.notify('$', 'incrbyfloat', key, db.id);
  ctx.addDirty(1);
  ctx.propagateAs(['SET', key, text, 'KEEPTTL']);
  return text;
});
