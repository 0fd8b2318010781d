// Union, intersection and difference of sorted sets (plain sets count as members scored 1), shared by
// ZUNION/ZINTER/ZDIFF, their STORE forms and ZINTERCARD: argument parsing in Redis's order (numkeys, key
// types, then WEIGHTS / AGGREGATE / WITHSCORES / LIMIT), weighted scores where NaN becomes 0, and the
// result answered in score order or stored. Counterpart: zunionInterDiffGenericCommand (t_zset.c).
import { SetValue } from '../../datatypes/set.js';
import { ZsetValue } from '../../datatypes/zset.js';
import type { Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { optionName } from '../generic/args.js';
import { parseLong } from '../list/list-generic.js';
import { parseScore } from './zset-args.js';
import { entriesReply, storeZset, zsetFromEntries } from './zrange-generic.js';
import { ERR_LIMIT_NEGATIVE, ERR_WEIGHT_FLOAT, errAtLeastOneKey } from './errors.js';

export type SetOp = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

interface Source {
  value: ZsetValue | SetValue | null;
  weight: number;
}

function sourceSize(s: Source): number {
  return s.value === null ? 0 : s.value.size;
}

function sourceScore(s: Source, member: string): number | undefined {
  const v = s.value;
  if (v === null) return undefined;
  if (v instanceof ZsetValue) return v.score(member);
  return v.has(member) ? 1 : undefined;
}

function forEachEntry(s: Source, visit: (member: string, score: number) => void): void {
  const v = s.value;
  if (v === null) return;
  if (v instanceof ZsetValue) v.forEach(visit);
  else v.forEach((m) => visit(m, 1));
}

/** zunionInterAggregate: a sum that gives NaN (inf + -inf) becomes 0. */
function aggregate(acc: number, value: number, how: Aggregate): number {
  if (how === 'sum') {
    const r = acc + value;
    return Number.isNaN(r) ? 0 : r;
  }
  if (how === 'min') return value < acc ? value : acc;
  return value > acc ? value : acc;
}

/**
 * numkeysIdx is where numkeys sits; dstkey is set for the STORE forms; cardinalityOnly for ZINTERCARD.
 * `command` names the command in the "at least 1 input key" error.
 */
export function zsetOpGeneric(
  ctx: CommandContext,
  argv: string[],
  numkeysIdx: number,
  dstkey: string | null,
  op: SetOp,
  cardinalityOnly = false,
): Reply {
  const setnum = parseLong(argv[numkeysIdx]);
  if (setnum === null) return ERR_NOT_INTEGER;
  if (setnum < 1) return errAtLeastOneKey(argv[0].toLowerCase());
  if (setnum > argv.length - (numkeysIdx + 1)) return ERR_SYNTAX;
  const srcs: Source[] = new Array(setnum);
  let j = numkeysIdx + 1;
  for (let i = 0; i < setnum; i++, j++) {
    const v = dstkey !== null ? ctx.db.lookupWrite(argv[j], ctx.now) : ctx.db.lookupRead(argv[j], ctx.now);
    if (v !== undefined && !(v instanceof ZsetValue) && !(v instanceof SetValue)) return ERR_WRONGTYPE;
    srcs[i] = { value: (v as ZsetValue | SetValue | undefined) ?? null, weight: 1 };
  }
  let how: Aggregate = 'sum';
  let withscores = false;
  let limit = 0;
  while (j < argv.length) {
    const remaining = argv.length - j;
    const opt = optionName(argv[j]);
    if (op !== 'diff' && !cardinalityOnly && remaining >= setnum + 1 && opt === 'weights') {
      j++;
      for (let i = 0; i < setnum; i++, j++) {
        const w = parseScore(argv[j]);
        if (w === null) return ERR_WEIGHT_FLOAT;
        srcs[i].weight = w;
      }
    } else if (op !== 'diff' && !cardinalityOnly && remaining >= 2 && opt === 'aggregate') {
      const a = optionName(argv[j + 1]);
      if (a !== 'sum' && a !== 'min' && a !== 'max') return ERR_SYNTAX;
      how = a;
      j += 2;
    } else if (dstkey === null && !cardinalityOnly && opt === 'withscores') {
      withscores = true;
      j++;
    } else if (cardinalityOnly && remaining >= 2 && opt === 'limit') {
      const l = parseLong(argv[j + 1]);
      if (l === null || l < 0) return ERR_LIMIT_NEGATIVE;
      limit = l;
      j += 2;
    } else {
      return ERR_SYNTAX;
    }
  }
  if (op !== 'diff') srcs.sort((a, b) => sourceSize(a) - sourceSize(b));

  const result = new Map<string, number>();
  let cardinality = 0;
  if (op === 'inter') {
    const first = srcs[0];
    if (sourceSize(first) > 0) {
      const entries: Array<[string, number]> = [];
      forEachEntry(first, (m, s) => entries.push([m, s]));
      for (const [m, s0] of entries) {
        let score = first.weight * s0;
        if (Number.isNaN(score)) score = 0;
        let k = 1;
        for (; k < setnum; k++) {
          const v = srcs[k].value === first.value ? s0 : sourceScore(srcs[k], m);
          if (v === undefined) break;
          score = aggregate(score, v * srcs[k].weight, how);
        }
        if (k !== setnum) continue;
        if (cardinalityOnly) {
          cardinality++;
          if (limit !== 0 && cardinality >= limit) break;
        } else {
          result.set(m, score);
        }
      }
    }
  } else if (op === 'union') {
    for (const src of srcs) {
      forEachEntry(src, (m, s) => {
        let score = src.weight * s;
        if (Number.isNaN(score)) score = 0;
        const cur = result.get(m);
        result.set(m, cur === undefined ? score : aggregate(cur, score, how));
      });
    }
  } else {
    const first = srcs[0];
    forEachEntry(first, (m, s) => {
      for (let k = 1; k < setnum; k++) {
        if (srcs[k].value === first.value || sourceScore(srcs[k], m) !== undefined) return;
      }
      result.set(m, s);
    });
  }
  if (cardinalityOnly) return cardinality;
  const z = zsetFromEntries(ctx, result.entries(), dstkey === null);
  if (dstkey !== null) return storeZset(ctx, dstkey, z, `z${op}store`);
  return entriesReply(ctx, z.range(0, z.size - 1), withscores);
}
