// How GEO replies print numbers: distances as "%.4f" bulk strings in both protocols, coordinates in
// Redis's "human" long double form (a bulk string in RESP2, a double in RESP3). Counterpart:
// addReplyDoubleDistance and addReplyHumanLongDouble (networking.c) as geo.c uses them.
import { DoubleReply, type Reply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import { formatCoordinate, formatDistance } from '../../datatypes/geohash.js';

export function distanceReply(d: number): Reply {
  return formatDistance(d);
}

/** A [longitude, latitude] pair: doubles in RESP3 and bulk strings in RESP2, both in Redis's text. */
export function coordReply(ctx: CommandContext, lon: number, lat: number): Reply {
  if (ctx.resp === 3) return [new DoubleReply(lon, formatCoordinate(lon)), new DoubleReply(lat, formatCoordinate(lat))];
  return [formatCoordinate(lon), formatCoordinate(lat)];
}
