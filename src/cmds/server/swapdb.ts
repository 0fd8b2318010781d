// SWAPDB index1 index2 - exchanges two databases' contents; clients connected to either see the
// other's data at once. Redis counterpart: swapdbCommand / dbSwapDatabases (db.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_DB_INDEX } from '../../protocol/errors.js';
import { parseIntArg } from '../generic/args.js';
import { ERR_INVALID_FIRST_DB, ERR_INVALID_SECOND_DB, ERR_SWAPDB_CLUSTER } from '../generic/errors.js';
import { signalSwapped } from '../generic/db-services.js';
import { swapClocks } from '../generic/key-access.js';

export default defineCommand('swapdb', (ctx, argv) => {
  if (ctx.server.config.getBool('cluster-enabled')) return ERR_SWAPDB_CLUSTER;
  const id1 = parseIntArg(argv[1], ERR_INVALID_FIRST_DB);
  if (typeof id1 !== 'number') return id1;
  const id2 = parseIntArg(argv[2], ERR_INVALID_SECOND_DB);
  if (typeof id2 !== 'number') return id2;
  const n = ctx.server.dbCount;
  if (id1 < 0 || id1 >= n || id2 < 0 || id2 >= n) return ERR_DB_INDEX;
  if (id1 !== id2) {
    const a = ctx.server.getDb(id1);
    const b = ctx.server.getDb(id2);
    a.swapWith(b);
    swapClocks(a, b, ctx.server.startTime);
    signalSwapped(ctx, a, b);
  }
  ctx.addDirty(1);
  return OK;
});
