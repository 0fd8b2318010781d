// LMOVE source destination LEFT|RIGHT LEFT|RIGHT - atomically moves one element between lists.
// Redis counterpart: lmoveCommand (t_list.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { parseWhere } from './list-generic.js';
import { lmoveGeneric } from './move-generic.js';

export default defineCommand('lmove', (ctx, argv) => {
  const from = parseWhere(argv[3]);
  if (from === null) return ERR_SYNTAX;
  const to = parseWhere(argv[4]);
  if (to === null) return ERR_SYNTAX;
  return lmoveGeneric(ctx, argv[1], argv[2], from, to);
});
