// Error replies used only by the set commands, worded exactly as Redis words them.
// Counterpart: the addReplyError() texts of Redis's t_set.c.
import { errorReply } from '../../protocol/errors.js';

export const ERR_MUST_BE_POSITIVE = errorReply('ERR value is out of range, must be positive');
export const ERR_SRANDMEMBER_RANGE = errorReply(
  'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
);
export const ERR_NUMKEYS_POSITIVE = errorReply('ERR numkeys should be greater than 0');
export const ERR_NUMKEYS_TOO_MANY = errorReply("ERR Number of keys can't be greater than number of args");
export const ERR_LIMIT_NEGATIVE = errorReply("ERR LIMIT can't be negative");
