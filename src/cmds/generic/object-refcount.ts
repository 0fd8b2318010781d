// OBJECT REFCOUNT key - Redis's reference count of the value. Values are never shared here, so the
// count is 1, except where Redis would store one of its shared integer objects (0..9999, only while
// maxmemory is unset or the policy is neither LRU nor LFU), which report INT_MAX.
// Redis counterpart: objectCommand "refcount" and the OBJ_SHARED_INTEGERS rule (object.c).
import { defineCommand } from '../../spec/define.js';
import { isSharedIntegerText } from '../../keyspace/value.js';
import { lookupReadNoTouch } from './key-access.js';

const SHARED_REFCOUNT = 2147483647;

export default defineCommand('object|refcount', (ctx, argv) => {
  const v = lookupReadNoTouch(ctx, argv[2]);
  if (v === undefined) return null;
  // A MutableString is never shared, including COPY's private duplicate of a shared integer.
  if (typeof v !== 'string' || !isSharedIntegerText(v)) return 1;
  const policy = ctx.server.config.get('maxmemory-policy') ?? '';
  const noShared = ctx.server.config.getNumber('maxmemory') !== 0 && (policy.endsWith('-lru') || policy.endsWith('-lfu'));
  return noShared ? 1 : SHARED_REFCOUNT;
});
