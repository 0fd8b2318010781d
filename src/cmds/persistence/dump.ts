// DUMP key - the value serialised in Redis's DUMP format (RDB type byte and value, RDB version, CRC-64),
// or a null reply when the key does not exist. Redis counterpart: dumpCommand (cluster.c).
import { defineCommand } from '../../spec/define.js';
import { errorReply } from '../../protocol/errors.js';
import { createDumpPayload } from '../../persistence/rdb/dump-payload.js';

export default defineCommand('dump', (ctx, argv) => {
  const v = ctx.db.lookupRead(argv[1], ctx.now);
  if (v === undefined) return null;
  const config = ctx.server.config;
  const payload = createDumpPayload(v, {
    compression: config.getBool('rdbcompression'),
    listFill: config.getNumber('list-max-listpack-size'),
  });
  if (payload === null) return errorReply('ERR DUMP of this value type is not supported');
  return payload;
});
