// OBJECT IDLETIME key - seconds since the key was last read or written (see access-clock.ts for how
// closely this follows Redis). Refused under an LFU policy, where the clock holds frequencies.
// Redis counterpart: objectCommand "idletime" / estimateObjectIdleTime (object.c).
import { defineCommand } from '../../spec/define.js';
import { clockOf, isLfuPolicy, lookupReadNoTouch } from './key-access.js';
import { ERR_LFU_SELECTED } from './errors.js';

export default defineCommand('object|idletime', (ctx, argv) => {
  if (lookupReadNoTouch(ctx, argv[2]) === undefined) return null;
  if (isLfuPolicy(ctx)) return ERR_LFU_SELECTED;
  return clockOf(ctx.db, ctx.server.startTime).idleSeconds(argv[2], ctx.now);
});
