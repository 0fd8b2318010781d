// HRANDFIELD key [count [WITHVALUES]] - random fields. A positive count gives distinct fields (the whole
// hash when count >= its size), a negative count -n gives n independent picks. On a large hash every
// path costs O(count): picks read the hash's dense pair array, and distinct picks run a Fisher-Yates
// shuffle whose moved slots live in a side map, so the hash itself is never copied or scanned. A small
// (listpack) hash answers distinct picks in its own order, one pass over it, as Redis's
// lpRandomPairsUnique does.
// WITHVALUES pairs are two-element arrays in RESP3 and flat in RESP2.
// Redis counterpart: hrandfieldCommand / hrandfieldWithCountCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';
import { optionName } from '../generic/args.js';
import { ERR_COUNT_RANGE, ERR_OUT_OF_RANGE_SHORT } from './errors.js';
import { lookupHashRead } from './hash-access.js';

const LONG_MAX = 9223372036854775807n;
/**
 * Redis streams a negative count's reply for as long as it takes; a reply here is built whole in
 * memory first, so larger repeat counts are refused as out of range instead of exhausting the heap.
 */
const MAX_REPEATED = 1 << 27;

export default defineCommand('hrandfield', (ctx, argv) => {
  if (argv.length >= 3) {
    const l = parseI64(argv[2]);
    if (l === null) return ERR_NOT_INTEGER;
    if (l < -LONG_MAX) return ERR_COUNT_RANGE;
    let withValues = false;
    if (argv.length > 4 || (argv.length === 4 && optionName(argv[3]) !== 'withvalues')) return ERR_SYNTAX;
    if (argv.length === 4) {
      withValues = true;
      if (l < -LONG_MAX / 2n || l > LONG_MAX / 2n) return ERR_OUT_OF_RANGE_SHORT;
    }
    return withCount(ctx, argv[1], l, withValues);
  }
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return null;
  if (h instanceof ErrorReply) return h;
  return h.fieldAt(h.randomPosition());
});

function withCount(ctx: CommandContext, key: string, l: bigint, withValues: boolean): Reply {
  const h = lookupHashRead(ctx, key);
  if (h === undefined) return [];
  if (h instanceof ErrorReply) return h;
  if (l === 0n) return [];
  const size = h.size;
  const out: Reply[] = [];
  const nested = withValues && ctx.resp === 3;
  const add = (f: string, v: string): void => {
    if (nested) out.push([f, v]);
    else if (withValues) out.push(f, v);
    else out.push(f);
  };

  if (l < 0n || l === 1n) {
    const magnitude = l < 0n ? -l : l;
    if (magnitude > BigInt(MAX_REPEATED)) return ERR_OUT_OF_RANGE_SHORT;
    for (let n = Number(magnitude); n > 0; n--) {
      const p = h.randomPosition();
      add(h.fieldAt(p), h.valueAt(p));
    }
    return out;
  }
  if (l >= BigInt(size)) {
    h.forEach(add);
    return out;
  }
  const count = Number(l);
  if (h.isListpack) {
    // Selection sampling over the (small) hash: each pair is taken with probability need/left.
    let need = count;
    let left = size;
    h.forEach((f, v) => {
      if (need > 0 && Math.random() * left < need) {
        add(f, v);
        need--;
      }
      left--;
    });
    return out;
  }
  // A partial Fisher-Yates shuffle of positions 0..size-1, with the displaced slots in a side map.
  const moved = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(Math.random() * (size - i));
    const atJ = moved.get(j) ?? j;
    moved.set(j, moved.get(i) ?? i);
    add(h.fieldAt(atJ), h.valueAt(atJ));
  }
  return out;
}
