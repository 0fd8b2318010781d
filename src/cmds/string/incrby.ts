// INCRBY key increment - Redis counterpart: incrbyCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { incrDecr, parseInteger } from './incr-decr.js';

export default defineCommand('incrby', (ctx, argv) => {
  const incr = parseInteger(argv[2]);
  if (incr === null) return ERR_NOT_INTEGER;
  return incrDecr(ctx, argv[1], incr);
});
