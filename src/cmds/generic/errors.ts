// Error replies used only by the keyspace and database commands, worded exactly as Redis words them.
// Counterpart: the addReplyError() texts of Redis's db.c, expire.c and object.c.
import { errorReply } from '../../protocol/errors.js';
import type { ErrorReply } from '../../protocol/reply.js';

export const ERR_EXPIRE_NX_CONFLICT = errorReply(
  'ERR NX and XX, GT or LT options at the same time are not compatible',
);
export const ERR_EXPIRE_GT_LT = errorReply('ERR GT and LT options at the same time are not compatible');
/** getIntFromObjectOrReply's reply for an integer outside the C int range. */
export const ERR_INT_RANGE = errorReply('ERR value is out of range, value must between -2147483648 and 2147483647');
export const ERR_INVALID_FIRST_DB = errorReply('ERR invalid first DB index');
export const ERR_INVALID_SECOND_DB = errorReply('ERR invalid second DB index');
export const ERR_UNKNOWN_TYPE_OBJECT = errorReply('ERR unknown type object');
export const ERR_MOVE_CLUSTER = errorReply('ERR MOVE is not allowed in cluster mode');
export const ERR_SWAPDB_CLUSTER = errorReply('ERR SWAPDB is not allowed in cluster mode');
export const ERR_COPY_CLUSTER = errorReply('ERR Copying to another database is not allowed in cluster mode');
export const ERR_LFU_NOT_SELECTED = errorReply(
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when ' +
    'switching between policies at runtime LRU and LFU data will take some time to adjust.',
);
export const ERR_LFU_SELECTED = errorReply(
  'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching ' +
    'between policies at runtime LRU and LFU data will take some time to adjust.',
);

/** EXPIRE's reply to an unknown option: the option is printed as a C string, newlines blanked. */
export function errUnsupportedOption(opt: string): ErrorReply {
  const nul = opt.indexOf('\0');
  const shown = (nul < 0 ? opt : opt.slice(0, nul)).replace(/[\r\n]/g, ' ');
  return errorReply(`ERR Unsupported option ${shown}`);
}
