// GEODIST key member1 member2 [M|KM|FT|MI] - the haversine distance between two members' cell centres,
// printed with 4 decimals; null when either member (or the key) is missing. Counterpart: geodistCommand.
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { decodeScore, geohashGetDistance } from '../../datatypes/geohash.js';
import { lookupZsetRead } from '../sorted-set/zset-access.js';
import { readUnit } from './errors.js';
import { distanceReply } from './geo-reply.js';

export default defineCommand('geodist', (ctx, argv) => {
  let toMeter = 1;
  if (argv.length === 5) {
    const unit = readUnit(argv[4]);
    if (unit instanceof ErrorReply) return unit;
    toMeter = unit;
  } else if (argv.length > 5) {
    return ERR_SYNTAX;
  }
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined || z instanceof ErrorReply) return z ?? null;
  const s1 = z.score(argv[2]);
  const s2 = z.score(argv[3]);
  if (s1 === undefined || s2 === undefined) return null;
  const [lon1, lat1] = decodeScore(s1);
  const [lon2, lat2] = decodeScore(s2);
  return distanceReply(geohashGetDistance(lon1, lat1, lon2, lat2) / toMeter);
});
