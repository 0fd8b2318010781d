// The shared body of MSET and MSETNX. Counterpart: msetGenericCommand in Redis's t_string.c.
import { OK, type Reply } from '../../protocol/reply.js';
import { errArity } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';

export function msetGeneric(ctx: CommandContext, argv: string[], nx: boolean): Reply {
  if (argv.length % 2 === 0) return errArity(nx ? 'msetnx' : 'mset');
  const db = ctx.db;
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) if (db.lookupWrite(argv[j], ctx.now) !== undefined) return 0;
  }
  for (let j = 1; j < argv.length; j += 2) {
    // Like setKey's lookup: an expired old value is reported expired before being replaced.
    db.expireIfNeeded(argv[j], ctx.now);
    db.set(argv[j], argv[j + 1]);
    ctx.signalModifiedKey(db, argv[j]);
    ctx.notify('$', 'set', argv[j], db.id);
  }
  ctx.addDirty((argv.length - 1) / 2);
  return nx ? 1 : OK;
}
