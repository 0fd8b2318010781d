// COPY source destination [DB destination-db] [REPLACE] - duplicates a value with its TTL, into the
// same or another database. Strings are immutable JS strings and are shared (but for the shared integers,
// see duplicate); a MutableString and the aggregate types are deep-copied. Redis counterpart: copyCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { MutableString } from '../../protocol/reply.js';
import { ERR_DB_INDEX, ERR_SAME_OBJECT, ERR_SYNTAX } from '../../protocol/errors.js';
import { isSharedIntegerText, type RValue } from '../../keyspace/value.js';
import { optionName, parseIntArg } from './args.js';
import { ERR_COPY_CLUSTER, ERR_UNKNOWN_TYPE_OBJECT } from './errors.js';
import { noteAccess, noteCreated } from './key-access.js';

/**
 * A value that shares no mutable state with `v`, or null when the type cannot be copied. Like Redis's
 * dupStringObject the copy keeps the encoding, but a shared integer becomes a private one (refcount 1).
 */
function duplicate(v: RValue): RValue | null {
  if (typeof v === 'string') return isSharedIntegerText(v) ? MutableString.privateInt(v) : v;
  if (v instanceof MutableString) {
    const m = new MutableString(v.view());
    m.shownEncoding = v.shownEncoding;
    return m;
  }
  const clone = (v as { clone?: () => RValue }).clone;
  return typeof clone === 'function' ? clone.call(v) : null;
}

export default defineCommand('copy', (ctx, argv) => {
  const src = ctx.db;
  let dst = src;
  let replace = false;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]);
    if (opt === 'replace') {
      replace = true;
    } else if (opt === 'db' && j + 1 < argv.length) {
      const id = parseIntArg(argv[++j]);
      if (typeof id !== 'number') return id;
      if (id < 0 || id >= ctx.server.dbCount) return ERR_DB_INDEX;
      dst = ctx.server.getDb(id);
    } else {
      return ERR_SYNTAX;
    }
  }
  if (ctx.server.config.getBool('cluster-enabled') && (src.id !== 0 || dst.id !== 0)) return ERR_COPY_CLUSTER;

  const key = argv[1];
  const newKey = argv[2];
  if (src === dst && key === newKey) return ERR_SAME_OBJECT;
  const value = src.lookupRead(key, ctx.now);
  if (value === undefined) return 0;
  noteAccess(ctx, src, key);
  const expire = src.getExpire(key);
  const exists = dst.lookupWrite(newKey, ctx.now) !== undefined;
  if (exists && !replace) return 0;
  const copy = duplicate(value);
  if (copy === null) return ERR_UNKNOWN_TYPE_OBJECT;
  if (exists) dst.delete(newKey);
  dst.add(newKey, copy);
  if (expire !== -1) dst.setExpire(newKey, expire);
  noteCreated(ctx, dst, newKey);
  ctx.signalModifiedKey(dst, newKey);
  ctx.notify('g', 'copy_to', newKey, dst.id);
  ctx.addDirty(1);
  return 1;
});
