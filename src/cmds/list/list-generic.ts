// Helpers shared by the list commands: typed lookups, the push and pop cores (LMPOP's included, shaped so
// the blocking forms can retry with them), range clamping and argument readers. Redis counterpart:
// pushGenericCommand, listElementsRemoved, mpopGenericCommand and addListRangeReply in t_list.c.
import type { CommandContext } from '../../spec/context.js';
import type { ErrorReply, Reply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import { ListValue } from '../../datatypes/list.js';
import { parseI64, parseSafeInt } from '../../util/number.js';
import { optionName } from '../generic/args.js';

export type Where = 'left' | 'right';

/** list-max-listpack-size, the node limit the encoding rules use. */
export function listFill(ctx: CommandContext): number {
  return ctx.server.config.getNumber('list-max-listpack-size');
}

/** lookupKeyWrite + checkType: the list, undefined when missing, or WRONGTYPE. */
export function lookupListWrite(ctx: CommandContext, key: string): ListValue | undefined | ErrorReply {
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined || v instanceof ListValue) return v;
  return ERR_WRONGTYPE;
}

/** lookupKeyRead + checkType. */
export function lookupListRead(ctx: CommandContext, key: string): ListValue | undefined | ErrorReply {
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined || v instanceof ListValue) return v;
  return ERR_WRONGTYPE;
}

/** getLongFromObjectOrReply: a 64-bit integer as a JS number (exact where it matters: within ±2^53). */
export function parseLong(arg: string): number | null {
  const n = parseSafeInt(arg);
  if (n !== null) return n;
  const b = parseI64(arg);
  return b === null ? null : Number(b);
}

/** getListPositionFromObjectOrReply: LEFT or RIGHT, any case. */
export function parseWhere(arg: string): Where | null {
  const w = optionName(arg);
  return w === 'left' || w === 'right' ? w : null;
}

/** Sum of the raw lengths of argv[from..], what the growing encoding check adds up. */
export function argBytes(argv: string[], from: number): number {
  let n = 0;
  for (let i = from; i < argv.length; i++) n += argv[i].length;
  return n;
}

/**
 * LPUSH/RPUSH and their X forms: pushes argv[2..] one by one, creating the list unless onlyExisting.
 * Returns the new length (0 when onlyExisting and the key is missing).
 */
export function pushGeneric(ctx: CommandContext, argv: string[], where: Where, onlyExisting: boolean): Reply {
  const key = argv[1];
  let list = lookupListWrite(ctx, key);
  if (list !== undefined && !(list instanceof ListValue)) return list;
  if (list === undefined) {
    if (onlyExisting) return 0;
    list = new ListValue(argv.length - 2);
    ctx.db.add(key, list);
  }
  list.growEncoding(argBytes(argv, 2), argv.length - 2, listFill(ctx));
  if (where === 'left') for (let i = 2; i < argv.length; i++) list.pushHead(argv[i]);
  else for (let i = 2; i < argv.length; i++) list.pushTail(argv[i]);
  ctx.signalModifiedKey(ctx.db, key);
  ctx.notify('l', where === 'left' ? 'lpush' : 'rpush', key, ctx.db.id);
  ctx.addDirty(argv.length - 2);
  return list.length;
}

/** Pushes one element as LMOVE's destination side does, creating the list when missing. */
export function pushOne(ctx: CommandContext, key: string, list: ListValue | undefined, v: string, where: Where): void {
  if (list === undefined) {
    list = new ListValue();
    ctx.db.add(key, list);
  }
  ctx.signalModifiedKey(ctx.db, key);
  list.growEncoding(v.length, 1, listFill(ctx));
  if (where === 'left') list.pushHead(v);
  else list.pushTail(v);
  ctx.notify('l', where === 'left' ? 'lpush' : 'rpush', key, ctx.db.id);
}

/**
 * listElementsRemoved: after popping `count` elements from one end, notifies, deletes the emptied key
 * (or lets the encoding shrink), signals and counts the change.
 */
export function elementsRemoved(ctx: CommandContext, key: string, where: Where, list: ListValue, count: number): void {
  ctx.notify('l', where === 'left' ? 'lpop' : 'rpop', key, ctx.db.id);
  if (list.length === 0) {
    ctx.db.delete(key);
    ctx.notify('g', 'del', key, ctx.db.id);
  } else {
    list.shrinkEncoding(listFill(ctx));
  }
  ctx.signalModifiedKey(ctx.db, key);
  ctx.addDirty(count);
}

/**
 * Pops up to `count` elements from one end, in pop order (LPOP/RPOP with a count, LMPOP), and records the
 * removal.
 */
export function popRange(ctx: CommandContext, key: string, list: ListValue, where: Where, count: number): string[] {
  const n = Math.min(count, list.length);
  let out: string[];
  if (where === 'left') {
    out = list.range(0, n - 1);
    list.removeHead(n);
  } else {
    out = list.range(list.length - n, list.length - 1, true);
    list.removeTail(n);
  }
  elementsRemoved(ctx, key, where, list, n);
  return out;
}

/**
 * The core of LMPOP, shaped for the blocking form's retry too: pops up to `count` elements from the first
 * existing list among `keys` and replies [key, elements]; undefined when every key is missing. Propagates
 * as LPOP/RPOP key n with n the number really popped, so a replica never depends on the other keys.
 */
export function mpopFirst(ctx: CommandContext, keys: readonly string[], where: Where, count: number): Reply | undefined {
  for (const key of keys) {
    const list = lookupListWrite(ctx, key);
    if (list === undefined) continue;
    if (!(list instanceof ListValue)) return list;
    const popped = Math.min(count, list.length);
    const elements = popRange(ctx, key, list, where, count);
    ctx.propagateAs([where === 'left' ? 'LPOP' : 'RPOP', key, String(popped)]);
    return [key, elements];
  }
  return undefined;
}

/** addListRangeReply's clamping: [start, end] within the list, or null for an empty range. */
export function clampRange(start: number, end: number, len: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  if (end >= len) end = len - 1;
  return [start, end];
}
