// Trimming shared by XADD and XTRIM: runs streamTrim, fires "xtrim", and for approximate trimming
// returns the argv to propagate with "~" turned into "=" and the threshold set to what was reached
// (the length for MAXLEN, the first entry's ID for MINID), so replicas and the AOF trim exactly the
// same entries. Counterpart: streamRewriteApproxSpecifier / streamRewriteTrimArgument (t_stream.c).
import type { StreamValue, TrimArgs } from '../../datatypes/stream.js';
import { formatId } from '../../datatypes/stream-id.js';
import type { CommandContext } from '../../spec/context.js';

/** Trims: the number of entries removed, and the argv to propagate when trimming was approximate. */
export function applyTrim(
  ctx: CommandContext, key: string, s: StreamValue, t: TrimArgs, argv: string[], argIndex: number,
): { deleted: number; rewritten: string[] | null } {
  const deleted = s.trim(t);
  if (deleted) ctx.notify('t', 'xtrim', key, ctx.db.id);
  if (!t.approx) return { deleted, rewritten: null };
  const out = argv.slice();
  out[argIndex - 1] = '=';
  out[argIndex] = t.strategy === 'maxlen' ? String(s.length) : formatId(s.edgeId(true, false));
  return { deleted, rewritten: out };
}
