// PFADD key [element ...] - Redis counterpart: pfaddCommand (hyperloglog.c). Creating the key counts
// as a change even without elements; dirty grows by the number of changes, like Redis.
import { defineCommand } from '../../spec/define.js';
import { MutableString } from '../../protocol/reply.js';
import { createHLL, hllAdd, invalidateCache } from '../../datatypes/hyperloglog.js';
import { checkHLL, ERR_INVALID_HLL, sparseMaxBytes, unshareHLL } from './hll-access.js';

export default defineCommand('pfadd', (ctx, argv) => {
  const key = argv[1];
  const v = ctx.db.lookupWrite(key, ctx.now);
  let m: MutableString;
  let updated = 0;
  if (v === undefined) {
    m = createHLL();
    ctx.db.add(key, m);
    updated++;
  } else {
    const err = checkHLL(v);
    if (err) return err;
    m = unshareHLL(ctx, key, v as string | MutableString);
  }
  const max = sparseMaxBytes(ctx);
  for (let j = 2; j < argv.length; j++) {
    const r = hllAdd(m, argv[j], max);
    if (r === 1) updated++;
    else if (r === -1) return ERR_INVALID_HLL;
  }
  if (updated) {
    ctx.signalModifiedKey(ctx.db, key);
    ctx.notify('$', 'pfadd', key, ctx.db.id);
    ctx.addDirty(updated);
    invalidateCache(m.buf);
  }
  return updated ? 1 : 0;
});
