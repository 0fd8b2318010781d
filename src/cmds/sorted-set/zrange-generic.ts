// The engine behind ZRANGE, ZRANGESTORE and the legacy ZREVRANGE / Z[REV]RANGEBYSCORE / Z[REV]RANGEBYLEX
// forms: option parsing with Redis's precedence, the rank / score / lex range walks (with LIMIT), and the
// result either answered (members, or members with scores: flat in RESP2, [member, score] pairs in RESP3)
// or stored. Counterpart: zrangeGenericCommand and its result handlers (t_zset.c).
import { ZsetValue } from '../../datatypes/zset.js';
import { DoubleReply, ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { optionName } from '../generic/args.js';
import { parseLong } from '../list/list-generic.js';
import { ERR_LIMIT_RANK, ERR_MIN_MAX_FLOAT, ERR_MIN_MAX_LEX, ERR_WITHSCORES_LEX } from './errors.js';
import { clampRankRange, lexLimitRanks, lexRangeRanks, parseLexRange, parseScoreRange, scoreRangeRanks, type LexRange } from './zset-args.js';
import { lookupZsetRead, zsetLimits } from './zset-access.js';

export type RangeType = 'auto' | 'rank' | 'score' | 'lex';
export type Direction = 'auto' | 'forward' | 'reverse';

/** Members, or members with scores in the reply shape of the client's protocol. */
export function entriesReply(ctx: CommandContext, entries: Array<[string, number]>, withscores: boolean): Reply {
  if (!withscores) return entries.map((e) => e[0]);
  if (ctx.resp === 3) return entries.map((e) => [e[0], new DoubleReply(e[1])]);
  const out: Reply[] = new Array(entries.length * 2);
  for (let i = 0; i < entries.length; i++) {
    out[2 * i] = entries[i][0];
    out[2 * i + 1] = new DoubleReply(entries[i][1]);
  }
  return out;
}

/** Stores a computed sorted set: a non-empty one replaces the key, an empty one deletes it. */
export function storeZset(ctx: CommandContext, dstkey: string, result: ZsetValue, event: string): number {
  const db = ctx.db;
  if (result.size > 0) {
    db.lookupWrite(dstkey, ctx.now);
    db.set(dstkey, result);
    ctx.signalModifiedKey(db, dstkey);
    ctx.notify('z', event, dstkey, db.id);
    ctx.addDirty(1);
    return result.size;
  }
  if (db.delete(dstkey)) {
    ctx.signalModifiedKey(db, dstkey);
    ctx.notify('g', 'del', dstkey, db.id);
    ctx.addDirty(1);
  }
  return 0;
}

/**
 * Builds a value from sorted entries with the encoding zsetConvertToListpackIfNeeded would pick, or, for
 * a result that is only replied (`replyOnly`), as the skiplist Redis replies from: its -0 scores show.
 */
export function zsetFromEntries(ctx: CommandContext, entries: Iterable<[string, number]>, replyOnly = false): ZsetValue {
  const limits = zsetLimits(ctx);
  const list = Array.isArray(entries) ? (entries as Array<[string, number]>) : Array.from(entries);
  let maxLen = 0;
  for (const e of list) if (e[0].length > maxLen) maxLen = e[0].length;
  const z = ZsetValue.create(list.length, maxLen, limits);
  if (replyOnly) z.convertToSkiplist();
  for (const [m, s] of list) z.set(m, s, null);
  return z;
}

/**
 * ZRANGESTORE's destination as Redis fills it: created for the range's length when that is known (a rank
 * range, else 0), then added to one member at a time. It converts to a skiplist where a limit is passed,
 * the same encoding in the end as zsetFromEntries picks, but a -0 score added while it was still a
 * listpack was stored as 0 (ZsetValue.set).
 */
function zsetFilledFrom(ctx: CommandContext, entries: Array<[string, number]>, lengthHint: number): ZsetValue {
  const limits = zsetLimits(ctx);
  const z = ZsetValue.create(lengthHint, 0, limits);
  for (let i = 0; i < entries.length; i++) z.set(entries[i][0], entries[i][1], limits);
  return z;
}

/**
 * zrangeGenericCommand. argv[argcStart] is the source key, followed by min and max; dstkey is set for
 * ZRANGESTORE. The legacy commands fix the range type and direction, which then cannot be given as options.
 */
export function zrangeGeneric(
  ctx: CommandContext,
  argv: string[],
  argcStart: number,
  dstkey: string | null,
  rangeType: RangeType,
  direction: Direction,
): Reply {
  const key = argv[argcStart];
  let minIdx = argcStart + 1;
  let maxIdx = argcStart + 2;
  let withscores = false;
  let offset = 0;
  let limit = -1;
  for (let j = argcStart + 3; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const opt = optionName(argv[j]);
    if (dstkey === null && opt === 'withscores') withscores = true;
    else if (opt === 'limit' && left >= 2) {
      const o = parseLong(argv[j + 1]);
      if (o === null) return ERR_NOT_INTEGER;
      const l = parseLong(argv[j + 2]);
      if (l === null) return ERR_NOT_INTEGER;
      offset = o;
      limit = l;
      j += 2;
    } else if (direction === 'auto' && opt === 'rev') direction = 'reverse';
    else if (rangeType === 'auto' && opt === 'bylex') rangeType = 'lex';
    else if (rangeType === 'auto' && opt === 'byscore') rangeType = 'score';
    else return ERR_SYNTAX;
  }
  if (direction === 'auto') direction = 'forward';
  if (rangeType === 'auto') rangeType = 'rank';
  // Redis tests the count against its default, so an explicit "LIMIT x -1" passes this check.
  if (limit !== -1 && rangeType === 'rank') return ERR_LIMIT_RANK;
  if (withscores && rangeType === 'lex') return ERR_WITHSCORES_LEX;
  const reverse = direction === 'reverse';
  if (reverse && rangeType !== 'rank') [minIdx, maxIdx] = [maxIdx, minIdx];

  let selectRanks: (z: ZsetValue) => [number, number, boolean] | null;
  let lexRange: LexRange | null = null;
  if (rangeType === 'rank') {
    const start = parseLong(argv[minIdx]);
    if (start === null) return ERR_NOT_INTEGER;
    const end = parseLong(argv[maxIdx]);
    if (end === null) return ERR_NOT_INTEGER;
    selectRanks = (z) => {
      const r = clampRankRange(start, end, z.size);
      return r === null ? null : [r[0], r[1] + 1, false];
    };
  } else if (rangeType === 'score') {
    const range = parseScoreRange(argv[minIdx], argv[maxIdx]);
    if (range === null) return ERR_MIN_MAX_FLOAT;
    selectRanks = (z) => [...scoreRangeRanks(z, range), true];
  } else {
    const range = parseLexRange(argv[minIdx], argv[maxIdx]);
    if (range === null) return ERR_MIN_MAX_LEX;
    lexRange = range;
    selectRanks = (z) => [...lexRangeRanks(z, range, reverse ? 'reverse' : 'forward'), true];
  }

  const z = lookupZsetRead(ctx, key);
  if (z instanceof ErrorReply) return z;
  let entries: Array<[string, number]> = [];
  if (z !== undefined) {
    const sel = selectRanks(z);
    if (sel !== null) {
      let [lo, hi] = sel;
      const limited = sel[2];
      if (limited) {
        // A negative offset yields nothing; a negative count means no limit.
        if (offset < 0) hi = lo;
        if (lexRange !== null && offset > 0 && lo < hi) {
          // Redis skips a lex range's offset blindly (with mixed scores that is not within [lo, hi)).
          [lo, hi] = lexLimitRanks(z, lexRange, lo, hi, offset, limit, reverse);
        } else {
          const len = hi - lo;
          const skip = Math.min(offset < 0 ? 0 : offset, len);
          const take = limit < 0 ? len - skip : Math.min(limit, len - skip);
          if (reverse) {
            hi -= skip;
            lo = hi - take;
          } else {
            lo += skip;
            hi = lo + take;
          }
        }
        if (lo < hi) entries = reverse ? z.range(hi - 1, lo, true) : z.range(lo, hi - 1);
      } else if (reverse) {
        // A reversed rank range counts from the top.
        const n = z.size;
        entries = z.range(n - 1 - (lo), n - 1 - (hi - 1), true);
      } else {
        entries = z.range(lo, hi - 1);
      }
    }
  }
  if (dstkey !== null) {
    const hint = rangeType === 'rank' ? entries.length : 0;
    return storeZset(ctx, dstkey, zsetFilledFrom(ctx, entries, hint), 'zrangestore');
  }
  return entriesReply(ctx, entries, withscores);
}
