// TTL, PTTL, EXPIRETIME and PEXPIRETIME share one body: -2 for a missing key, -1 for a key without
// an expire, otherwise the remaining (or absolute) time; second replies round to the nearest second.
// Counterpart: ttlGenericCommand (expire.c).
import type { CommandContext } from '../../spec/context.js';
import { lookupReadNoTouch } from './key-access.js';

const I64_MAX = 9223372036854775807n;

export function ttlGeneric(ctx: CommandContext, key: string, ms: boolean, absolute: boolean): number | bigint {
  if (lookupReadNoTouch(ctx, key) === undefined) return -2;
  const expire = ctx.db.getExpire(key);
  if (expire === -1) return -1;
  let ttl = absolute ? expire : expire - ctx.now;
  if (ttl < 0) ttl = 0;
  const out = ms ? ttl : Math.floor((ttl + 500) / 1000);
  if (Number.isSafeInteger(out)) return out;
  // Only reachable for expire times beyond 2^53 ms, stored as doubles: keep the reply an int64.
  const big = BigInt(Math.floor(out));
  return big > I64_MAX ? I64_MAX : big;
}
