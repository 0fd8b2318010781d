// Looking hashes up and writing them with Redis's encoding rules. Counterpart: hashTypeLookupWriteOrCreate,
// hashTypeTryConversion and hashTypeSet in Redis's t_hash.c.
import { HashValue } from '../../datatypes/hash.js';
import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext, ConfigApi } from '../../spec/context.js';

interface HashLimits {
  readonly entries: number;
  readonly value: number;
}

const readHashLimits = (config: ConfigApi): HashLimits =>
  Object.freeze({
    entries: config.getNumber('hash-max-listpack-entries'),
    value: config.getNumber('hash-max-listpack-value'),
  });

/** The hash-max-listpack-* limits (one shared object until the configuration changes). */
function hashLimits(ctx: CommandContext): HashLimits {
  return ctx.server.config.derive(readHashLimits);
}

/** lookupKeyRead + checkType: the hash, undefined when missing, or WRONGTYPE. */
export function lookupHashRead(ctx: CommandContext, key: string): HashValue | undefined | ErrorReply {
  const v = ctx.db.lookupRead(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof HashValue ? v : ERR_WRONGTYPE;
}

/** lookupKeyWrite + checkType. */
export function lookupHashWrite(ctx: CommandContext, key: string): HashValue | undefined | ErrorReply {
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined) return undefined;
  return v instanceof HashValue ? v : ERR_WRONGTYPE;
}

/** hashTypeLookupWriteOrCreate: a missing key gets an empty hash at once, as in Redis. */
export function lookupHashWriteOrCreate(ctx: CommandContext, key: string): HashValue | ErrorReply {
  const v = ctx.db.lookupWrite(key, ctx.now);
  if (v === undefined) {
    const h = new HashValue();
    ctx.db.add(key, h);
    return h;
  }
  return v instanceof HashValue ? v : ERR_WRONGTYPE;
}

/**
 * hashTypeTryConversion: before a write, any field or value of argv[start..end] longer than
 * hash-max-listpack-value turns a listpack hash into a hashtable, whether or not the write happens.
 */
export function tryConversion(ctx: CommandContext, h: HashValue, argv: string[], start: number, end: number): void {
  if (!h.isListpack) return;
  const max = hashLimits(ctx).value;
  for (let i = start; i <= end; i++) {
    if (argv[i].length > max) {
      h.convert();
      return;
    }
  }
}

/**
 * hashTypeSet: sets one pair, converting first when the pair is too long for a listpack (the
 * HINCRBY* path) and after when the hash has grown past hash-max-listpack-entries. True when new.
 */
export function hashTypeSet(ctx: CommandContext, h: HashValue, field: string, value: string): boolean {
  const limits = hashLimits(ctx);
  if (h.isListpack && (field.length > limits.value || value.length > limits.value)) h.convert();
  const created = h.set(field, value);
  if (created && h.isListpack && h.size > limits.entries) h.convert();
  return created;
}
