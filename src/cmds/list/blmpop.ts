// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] - LMPOP, or wait for one of the lists.
// Redis counterpart: blmpopCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { NullArray } from '../../protocol/reply.js';
import { optionName } from '../generic/args.js';
import { mpopFirst, parseLong, parseWhere } from './list-generic.js';
import { ERR_MPOP_COUNT, ERR_NUMKEYS } from './errors.js';
import { blockOn, parseTimeout } from './blocking-generic.js';

export default defineCommand('blmpop', (ctx, argv) => {
  const numkeys = parseLong(argv[2]);
  if (numkeys === null || numkeys <= 0) return ERR_NUMKEYS;
  const whereIdx = 3 + numkeys;
  if (whereIdx >= argv.length) return ERR_SYNTAX;
  const where = parseWhere(argv[whereIdx]);
  if (where === null) return ERR_SYNTAX;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && optionName(argv[j]) === 'count' && j + 1 < argv.length) {
      const n = parseLong(argv[++j]);
      if (n === null || n <= 0) return ERR_MPOP_COUNT;
      count = n;
    } else {
      return ERR_SYNTAX;
    }
  }
  if (count === -1) count = 1;
  const timeoutAt = parseTimeout(ctx, argv[1]);
  if (typeof timeoutAt !== 'number') return timeoutAt;
  const keys = argv.slice(3, whereIdx);
  const now = mpopFirst(ctx, keys, where, count);
  if (now !== undefined) return now;
  return blockOn(keys, timeoutAt, NullArray.instance, (c) => mpopFirst(c, keys, where, count));
});
