// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len] - indexes of matching elements. A
// negative rank searches from the tail (indexes are still counted from the head); COUNT 0 means every
// match; MAXLEN bounds how many elements are compared. Options are validated before the key is looked
// up. Redis counterpart: lposCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { ListValue } from '../../datatypes/list.js';
import { parseI64 } from '../../util/number.js';
import { optionName } from '../generic/args.js';
import { lookupListRead, parseLong } from './list-generic.js';
import { ERR_COUNT_NEGATIVE, ERR_MAXLEN_NEGATIVE, ERR_RANK_RANGE, ERR_RANK_ZERO } from './errors.js';

const LONG_MIN = -9223372036854775808n;

export default defineCommand('lpos', (ctx, argv) => {
  const ele = argv[2];
  let rank = 1;
  let count = -1;
  let maxlen = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]);
    const more = j + 1 < argv.length;
    if (opt === 'rank' && more) {
      const r = parseI64(argv[++j]);
      if (r === null) return ERR_NOT_INTEGER;
      if (r === LONG_MIN) return ERR_RANK_RANGE;
      if (r === 0n) return ERR_RANK_ZERO;
      rank = Number(r);
    } else if (opt === 'count' && more) {
      const n = parseLong(argv[++j]);
      if (n === null || n < 0) return ERR_COUNT_NEGATIVE;
      count = n;
    } else if (opt === 'maxlen' && more) {
      const n = parseLong(argv[++j]);
      if (n === null || n < 0) return ERR_MAXLEN_NEGATIVE;
      maxlen = n;
    } else {
      return ERR_SYNTAX;
    }
  }
  const fromTail = rank < 0;
  if (fromTail) rank = -rank;

  const list = lookupListRead(ctx, argv[1]);
  if (list === undefined) return count !== -1 ? [] : null;
  if (!(list instanceof ListValue)) return list;

  const len = list.length;
  const limit = maxlen === 0 ? len : Math.min(maxlen, len);
  const found: number[] = [];
  let matches = 0;
  for (let k = 0; k < limit; k++) {
    const i = fromTail ? len - 1 - k : k;
    if (list.at(i) !== ele) continue;
    matches++;
    if (matches < rank) continue;
    if (count === -1) return i;
    found.push(i);
    if (count !== 0 && found.length >= count) break;
  }
  return count === -1 ? null : found;
});
