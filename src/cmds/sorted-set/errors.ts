// Error replies used only by the sorted set commands, worded exactly as Redis words them.
// Counterpart: the addReplyError() texts of Redis's t_zset.c.
import { errorReply } from '../../protocol/errors.js';

export const ERR_MIN_MAX_FLOAT = errorReply('ERR min or max is not a float');
export const ERR_MIN_MAX_LEX = errorReply('ERR min or max not valid string range item');
export const ERR_NAN_SCORE = errorReply('ERR resulting score is not a number (NaN)');
export const ERR_XX_NX = errorReply('ERR XX and NX options at the same time are not compatible');
export const ERR_GT_LT_NX = errorReply('ERR GT, LT, and/or NX options at the same time are not compatible');
export const ERR_INCR_PAIR = errorReply('ERR INCR option supports a single increment-element pair');
export const ERR_LIMIT_RANK = errorReply(
  'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX',
);
export const ERR_WITHSCORES_LEX = errorReply('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
export const ERR_MUST_BE_POSITIVE = errorReply('ERR value is out of range, must be positive');
export const ERR_RANDMEMBER_RANGE = errorReply(
  'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
);
export const ERR_VALUE_RANGE = errorReply('ERR value is out of range');
export const ERR_WEIGHT_FLOAT = errorReply('ERR weight value is not a float');
export const ERR_LIMIT_NEGATIVE = errorReply("ERR LIMIT can't be negative");

export function errAtLeastOneKey(command: string): ReturnType<typeof errorReply> {
  return errorReply(`ERR at least 1 input key is needed for '${command}' command`);
}
