// PFMERGE destkey [sourcekey ...] - Redis counterpart: pfmergeCommand (hyperloglog.c). The
// destination takes part in the union; it becomes dense when any input is dense, otherwise its
// registers are raised one by one in the sparse form (which may still promote it).
import { defineCommand } from '../../spec/define.js';
import { MutableString, OK } from '../../protocol/reply.js';
import {
  HLL_DENSE,
  HLL_HDR_SIZE,
  HLL_REGISTERS,
  createHLL,
  denseGet,
  denseSet,
  hllMerge,
  invalidateCache,
  sparseSet,
  sparseToDense,
} from '../../datatypes/hyperloglog.js';
import { bytesOf, checkHLL, ERR_INVALID_HLL, sparseMaxBytes, unshareHLL } from './hll-access.js';

export default defineCommand('pfmerge', (ctx, argv) => {
  const max = new Uint8Array(HLL_REGISTERS);
  let useDense = false;
  for (let j = 1; j < argv.length; j++) {
    const v = ctx.db.lookupRead(argv[j], ctx.now);
    if (v === undefined) continue;
    const err = checkHLL(v);
    if (err) return err;
    const b = bytesOf(v as string | MutableString);
    if (b[4] === HLL_DENSE) useDense = true;
    if (!hllMerge(max, b)) return ERR_INVALID_HLL;
  }
  const key = argv[1];
  const v = ctx.db.lookupWrite(key, ctx.now);
  let m: MutableString;
  if (v === undefined) {
    m = createHLL();
    ctx.db.add(key, m);
  } else {
    m = unshareHLL(ctx, key, v as string | MutableString);
  }
  if (useDense && !sparseToDense(m)) return ERR_INVALID_HLL;
  const sparseMax = sparseMaxBytes(ctx);
  for (let r = 0; r < HLL_REGISTERS; r++) {
    if (max[r] === 0) continue;
    if (m.buf[4] === HLL_DENSE) {
      if (max[r] > denseGet(m.buf, HLL_HDR_SIZE, r)) denseSet(m.buf, HLL_HDR_SIZE, r, max[r]);
    } else {
      sparseSet(m, r, max[r], sparseMax);
    }
  }
  invalidateCache(m.buf);
  ctx.signalModifiedKey(ctx.db, key);
  ctx.notify('$', 'pfadd', key, ctx.db.id);
  ctx.addDirty(1);
  return OK;
});
