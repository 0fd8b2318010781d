// Error replies used only by the string commands, worded exactly as Redis words them.
// Counterpart: the addReplyError() texts of Redis's t_string.c.
import { errorReply } from '../../protocol/errors.js';

export const ERR_OFFSET_RANGE = errorReply('ERR offset is out of range');
export const ERR_DECREMENT_OVERFLOW = errorReply('ERR decrement would overflow');
export const ERR_LCS_WRONGTYPE = errorReply('ERR The specified keys must contain string values');
export const ERR_LCS_IDX_AND_LEN = errorReply('ERR If you want both the length and indexes, please just use IDX.');
export const ERR_LCS_TOO_LONG = errorReply('ERR String too long for LCS');
export const ERR_LCS_TABLE_LIMIT = errorReply(
  'ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len',
);
export const ERR_LCS_NO_MEMORY = errorReply('ERR Insufficient memory, failed allocating transient memory for LCS');
