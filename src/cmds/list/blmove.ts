// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout and BRPOPLPUSH source destination timeout:
// LMOVE, or wait for the source to get an element. Served moves propagate as LMOVE / RPOPLPUSH.
// Redis counterpart: blmoveGenericCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import type { CommandContext } from '../../spec/context.js';
import type { ExecuteResult } from '../../spec/types.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { NullArray } from '../../protocol/reply.js';
import { lmoveGeneric } from './move-generic.js';
import { parseWhere, type Where } from './list-generic.js';
import { blockOn, parseTimeout } from './blocking-generic.js';

function blmoveGeneric(ctx: CommandContext, src: string, dst: string, from: Where, to: Where, timeoutArg: string, served: string[]): ExecuteResult {
  const timeoutAt = parseTimeout(ctx, timeoutArg);
  if (typeof timeoutAt !== 'number') return timeoutAt;
  const attempt = (c: CommandContext) => {
    const r = lmoveGeneric(c, src, dst, from, to);
    if (r === null) return undefined;
    c.propagateAs(served);
    return r;
  };
  const now = attempt(ctx);
  if (now !== undefined) return now;
  return blockOn([src], timeoutAt, NullArray.instance, attempt);
}

export const blmove = defineCommand('blmove', (ctx, argv) => {
  const from = parseWhere(argv[3]);
  const to = parseWhere(argv[4]);
  if (from === null || to === null) return ERR_SYNTAX;
  return blmoveGeneric(ctx, argv[1], argv[2], from, to, argv[5], ['LMOVE', argv[1], argv[2], from.toUpperCase(), to.toUpperCase()]);
});

export const brpoplpush = defineCommand('brpoplpush', (ctx, argv) =>
  blmoveGeneric(ctx, argv[1], argv[2], 'right', 'left', argv[3], ['RPOPLPUSH', argv[1], argv[2]]),
);
