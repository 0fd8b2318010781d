// PFCOUNT key [key ...] - Redis counterpart: pfcountCommand (hyperloglog.c). One key: the cached
// cardinality in the header, recomputed and written back when stale (a change for WATCH, dirty and
// propagation, but no keyspace event). Several keys: their union in a temporary 8-bit register set.
import { defineCommand } from '../../spec/define.js';
import type { MutableString } from '../../protocol/reply.js';
import {
  HLL_REGISTERS,
  cacheValid,
  hllCount,
  hllMerge,
  rawCount,
  readCachedCard,
  writeCachedCard,
} from '../../datatypes/hyperloglog.js';
import { bytesOf, checkHLL, ERR_INVALID_HLL, unshareHLL } from './hll-access.js';

export default defineCommand('pfcount', (ctx, argv) => {
  if (argv.length > 2) {
    const max = new Uint8Array(HLL_REGISTERS);
    for (let j = 1; j < argv.length; j++) {
      const v = ctx.db.lookupRead(argv[j], ctx.now);
      if (v === undefined) continue;
      const err = checkHLL(v);
      if (err) return err;
      if (!hllMerge(max, bytesOf(v as string | MutableString))) return ERR_INVALID_HLL;
    }
    return rawCount(max);
  }
  const key = argv[1];
  // A read lookup even though the cache may be written back: Redis counts the keyspace hit or miss.
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined) return 0;
  const err = checkHLL(v);
  if (err) return err;
  const m = unshareHLL(ctx, key, v as string | MutableString);
  const b = m.view();
  if (cacheValid(b)) return readCachedCard(b);
  const card = hllCount(b);
  if (card === null) return ERR_INVALID_HLL;
  writeCachedCard(b, card);
  ctx.signalModifiedKey(ctx.db, key);
  ctx.addDirty(1);
  return card;
});
