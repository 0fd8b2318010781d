// Shared pieces of the HyperLogLog commands: the type check and the write-side lookup that turns a
// stored string into a MutableString changed in place. Counterpart: isHLLObjectOrReply and the
// dbUnshareStringValue calls in Redis's hyperloglog.c.
import { MutableString, type ErrorReply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import type { RValue } from '../../keyspace/value.js';
import type { CommandContext } from '../../spec/context.js';
import { isValidHLL } from '../../datatypes/hyperloglog.js';
import { isString } from '../string/string-value.js';

export const ERR_NOT_HLL = errorReply('WRONGTYPE Key is not a valid HyperLogLog string value.');
export const ERR_INVALID_HLL = errorReply('INVALIDOBJ Corrupted HLL object detected');

/** The bytes of a string value without copying a MutableString. */
export function bytesOf(v: string | MutableString): Uint8Array {
  return typeof v === 'string' ? Buffer.from(v, 'latin1') : v.view();
}

/** isHLLObjectOrReply: null when v is a well-formed HLL string, else the error to reply. */
export function checkHLL(v: RValue): ErrorReply | null {
  if (!isString(v)) return ERR_WRONGTYPE;
  return isValidHLL(bytesOf(v)) ? null : ERR_NOT_HLL;
}

/** The value at key as a MutableString that may be changed in place (the caller checked it). */
export function unshareHLL(ctx: CommandContext, key: string, v: string | MutableString): MutableString {
  if (v instanceof MutableString) {
    v.shownEncoding = 'raw';
    return v;
  }
  const m = new MutableString(v);
  ctx.db.overwrite(key, m);
  return m;
}

export function sparseMaxBytes(ctx: CommandContext): number {
  return ctx.server.config.getNumber('hll-sparse-max-bytes');
}
