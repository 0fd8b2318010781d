// Error replies used only by the list commands, worded exactly as Redis words them.
// Counterpart: the addReplyError() texts of Redis's t_list.c.
import { errorReply } from '../../protocol/errors.js';

export const ERR_MUST_BE_POSITIVE = errorReply('ERR value is out of range, must be positive');
export const ERR_RANK_ZERO = errorReply(
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
);
/** LPOS RANK accepts -LONG_MAX..LONG_MAX, so that negating it cannot overflow. */
export const ERR_RANK_RANGE = errorReply(
  'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
);
export const ERR_COUNT_NEGATIVE = errorReply("ERR COUNT can't be negative");
export const ERR_MAXLEN_NEGATIVE = errorReply("ERR MAXLEN can't be negative");
