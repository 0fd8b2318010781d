// The shared body of SET, SETNX, SETEX and PSETEX: conditional write, optional GET of the old value,
// expire, notifications and the propagated form. Counterpart: setGenericCommand in Redis's t_string.c.
import { OK, type ErrorReply, type Reply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import { OPT_GET, OPT_KEEPTTL, OPT_NX, OPT_XX, expireAtMs } from './expire-args.js';
import { getGeneric, optionName } from './string-value.js';

export interface SetReplies {
  /** Reply on success (OK unless given). */
  ok?: Reply;
  /** Reply when NX/XX stops the write (nil unless given). */
  abort?: Reply;
}

export function setGeneric(
  ctx: CommandContext,
  argv: string[],
  flags: number,
  key: string,
  value: string,
  expire: string | null,
  replies: SetReplies = {},
): Reply {
  let when: number | bigint = 0;
  if (expire !== null) {
    const w = expireAtMs(expire, flags, ctx.now, argv[0]);
    if (typeof w === 'object') return w as ErrorReply;
    when = w;
  }
  let old: Reply = null;
  if (flags & OPT_GET) {
    old = getGeneric(ctx, key);
    if (typeof old === 'object' && old !== null) return old;
  }
  const db = ctx.db;
  const found = db.lookupWrite(key, ctx.now) !== undefined;
  if ((flags & OPT_NX && found) || (flags & OPT_XX && !found)) {
    return flags & OPT_GET ? old : (replies.abort ?? null);
  }
  // With an expire to set, the old one is replaced below rather than deleted first: a delete and re-add
  // per SET EX would leave the expires table a deleted entry each time (rebuilt every few writes).
  db.set(key, value, (flags & OPT_KEEPTTL) !== 0 || expire !== null);
  ctx.signalModifiedKey(db, key);
  ctx.addDirty(1);
  ctx.notify('$', 'set', key, db.id);
  if (expire !== null) {
    db.setExpire(key, Number(when));
    // Replicas and the AOF get an absolute time so a delayed replay cannot stretch the TTL.
    ctx.propagateAs(['SET', key, value, 'PXAT', String(when)]);
    ctx.notify('g', 'expire', key, db.id);
  } else if (flags & OPT_GET) {
    ctx.propagateAs(argv.filter((a, j) => j < 3 || optionName(a) !== 'get'));
  }
  return flags & OPT_GET ? old : (replies.ok ?? OK);
}
