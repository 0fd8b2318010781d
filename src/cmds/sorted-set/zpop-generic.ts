// The pop core shared by ZPOPMIN/ZPOPMAX, ZMPOP and the blocking BZPOPMIN/BZPOPMAX/BZMPOP: finds the
// first existing key (stopping at a wrong type), pops up to `count` members from one end and shapes the
// reply as each caller needs. ZMPOP and the blocking forms propagate as ZPOPMIN/ZPOPMAX so a replica
// never depends on the other keys. Counterpart: genericZpopCommand (t_zset.c).
import { DoubleReply, ErrorReply, type Reply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import { optionName } from '../generic/args.js';
import { lookupZsetWrite } from './zset-access.js';
import { parseMpopArgs as parseMpopArgsGeneric } from '../generic/mpop-args.js';

export type ZWhere = 'min' | 'max';

/** getPositionFromObject for ZMPOP: MIN or MAX, any case. */
export function parseZWhere(arg: string): ZWhere | null {
  const w = optionName(arg);
  return w === 'min' || w === 'max' ? w : null;
}

export interface ZpopOptions {
  /** Put the key in the reply (the blocking forms and ZMPOP). */
  emitKey: boolean;
  /** Members as [member, score] pairs rather than a flat list. */
  nested: boolean;
  /** Argv to propagate instead of the command itself, given the key served; null keeps the command. */
  propagate: ((key: string) => string[]) | null;
}

/**
 * Pops from the first existing key among `keys`. count -1 means a single pop without COUNT. Returns
 * undefined when every key is missing (the caller answers or blocks), or the error for a wrong type.
 */
export function genericZpop(ctx: CommandContext, keys: readonly string[], where: ZWhere, count: number, opts: ZpopOptions): Reply | undefined {
  for (const key of keys) {
    const z = lookupZsetWrite(ctx, key);
    if (z === undefined) continue;
    if (z instanceof ErrorReply) return z;
    if (count === 0) return [];
    const n = Math.min(count === -1 ? 1 : count, z.size);
    const popped = where === 'min' ? z.removeRange(0, n - 1) : z.removeRange(z.size - n, z.size - 1).reverse();
    const db = ctx.db;
    ctx.notify('z', where === 'min' ? 'zpopmin' : 'zpopmax', key, db.id);
    if (z.size === 0) {
      db.delete(key);
      ctx.notify('g', 'del', key, db.id);
    }
    ctx.signalModifiedKey(db, key);
    ctx.addDirty(n);
    if (opts.propagate !== null) ctx.propagateAs(opts.propagate(key));
    const items: Reply[] = [];
    for (const [m, s] of popped) {
      if (opts.nested) items.push([m, new DoubleReply(s)]);
      else items.push(m, new DoubleReply(s));
    }
    if (!opts.emitKey) return items;
    return opts.nested ? [key, items] : [key, ...items];
  }
  return undefined;
}

/** ZMPOP/BZMPOP arguments from numkeysIdx on: numkeys key [key ...] MIN|MAX [COUNT count]. */
export function parseMpopArgs(argv: string[], numkeysIdx: number): { keys: string[]; where: ZWhere; count: number } | ErrorReply {
  return parseMpopArgsGeneric(argv, numkeysIdx, parseZWhere);
}

/** ZMPOP and BZMPOP propagate as ZPOPMIN/ZPOPMAX key count, with the count asked for. */
export function mpopOptions(where: ZWhere, count: number): ZpopOptions {
  const name = where === 'min' ? 'ZPOPMIN' : 'ZPOPMAX';
  return { emitKey: true, nested: true, propagate: (key) => [name, key, String(count)] };
}
