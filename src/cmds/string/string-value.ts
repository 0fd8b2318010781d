// Helpers shared by the string commands for reading stored values and replying with them.
// Counterpart: getGenericCommand / checkType / stringObjectLen in Redis's t_string.c and object.c.
import { MAX_STRING_LENGTH, MutableString, type Reply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { RValue } from '../../keyspace/value.js';
import type { CommandContext } from '../../spec/context.js';

/**
 * The bulk reply for a string value. A MutableString is copied: replies may be encoded after later
 * commands ran (EXEC collects its replies first), and an APPEND in between must not show through.
 */
export function bulkOf(v: string | MutableString): string | Buffer {
  return typeof v === 'string' ? v : v.copyForReply();
}

/** A string value as text (commands that compute on the characters, such as LCS). */
export function textOf(v: string | MutableString): string {
  return typeof v === 'string' ? v : v.toString();
}

/** getGenericCommand: the value as a bulk, nil when missing, WRONGTYPE for other types. */
export function getGeneric(ctx: CommandContext, key: string): Reply {
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined) return null;
  if (typeof v === 'string') return v;
  // Encoded at once (not inside EXEC or a script): a value longer than any JS string goes out from
  // its own bytes, not copied first.
  if (v instanceof MutableString) return ctx.replyNow && v.len > MAX_STRING_LENGTH ? v.view() : v.copyForReply();
  return ERR_WRONGTYPE;
}

export function isString(v: RValue): v is string | MutableString {
  return typeof v === 'string' || v instanceof MutableString;
}

export function stringLength(v: string | MutableString): number {
  return typeof v === 'string' ? v.length : v.len;
}

/** Option names as Redis compares them (one implementation, in src/cmds/generic/args.ts). */
export { optionName } from '../generic/args.js';
