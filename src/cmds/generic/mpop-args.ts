// The arguments shared by LMPOP, BLMPOP, ZMPOP and BZMPOP from numkeys on:
// numkeys key [key ...] <direction> [COUNT count], checked in Redis's order before any key is looked up.
// Counterpart: the argument half of mpopGenericCommand (t_list.c, t_zset.c).
import type { ErrorReply } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { parseLong } from '../list/list-generic.js';
import { optionName } from './args.js';

export const ERR_NUMKEYS = errorReply('ERR numkeys should be greater than 0');
export const ERR_MPOP_COUNT = errorReply('ERR count should be greater than 0');

export function parseMpopArgs<W>(
  argv: string[],
  numkeysIdx: number,
  parseDirection: (arg: string) => W | null,
): { keys: string[]; where: W; count: number } | ErrorReply {
  const numkeys = parseLong(argv[numkeysIdx]);
  if (numkeys === null || numkeys <= 0) return ERR_NUMKEYS;
  const whereIdx = numkeysIdx + 1 + numkeys;
  if (whereIdx >= argv.length) return ERR_SYNTAX;
  const where = parseDirection(argv[whereIdx]);
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
  return { keys: argv.slice(numkeysIdx + 1, whereIdx), where, count: count === -1 ? 1 : count };
}
