// SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination]
// and SORT_RO (no STORE): sorts a list, set or sorted set by its elements or by weights found through
// a key pattern ("weight_*", "hash_*->field"), optionally returning other keys' values.
// Redis counterpart: sortCommandGeneric (sort.c).
import { defineCommand } from '../../spec/define.js';
import type { CommandContext } from '../../spec/context.js';
import type { Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import { isStringValue, stringOf, type RValue } from '../../keyspace/value.js';
import { parseI64 } from '../../util/number.js';
import { strtod } from '../sorted-set/zset-args.js';
import { ListValue } from '../../datatypes/list.js';
import { SetValue } from '../../datatypes/set.js';
import { ZsetValue } from '../../datatypes/zset.js';
import { HashValue } from '../../datatypes/hash.js';

const ERR_NOT_DOUBLE = errorReply("ERR One or more scores can't be converted into double");
const ERR_BY_ACL = errorReply('ERR BY option of SORT denied due to insufficient ACL permissions.');
const ERR_GET_ACL = errorReply('ERR GET option of SORT denied due to insufficient ACL permissions.');

/** BY and GET patterns read keys the ACL key check never saw, so they need read access to every key. */
function fullKeyAccess(ctx: CommandContext, argv: string[]): boolean {
  const cmd = ctx.server.registry.lookup(argv[0]);
  return cmd === undefined || ctx.server.acl.hasFullKeyAccess(ctx.client, cmd, argv);
}
/**
 * strtod as SORT checks it (eptr at the end, no ERANGE, not NaN): leading blanks and hex allowed, an
 * empty string is 0 (nothing converted, and the end pointer is at the terminator), blanks alone are
 * not; overflow and inexact subnormal results are refused.
 */
function sortScore(s: string): number | null {
  const c = cString(s);
  if (c.length === 0) return 0;
  const t = c.replace(/^[ \t\n\v\f\r]+/, '');
  if (t.length === 0) return null;
  const r = strtod(t, false);
  if (r === null || r.erange || r.tiny === true || Number.isNaN(r.v)) return null;
  return r.v;
}

/** A string as C's string functions see it: up to its first NUL byte. */
function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

/** lookupKeyByPattern: "#" is the element itself; the first "*" is replaced; "->field" reads a hash field. */
function byPattern(ctx: CommandContext, pattern: string, element: string): string | null {
  if (pattern === '#') return element;
  const star = pattern.indexOf('*');
  if (star < 0) return null;
  const arrow = pattern.indexOf('->', star + 1);
  let keyPattern = pattern;
  let field: string | null = null;
  if (arrow >= 0 && arrow + 2 < pattern.length) {
    keyPattern = pattern.slice(0, arrow);
    field = pattern.slice(arrow + 2);
  }
  const key = keyPattern.slice(0, star) + element + keyPattern.slice(star + 1);
  const v = ctx.db.lookupReadNoTouch(key, ctx.now);
  if (v === undefined) return null;
  if (field !== null) return v instanceof HashValue ? (v.get(field) ?? null) : null;
  return isStringValue(v) ? stringOf(v) : null;
}

function elementsOf(v: RValue): string[] | null {
  if (v instanceof ListValue) return v.range(0, v.length - 1);
  if (v instanceof SetValue) return v.members();
  if (v instanceof ZsetValue) return v.range(0, v.size - 1).map(([m]) => m);
  return null;
}

function sortGeneric(ctx: CommandContext, argv: string[], readOnly: boolean): Reply {
  let desc = false;
  let alpha = false;
  let offset = 0;
  let count = -1;
  let sortBy: string | null = null;
  let dontSort = false;
  let store: string | null = null;
  const gets: string[] = [];
  for (let j = 2; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    const left = argv.length - j - 1;
    if (opt === 'asc') desc = false;
    else if (opt === 'desc') desc = true;
    else if (opt === 'alpha') alpha = true;
    else if (opt === 'limit' && left >= 2) {
      const o = parseI64(argv[j + 1]);
      const c = parseI64(argv[j + 2]);
      if (o === null || c === null) return ERR_NOT_INTEGER;
      offset = Number(o);
      count = Number(c);
      j += 2;
    } else if (opt === 'store' && left >= 1 && !readOnly) {
      store = argv[++j];
    } else if (opt === 'by' && left >= 1) {
      sortBy = argv[++j];
      // A BY pattern without "*" means: do not sort at all.
      if (sortBy.indexOf('*') < 0) dontSort = true;
      else if (!fullKeyAccess(ctx, argv)) return ERR_BY_ACL;
    } else if (opt === 'get' && left >= 1) {
      if (!fullKeyAccess(ctx, argv)) return ERR_GET_ACL;
      gets.push(argv[++j]);
    } else {
      return ERR_SYNTAX;
    }
  }
  const value = ctx.db.lookupRead(argv[1], ctx.now);
  let elements: string[] = [];
  let ordered0 = false;
  if (value !== undefined) {
    const els = elementsOf(value);
    if (els === null) return ERR_WRONGTYPE;
    elements = els;
    // Lists and sorted sets have an order of their own, which BY nosort keeps (DESC reverses it).
    ordered0 = value instanceof ListValue || value instanceof ZsetValue;
    // Redis (7.2 too) converts a listpack sorted set to a skiplist before reading it, and it stays one:
    // OBJECT ENCODING, DUMP and the RDB show it.
    if (value instanceof ZsetValue) value.convertToSkiplist();
    // Sets have no order of their own: stored results are made reproducible by sorting them anyway.
    if (dontSort && value instanceof SetValue && store !== null) {
      dontSort = false;
      alpha = true;
      sortBy = null;
    }
  }
  const n = elements.length;
  let start = offset < 0 ? 0 : offset;
  let end = count < 0 ? n - 1 : start + count - 1;
  if (start >= n) {
    start = n - 1;
    end = n - 2;
  }
  if (end >= n) end = n - 1;

  let ordered = elements;
  if (!dontSort && n > 0) {
    const items = elements.map((e) => ({ e, score: 0, by: null as string | null }));
    for (const it of items) {
      const w = sortBy !== null ? byPattern(ctx, sortBy, it.e) : it.e;
      if (alpha) {
        // Without STORE Redis compares with strcoll (C locale: strcmp), which stops at a NUL byte;
        // STORE compares whole binary strings.
        it.by = w === null || store !== null ? w : cString(w);
      } else if (w !== null) {
        const sc = sortScore(w);
        if (sc === null) return ERR_NOT_DOUBLE;
        it.score = sc;
      }
    }
    const cmpBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    items.sort((a, b) => {
      let c: number;
      if (!alpha) {
        c = a.score < b.score ? -1 : a.score > b.score ? 1 : cmpBytes(a.e, b.e);
      } else if (a.by === null || b.by === null) {
        c = a.by === b.by ? 0 : a.by === null ? -1 : 1;
      } else {
        // Ties (equal up to a NUL) keep the input order: glibc's qsort is a stable merge sort.
        c = cmpBytes(a.by, b.by);
      }
      return desc ? -c : c;
    });
    ordered = items.map((it) => it.e);
  } else if (dontSort && ordered0 && desc) {
    ordered = [...elements].reverse();
  }
  const out: Array<string | null> = [];
  for (let i = start; i <= end; i++) {
    const e = ordered[i];
    if (gets.length === 0) out.push(e);
    else for (const g of gets) out.push(byPattern(ctx, g, e));
  }
  if (store === null) return out;
  const db = ctx.db;
  const existed = db.lookupWrite(store, ctx.now) !== undefined;
  if (out.length > 0) {
    db.set(store, ListValue.of(out.map((v) => v ?? '')));
    ctx.signalModifiedKey(db, store);
    ctx.notify('l', 'sortstore', store, db.id);
    ctx.addDirty(out.length);
  } else if (existed) {
    db.delete(store);
    ctx.signalModifiedKey(db, store);
    ctx.notify('g', 'del', store, db.id);
    ctx.addDirty(1);
  }
  return out.length;
}

export const sort = defineCommand('sort', (ctx, argv) => sortGeneric(ctx, argv, false));
export const sortRo = defineCommand('sort_ro', (ctx, argv) => sortGeneric(ctx, argv, true));
