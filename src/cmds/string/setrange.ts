// SETRANGE key offset value - Redis counterpart: setrangeCommand (t_string.c). The value is changed in
// place as a MutableString; bytes between the old end and the offset are zeros.
import { defineCommand } from '../../spec/define.js';
import { MutableString } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_STRING_TOO_LONG, ERR_WRONGTYPE } from '../../protocol/errors.js';
import { parseInteger } from './incr-decr.js';
import { ERR_OFFSET_RANGE } from './errors.js';
import { isString } from './string-value.js';

export default defineCommand('setrange', (ctx, argv) => {
  const rawOffset = parseInteger(argv[2]);
  if (rawOffset === null) return ERR_NOT_INTEGER;
  if (rawOffset < 0) return ERR_OFFSET_RANGE;
  const db = ctx.db;
  const key = argv[1];
  const value = argv[3];
  const v = db.lookupWrite(key, ctx.now);
  const maxLen = ctx.server.config.getNumber('proto-max-bulk-len');
  // An offset past the safe-integer range is far beyond any allowed size anyway.
  const offset = typeof rawOffset === 'number' ? rawOffset : Infinity;
  const total = offset + value.length;
  let m: MutableString;
  if (v === undefined) {
    if (value.length === 0) return 0;
    if (total > maxLen) return ERR_STRING_TOO_LONG;
    m = new MutableString('');
    m.buf = Buffer.alloc(total);
    db.add(key, m);
  } else {
    if (!isString(v)) return ERR_WRONGTYPE;
    if (value.length === 0) return typeof v === 'string' ? v.length : v.len;
    if (total > maxLen) return ERR_STRING_TOO_LONG;
    if (v instanceof MutableString) {
      m = v;
    } else {
      m = new MutableString(v);
      db.overwrite(key, m);
    }
  }
  if (total > m.len) m.extendZeroed(total);
  m.shownEncoding = 'raw';
  m.buf.latin1Write(value, offset);
  ctx.signalModifiedKey(db, key);
  ctx.notify('$', 'setrange', key, db.id);
  ctx.addDirty(1);
  return m.len;
});
