// GEOPOS key member [...] - each member's position (its cell centre), or a null array when absent.
// Counterpart: geoposCommand (geo.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, NullArray, type Reply } from '../../protocol/reply.js';
import { decodeScore } from '../../datatypes/geohash.js';
import { lookupZsetRead } from '../sorted-set/zset-access.js';
import { coordReply } from './geo-reply.js';

export default defineCommand('geopos', (ctx, argv) => {
  const z = lookupZsetRead(ctx, argv[1]);
  if (z instanceof ErrorReply) return z;
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const score = z?.score(argv[j]);
    if (score === undefined) {
      out.push(NullArray.instance);
      continue;
    }
    const [lon, lat] = decodeScore(score);
    out.push(coordReply(ctx, lon, lat));
  }
  return out;
});
