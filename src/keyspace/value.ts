// Stored value representations. A string value is a latin1 JS string (one byte per char, compact and
// hashable) or, once it has been changed in place (APPEND, SETRANGE, SETBIT), a MutableString.
// Aggregate types (later) are objects carrying a `type` tag. Counterpart: robj in Redis's object.c.
import { MutableString } from '../protocol/reply.js';

export { MutableString };

/** Values of the aggregate types implement this; strings are plain JS strings or MutableString. */
export interface TypedValue {
  readonly type: 'list' | 'set' | 'zset' | 'hash' | 'stream';
  /** OBJECT ENCODING name for the current representation. */
  encoding(): string;
}

export type RValue = string | MutableString | TypedValue;

export function isStringValue(v: RValue): v is string | MutableString {
  return typeof v === 'string' || v instanceof MutableString;
}

/** Reads a string value as a JS latin1 string (callers check the type first). */
export function stringOf(v: string | MutableString): string {
  return typeof v === 'string' ? v : v.toString();
}

export function typeName(v: RValue): string {
  if (typeof v === 'string' || v instanceof MutableString) return 'string';
  return v.type;
}

const INT_RE = /^-?[1-9][0-9]*$|^0$/;
const SHARED_INT_RE = /^(0|[1-9][0-9]{0,3})$/;

/**
 * Whether Redis would store this string as one of its shared integer objects (0..9999, OBJ_SHARED_INTEGERS),
 * when sharing is on at all (see OBJECT REFCOUNT).
 */
export function isSharedIntegerText(s: string): boolean {
  return s.length <= 4 && SHARED_INT_RE.test(s);
}

/** OBJECT ENCODING as Redis reports it for a string (int / embstr / raw). */
export function stringEncoding(v: string | MutableString): string {
  if (v instanceof MutableString) return v.shownEncoding;
  if (v.length <= 20 && INT_RE.test(v)) {
    const n = BigInt(v);
    if (n >= -9223372036854775808n && n <= 9223372036854775807n) return 'int';
  }
  return v.length <= 44 ? 'embstr' : 'raw';
}
