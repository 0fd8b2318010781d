// STRLEN key - Redis counterpart: strlenCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import { isString, stringLength } from './string-value.js';

export default defineCommand('strlen', (ctx, argv) => {
  const v = ctx.db.lookupRead(argv[1], ctx.now);
  if (v === undefined) return 0;
  if (!isString(v)) return ERR_WRONGTYPE;
  return stringLength(v);
});
