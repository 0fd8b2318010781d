// ZRANDMEMBER key [count [WITHSCORES]] - random members without removing them: a positive count gives
// distinct members (the whole set, highest first, when it is no larger), a negative count allows repeats.
// Picks are random ranks, O(log N) each. Redis counterpart: zrandmemberCommand and
// zrandmemberWithCountCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import type { ZsetValue } from '../../datatypes/zset.js';
import { parseI64 } from '../../util/number.js';
import { optionName } from '../generic/args.js';
import { lookupZsetRead } from './zset-access.js';
import { entriesReply } from './zrange-generic.js';
import { ERR_RANDMEMBER_RANGE, ERR_VALUE_RANGE } from './errors.js';

const LONG_MAX = 9223372036854775807n;
/** The longest JS array: a larger repeated sample cannot be built (Redis would run out of memory trying). */
const MAX_REPLY = 2 ** 32 - 1;

export default defineCommand('zrandmember', (ctx, argv) => {
  if (argv.length >= 3) return zrandmemberWithCount(ctx, argv);
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return null;
  if (z instanceof ErrorReply) return z;
  return z.at(Math.floor(Math.random() * z.size))[0];
});

function zrandmemberWithCount(ctx: CommandContext, argv: string[]): Reply {
  const l = parseI64(argv[2]);
  if (l === null) return ERR_NOT_INTEGER;
  if (l < -LONG_MAX) return ERR_RANDMEMBER_RANGE;
  let withscores = false;
  if (argv.length > 4 || (argv.length === 4 && optionName(argv[3]) !== 'withscores')) return ERR_SYNTAX;
  if (argv.length === 4) {
    withscores = true;
    if (l < -LONG_MAX / 2n || l > LONG_MAX / 2n) return ERR_VALUE_RANGE;
  }
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return [];
  if (z instanceof ErrorReply) return z;
  const unique = l >= 0n;
  const count = unique ? l : -l;
  if (count === 0n) return [];
  const size = z.size;
  if (!unique || count === 1n) {
    if (count > BigInt(MAX_REPLY)) return ERR_RANDMEMBER_RANGE;
    const n = Number(count);
    const picks: Array<[string, number]> = new Array(n);
    for (let i = 0; i < n; i++) picks[i] = z.at(Math.floor(Math.random() * size));
    return entriesReply(ctx, picks, withscores);
  }
  // Redis answers the whole set through its reverse range walk: highest score first.
  if (count >= BigInt(size)) return entriesReply(ctx, z.range(size - 1, 0, true), withscores);
  return entriesReply(ctx, sampleDistinct(z, Number(count)), withscores);
}

/** `count` distinct entries, 0 < count < size: distinct random ranks, by rejection or a partial shuffle. */
function sampleDistinct(z: ZsetValue, count: number): Array<[string, number]> {
  const size = z.size;
  const out: Array<[string, number]> = [];
  if (count * 3 > size) {
    const ranks = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(Math.random() * (size - i));
      const t = ranks[j];
      ranks[j] = ranks[i];
      ranks[i] = t;
      out.push(z.at(t));
    }
    return out;
  }
  const picked = new Set<number>();
  while (out.length < count) {
    const r = Math.floor(Math.random() * size);
    if (picked.has(r)) continue;
    picked.add(r);
    out.push(z.at(r));
  }
  return out;
}
