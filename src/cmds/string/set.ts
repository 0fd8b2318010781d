// SET key value [NX|XX] [GET] [EX|PX|EXAT|PXAT time|KEEPTTL] - Redis counterpart: setCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { parseStringArgs } from './expire-args.js';
import { setGeneric } from './set-generic.js';

export default defineCommand('set', (ctx, argv) => {
  if (argv.length === 3) {
    // The plain form is most of the traffic: skip option parsing and the generic path's checks.
    const db = ctx.db;
    const key = argv[1];
    // Like setKey's lookup: an expired old value is reported expired before being replaced.
    db.expireIfNeeded(key, ctx.now);
    db.set(key, argv[2]);
    ctx.signalModifiedKey(db, key);
    ctx.addDirty(1);
    ctx.notify('$', 'set', key, db.id);
    return OK;
  }
  const args = parseStringArgs(argv, 3, true);
  if (!('flags' in args)) return args;
  return setGeneric(ctx, argv, args.flags, argv[1], argv[2], args.expire);
});
