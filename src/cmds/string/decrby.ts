// DECRBY key decrement - Redis counterpart: decrbyCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { I64_MIN } from '../../util/number.js';
import { ERR_DECREMENT_OVERFLOW } from './errors.js';
import { incrDecr, parseInteger } from './incr-decr.js';

export default defineCommand('decrby', (ctx, argv) => {
  const decr = parseInteger(argv[2]);
  if (decr === null) return ERR_NOT_INTEGER;
  // The negation of INT64_MIN does not fit an int64, so Redis refuses it before looking at the key.
  if (decr === I64_MIN) return ERR_DECREMENT_OVERFLOW;
  return incrDecr(ctx, argv[1], typeof decr === 'number' ? 0 - decr : -decr);
});
