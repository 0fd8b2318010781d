// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] - pops up to count elements from the first
// existing list among the keys; replies [key, elements] or a null array. Arguments are all checked
// before any key is looked up.
// Redis counterpart: lmpopCommand / mpopGenericCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { NullArray } from '../../protocol/reply.js';
import { optionName } from '../generic/args.js';
import { mpopFirst, parseLong, parseWhere } from './list-generic.js';
import { ERR_MPOP_COUNT, ERR_NUMKEYS } from './errors.js';

export default defineCommand('lmpop', (ctx, argv) => {
  const numkeys = parseLong(argv[1]);
  if (numkeys === null || numkeys <= 0) return ERR_NUMKEYS;
  const whereIdx = 2 + numkeys;
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

  return mpopFirst(ctx, argv.slice(2, whereIdx), where, count) ?? NullArray.instance;
});
