// Looking sorted sets up and creating them with Redis's encoding rules; the limits come from the live
// configuration at each write. Counterpart: checkType/lookupKey*OrReply uses and zsetTypeCreate in t_zset.c.
import { ZsetValue, type ZsetLimits } from '../../datatypes/zset.js';
import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext, ConfigApi } from '../../spec/context.js';

const readZsetLimits = (config: ConfigApi): ZsetLimits =>
  Object.freeze({
    listpackEntries: config.getNumber('zset-max-listpack-entries'),
    listpackValue: config.getNumber('zset-max-listpack-value'),
  });

/** The zset-max-* limits (one shared object until the configuration changes). */
export function zsetLimits(ctx: CommandContext): ZsetLimits {
  return ctx.server.config.derive(readZsetLimits);
}

/** lookupKeyRead + checkType: the sorted set, undefined when missing, or WRONGTYPE. */
export function lookupZsetRead(ctx: CommandContext, key: string): ZsetValue | undefined | ErrorReply {
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof ZsetValue ? v : ERR_WRONGTYPE;
}

/** lookupKeyWrite + checkType. */
export function lookupZsetWrite(ctx: CommandContext, key: string): ZsetValue | undefined | ErrorReply {
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof ZsetValue ? v : ERR_WRONGTYPE;
}
