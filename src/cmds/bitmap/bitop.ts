// BITOP AND|OR|XOR|NOT destkey key [key ...] - Redis counterpart: bitopCommand (bitops.c). Missing
// sources and the bytes past a shorter source read as zeros; an empty result deletes destkey.
import { defineCommand } from '../../spec/define.js';
import { MutableString } from '../../protocol/reply.js';
import { ERR_SYNTAX, ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import { isString, optionName, stringLength } from '../string/string-value.js';
import { byteRange } from './bit-ops.js';

const ERR_NOT_ONE_KEY = errorReply('ERR BITOP NOT must be called with a single source key.');

export default defineCommand('bitop', (ctx, argv) => {
  const op = optionName(argv[1]);
  if (op !== 'and' && op !== 'or' && op !== 'xor' && op !== 'not') return ERR_SYNTAX;
  if (op === 'not' && argv.length !== 4) return ERR_NOT_ONE_KEY;
  const db = ctx.db;
  const dest = argv[2];
  const srcs: Uint8Array[] = [];
  let maxLen = 0;
  for (let j = 3; j < argv.length; j++) {
    const v = db.lookupRead(argv[j], ctx.now);
    if (v === undefined) {
      srcs.push(new Uint8Array(0));
      continue;
    }
    if (!isString(v)) return ERR_WRONGTYPE;
    const p = byteRange(v, 0, stringLength(v));
    srcs.push(p);
    if (p.length > maxLen) maxLen = p.length;
  }
  if (maxLen === 0) {
    if (db.delete(dest)) {
      ctx.signalModifiedKey(db, dest);
      ctx.notify('g', 'del', dest, db.id);
      ctx.addDirty(1);
    }
    return 0;
  }
  const res = Buffer.alloc(maxLen);
  const first = srcs[0];
  if (op === 'not') {
    for (let i = 0; i < maxLen; i++) res[i] = ~first[i] & 0xff;
  } else {
    res.set(first);
    for (let k = 1; k < srcs.length; k++) {
      const s = srcs[k];
      const n = s.length;
      if (op === 'and') {
        for (let i = 0; i < n; i++) res[i] &= s[i];
        res.fill(0, n);
      } else if (op === 'or') {
        for (let i = 0; i < n; i++) res[i] |= s[i];
      } else {
        for (let i = 0; i < n; i++) res[i] ^= s[i];
      }
    }
  }
  // The result keeps its bytes, as a raw string: Redis stores it unencoded (OBJECT ENCODING raw, never
  // int or embstr, and never a shared integer), and it may be longer than any JS string.
  const value = new MutableString('');
  value.buf = res;
  value.len = maxLen;
  db.set(dest, value);
  ctx.signalModifiedKey(db, dest);
  ctx.notify('$', 'set', dest, db.id);
  ctx.addDirty(1);
  return maxLen;
});
