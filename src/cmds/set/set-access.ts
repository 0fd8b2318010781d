// Looking sets up and creating them with Redis's encoding rules; the limits come from the live
// configuration at each write. Counterpart: checkType/lookupKey*OrReply uses and setTypeCreate in t_set.c.
import { SetValue, type SetLimits } from '../../datatypes/set.js';
import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext, ConfigApi } from '../../spec/context.js';

const readSetLimits = (config: ConfigApi): SetLimits =>
  Object.freeze({
    intsetEntries: config.getNumber('set-max-intset-entries'),
    listpackEntries: config.getNumber('set-max-listpack-entries'),
    listpackValue: config.getNumber('set-max-listpack-value'),
  });

/** The set-max-* limits (one shared object until the configuration changes). */
export function setLimits(ctx: CommandContext): SetLimits {
  return ctx.server.config.derive(readSetLimits);
}

/** lookupKeyRead + checkType: the set, undefined when missing, or WRONGTYPE. */
export function lookupSetRead(ctx: CommandContext, key: string): SetValue | undefined | ErrorReply {
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof SetValue ? v : ERR_WRONGTYPE;
}

/** lookupKeyWrite + checkType. */
export function lookupSetWrite(ctx: CommandContext, key: string): SetValue | undefined | ErrorReply {
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof SetValue ? v : ERR_WRONGTYPE;
}
