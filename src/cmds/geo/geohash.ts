// GEOHASH key member [...] - each member's 11-character standard geohash (re-encoded on the [-90, 90]
// latitude range), or null when absent. Counterpart: geohashCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { standardGeohash } from '../../datatypes/geohash.js';
import { lookupZsetRead } from '../sorted-set/zset-access.js';

export default defineCommand('geohash', (ctx, argv) => {
  const z = lookupZsetRead(ctx, argv[1]);
  if (z instanceof ErrorReply) return z;
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const score = z?.score(argv[j]);
    out.push(score === undefined ? null : standardGeohash(score));
  }
  return out;
});
