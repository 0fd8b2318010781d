// SELECT index - Redis counterpart: selectCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_DB_INDEX, ERR_NOT_INTEGER } from '../../protocol/errors.js';
import { parseSafeInt, parseI64 } from '../../util/number.js';

export default defineCommand('select', (ctx, argv) => {
  const n = parseSafeInt(argv[1]);
  if (n === null) return parseI64(argv[1]) === null ? ERR_NOT_INTEGER : ERR_DB_INDEX;
  if (n < 0 || n >= ctx.server.dbCount) return ERR_DB_INDEX;
  ctx.client.select(n);
  return OK;
});
