// APPEND key value - Redis counterpart: appendCommand (t_string.c). The value becomes a MutableString
// that grows in place, so a run of appends costs amortised O(appended bytes).
import { defineCommand } from '../../spec/define.js';
import { MutableString } from '../../protocol/reply.js';
import { ERR_STRING_TOO_LONG, ERR_WRONGTYPE } from '../../protocol/errors.js';
import { isString } from './string-value.js';

export default defineCommand('append', (ctx, argv) => {
  const db = ctx.db;
  const key = argv[1];
  const tail = argv[2];
  const v = db.lookupWrite(key, ctx.now);
  let total: number;
  if (v === undefined) {
    // A new key stores the argument as SET would (so it can still be an "int" or "embstr").
    db.add(key, tail);
    total = tail.length;
  } else {
    if (!isString(v)) return ERR_WRONGTYPE;
    const cur = typeof v === 'string' ? v.length : v.len;
    if (cur + tail.length > ctx.server.config.getNumber('proto-max-bulk-len')) return ERR_STRING_TOO_LONG;
    let m: MutableString;
    if (v instanceof MutableString) {
      m = v;
    } else {
      m = new MutableString(v, tail.length);
      db.overwrite(key, m);
    }
    m.append(tail);
    total = m.len;
  }
  ctx.signalModifiedKey(db, key);
  ctx.notify('$', 'append', key, db.id);
  ctx.addDirty(1);
  return total;
});
