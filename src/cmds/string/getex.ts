// GETEX key [EX|PX|EXAT|PXAT time|PERSIST] - Redis counterpart: getexCommand (t_string.c). Never
// propagated as sent: it becomes PEXPIREAT, PERSIST or (for a time already past) DEL.
import { defineCommand } from '../../spec/define.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import { OPT_EXAT, OPT_PERSIST, OPT_PXAT, expireAtMs, parseStringArgs } from './expire-args.js';
import { bulkOf, isString } from './string-value.js';

export default defineCommand('getex', (ctx, argv) => {
  const args = parseStringArgs(argv, 2, false);
  if (!('flags' in args)) return args;
  const db = ctx.db;
  const key = argv[1];
  const v = db.lookupRead(key, ctx.now);
  if (v === undefined) return null;
  if (!isString(v)) return ERR_WRONGTYPE;
  const { flags, expire } = args;
  let when: number | bigint = 0;
  if (expire !== null) {
    const w = expireAtMs(expire, flags, ctx.now, 'getex');
    if (typeof w === 'object') return w;
    when = w;
  }
  const reply = bulkOf(v);
  if (flags & (OPT_EXAT | OPT_PXAT) && when <= ctx.now) {
    const lazy = ctx.server.config.getBool('lazyfree-lazy-expire');
    db.delete(key);
    ctx.propagateAs([lazy ? 'UNLINK' : 'DEL', key]);
    ctx.signalModifiedKey(db, key);
    ctx.notify('g', 'del', key, db.id);
    ctx.addDirty(1);
  } else if (expire !== null) {
    db.setExpire(key, Number(when));
    ctx.propagateAs(['PEXPIREAT', key, String(when)]);
    ctx.signalModifiedKey(db, key);
    ctx.notify('g', 'expire', key, db.id);
    ctx.addDirty(1);
  } else if (flags & OPT_PERSIST) {
    if (db.removeExpire(key)) {
      ctx.propagateAs(['PERSIST', key]);
      ctx.signalModifiedKey(db, key);
      ctx.notify('g', 'persist', key, db.id);
      ctx.addDirty(1);
    }
  }
  return reply;
});
