// SRANDMEMBER key [count] - random members without removing them: a positive count gives distinct
// members (the whole set when it is no larger), a negative count allows repeats. Read-only.
// Redis counterpart: srandmemberCommand and srandmemberWithCountCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';
import { lookupSetRead } from './set-access.js';
import { ERR_SRANDMEMBER_RANGE } from './errors.js';

const LONG_MAX = 9223372036854775807n;
/** The longest JS array: a larger repeated sample cannot be built (Redis would run out of memory trying). */
const MAX_REPLY = 2 ** 32 - 1;

export default defineCommand('srandmember', (ctx, argv) => {
  if (argv.length === 3) return srandmemberWithCount(ctx, argv);
  if (argv.length > 3) return ERR_SYNTAX;
  const set = lookupSetRead(ctx, argv[1]);
  if (set === undefined) return null;
  if (set instanceof ErrorReply) return set;
  return set.random();
});

function srandmemberWithCount(ctx: CommandContext, argv: string[]): Reply {
  const l = parseI64(argv[2]);
  if (l === null) return ERR_NOT_INTEGER;
  if (l < -LONG_MAX) return ERR_SRANDMEMBER_RANGE;
  const unique = l >= 0n;
  const count = unique ? l : -l;
  const set = lookupSetRead(ctx, argv[1]);
  if (set === undefined) return [];
  if (set instanceof ErrorReply) return set;
  if (count === 0n) return [];

  if (!unique || count === 1n) {
    if (count > BigInt(MAX_REPLY)) return ERR_SRANDMEMBER_RANGE;
    const n = Number(count);
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = set.random();
    return out;
  }
  if (count >= BigInt(set.size)) return set.members();
  return set.sampleDistinct(Number(count));
}
