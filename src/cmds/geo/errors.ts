// Error replies of the GEO commands, worded exactly as Redis words them, and the argument readers that
// produce them. Counterpart: extractLongLatOrReply, extractUnitOrReply, extractDistanceOrReply and
// extractBoxOrReply in Redis's geo.c.
import { ErrorReply } from '../../protocol/reply.js';
import { ERR_NOT_FLOAT, errorReply } from '../../protocol/errors.js';
import { parseDouble } from '../../util/number.js';
import { GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN, formatFixed } from '../../datatypes/geohash.js';
import { optionName } from '../generic/args.js';

export const ERR_DECODE_MEMBER = errorReply('ERR could not decode requested zset member');
export const ERR_UNIT = errorReply('ERR unsupported unit provided. please use M, KM, FT, MI');
export const ERR_NEED_RADIUS = errorReply('ERR need numeric radius');
export const ERR_NEED_WIDTH = errorReply('ERR need numeric width');
export const ERR_NEED_HEIGHT = errorReply('ERR need numeric height');
export const ERR_RADIUS_NEGATIVE = errorReply('ERR radius cannot be negative');
export const ERR_BOX_NEGATIVE = errorReply('ERR height or width cannot be negative');
export const ERR_COUNT_POSITIVE = errorReply('ERR COUNT must be > 0');
export const ERR_ANY_COUNT = errorReply('ERR the ANY argument requires COUNT argument');

/** getDoubleFromObjectOrReply: the number, or the given error (the generic float error by default). */
export function readDouble(arg: string, err: ErrorReply = ERR_NOT_FLOAT): number | ErrorReply {
  const v = parseDouble(arg);
  return v === null || Number.isNaN(v) ? err : v;
}

/** extractLongLatOrReply: [longitude, latitude] within the WGS84 limits Redis indexes. */
export function readLongLat(lonArg: string, latArg: string): [number, number] | ErrorReply {
  const lon = readDouble(lonArg);
  if (lon instanceof ErrorReply) return lon;
  const lat = readDouble(latArg);
  if (lat instanceof ErrorReply) return lat;
  if (lon < GEO_LONG_MIN || lon > GEO_LONG_MAX || lat < GEO_LAT_MIN || lat > GEO_LAT_MAX) {
    return errorReply(`ERR invalid longitude,latitude pair ${formatFixed(lon, 6)},${formatFixed(lat, 6)}`);
  }
  return [lon, lat];
}

/** extractUnitOrReply: metres per unit. */
export function readUnit(arg: string): number | ErrorReply {
  switch (optionName(arg)) {
    case 'm':
      return 1;
    case 'km':
      return 1000;
    case 'ft':
      return 0.3048;
    case 'mi':
      return 1609.34;
    default:
      return ERR_UNIT;
  }
}

/** extractDistanceOrReply: [radius, metres per unit]. */
export function readDistance(radiusArg: string, unitArg: string): [number, number] | ErrorReply {
  const r = readDouble(radiusArg, ERR_NEED_RADIUS);
  if (r instanceof ErrorReply) return r;
  if (r < 0) return ERR_RADIUS_NEGATIVE;
  const unit = readUnit(unitArg);
  if (unit instanceof ErrorReply) return unit;
  return [r, unit];
}

/** extractBoxOrReply: [width, height, metres per unit]. */
export function readBox(widthArg: string, heightArg: string, unitArg: string): [number, number, number] | ErrorReply {
  const w = readDouble(widthArg, ERR_NEED_WIDTH);
  if (w instanceof ErrorReply) return w;
  const h = readDouble(heightArg, ERR_NEED_HEIGHT);
  if (h instanceof ErrorReply) return h;
  if (h < 0 || w < 0) return ERR_BOX_NEGATIVE;
  const unit = readUnit(unitArg);
  if (unit instanceof ErrorReply) return unit;
  return [w, h, unit];
}
