// Error replies used only by the hash commands, worded exactly as Redis words them.
// Counterpart: the addReplyError() texts of Redis's t_hash.c.
import { errorReply } from '../../protocol/errors.js';

export const ERR_HASH_NOT_INTEGER = errorReply('ERR hash value is not an integer');
export const ERR_HASH_NOT_FLOAT = errorReply('ERR hash value is not a float');
export const ERR_INCR_NAN_OR_INF = errorReply('ERR value is NaN or Infinity');
export const ERR_OUT_OF_RANGE_SHORT = errorReply('ERR value is out of range');
/** getRangeLongFromObjectOrReply's message for HRANDFIELD's count (the range is -LONG_MAX..LONG_MAX). */
export const ERR_COUNT_RANGE = errorReply(
  'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
);
