// OBJECT FREQ key - the key's logarithmic access counter after decay; only tracked under an LFU policy.
// Redis counterpart: objectCommand "freq" / LFUDecrAndReturn (object.c, evict.c).
import { defineCommand } from '../../spec/define.js';
import { clockConfig, clockOf, isLfuPolicy, lookupReadNoTouch } from './key-access.js';
import { ERR_LFU_NOT_SELECTED } from './errors.js';

export default defineCommand('object|freq', (ctx, argv) => {
  if (lookupReadNoTouch(ctx, argv[2]) === undefined) return null;
  if (!isLfuPolicy(ctx)) return ERR_LFU_NOT_SELECTED;
  return clockOf(ctx.db, ctx.server.startTime).frequency(argv[2], ctx.now, clockConfig(ctx));
});
