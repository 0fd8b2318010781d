// HSET key field value [field value ...] - sets fields, replying with how many were new.
// Redis counterpart: hsetCommand (t_hash.c), shared with HMSET (hmset.ts).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, OK, type Reply } from '../../protocol/reply.js';
import { errArity } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { hashTypeSet, lookupHashWriteOrCreate, tryConversion } from './hash-access.js';

/** The body of HSET and HMSET: the same write, notified as "hset"; only the reply differs. */
export function hsetGeneric(ctx: CommandContext, argv: string[], name: string, multiReply: boolean): Reply {
  // The table's arity admits an odd count; Redis checks the pairing itself, before the key lookup.
  if (argv.length % 2 === 1) return errArity(name);
  const key = argv[1];
  const h = lookupHashWriteOrCreate(ctx, key);
  if (h instanceof ErrorReply) return h;
  tryConversion(ctx, h, argv, 2, argv.length - 1);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (hashTypeSet(ctx, h, argv[i], argv[i + 1])) created++;
  const db = ctx.db;
  ctx.signalModifiedKey(db, key);
  ctx.notify('h', 'hset', key, db.id);
  ctx.addDirty((argv.length - 2) / 2);
  return multiReply ? OK : created;
}

export default defineCommand('hset', (ctx, argv) => hsetGeneric(ctx, argv, 'hset', false));
