// SINTERCARD numkeys key [key ...] [LIMIT limit] - the size of the intersection, stopping early at a
// non-zero LIMIT. Redis counterpart: sinterCardCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { optionName } from '../generic/args.js';
import { sinterGeneric } from './set-ops.js';
import { ERR_LIMIT_NEGATIVE, ERR_NUMKEYS_POSITIVE, ERR_NUMKEYS_TOO_MANY } from './errors.js';

export default defineCommand('sintercard', (ctx, argv) => {
  const numkeys = parseI64(argv[1]);
  if (numkeys === null || numkeys < 1n) return ERR_NUMKEYS_POSITIVE;
  if (numkeys > BigInt(argv.length - 2)) return ERR_NUMKEYS_TOO_MANY;
  const n = Number(numkeys);
  let limit = 0;
  for (let j = 2 + n; j < argv.length; j++) {
    if (optionName(argv[j]) === 'limit' && j + 1 < argv.length) {
      const l = parseI64(argv[++j]);
      if (l === null || l < 0n) return ERR_LIMIT_NEGATIVE;
      limit = Number(l);
    } else {
      return ERR_SYNTAX;
    }
  }
  return sinterGeneric(ctx, argv.slice(2, 2 + n), null, true, limit);
});
