// The body of HGETALL, HKEYS and HVALS: one pass in iteration order (insertion order, as a listpack
// keeps it). Pairs are a map in RESP3; keys or values alone a flat array.
// Redis counterpart: genericHgetallCommand (t_hash.c).
import { ErrorReply, MapReply, type Reply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import { lookupHashRead } from './hash-access.js';

export function hgetallGeneric(ctx: CommandContext, key: string, keys: boolean, values: boolean): Reply {
  const h = lookupHashRead(ctx, key);
  if (h instanceof ErrorReply) return h;
  const out: Reply[] = [];
  if (h !== undefined) {
    if (keys && values) {
      h.forEach((f, v) => {
        out.push(f, v);
      });
    } else if (keys) {
      h.forEach((f) => {
        out.push(f);
      });
    } else {
      h.forEach((_f, v) => {
        out.push(v);
      });
    }
  }
  return keys && values ? new MapReply(out) : out;
}
