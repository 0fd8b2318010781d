// Geohash arithmetic for the GEO commands: 52-bit interleaved cell codes stored as sorted set scores,
// cell decoding, the 8 neighbours of a cell, the haversine distance, the search-area estimate and the
// number formats the GEO replies use. Counterpart: Redis's geohash.c and geohash_helper.c.
//
// A cell code at step s interleaves s bits of latitude (even positions) with s bits of longitude (odd
// positions). Every floating point step follows the documented order of operations exactly, because
// scores and distances must be bit-identical to the ones Redis computes.

export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_STEP_MAX = 26;
export const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;

export interface GeoRange {
  min: number;
  max: number;
}
/**
 * A cell: its latitude and longitude indexes and its step (bits per coordinate). The indexes are kept
 * apart rather than interleaved so that a point on the top edge, whose index is 2^step and so carries
 * into the next bit as in Redis's uint64 codes, stays exact. A zero cell (all 0) means "skip".
 */
export interface GeoHashBits {
  lat: number;
  lon: number;
  step: number;
}
export interface GeoArea {
  longitude: GeoRange;
  latitude: GeoRange;
}

export const WGS84_LONG: GeoRange = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
export const WGS84_LAT: GeoRange = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };
/** The standard geohash ranges, used only for the GEOHASH strings. */
export const STANDARD_LAT: GeoRange = { min: -90, max: 90 };

const TWO32 = 4294967296;

/** Spreads the low 16 bits of v to the even bit positions of a 32-bit value. */
function spread16(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/** Gathers the even bits of a 32-bit value into 16 bits. */
function compact16(v: number): number {
  let x = v & 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  x = (x | (x >>> 8)) & 0x0000ffff;
  return x;
}

/**
 * interleave64 of two 32-bit indexes, as the nearest double (the exact 64-bit code when it fits in 53
 * bits; a latitude or longitude at the very top of its range carries into bit 52/53 and rounds, exactly
 * as Redis's uint64 -> double score conversion does).
 */
export function interleave(lat: number, lon: number): number {
  const lo = (spread16(lat) | (spread16(lon) << 1)) >>> 0;
  const hiLat = Math.floor(lat / 65536);
  const hiLon = Math.floor(lon / 65536);
  const hi = (spread16(hiLat) | (spread16(hiLon) << 1)) >>> 0;
  if (hi < 0x200000) return hi * TWO32 + lo;
  return Number((BigInt(hi) << 32n) | BigInt(lo));
}

/** interleave64 as an exact 64-bit integer. */
export function interleaveExact(lat: number, lon: number): bigint {
  let out = 0n;
  for (let i = 0; i < 32; i++) {
    if ((lat >>> i) & 1) out |= 1n << BigInt(2 * i);
    if ((lon >>> i) & 1) out |= 1n << BigInt(2 * i + 1);
  }
  return out;
}

/** deinterleave64: [latitude index, longitude index] of a code given as a non-negative integer double. */
export function deinterleave(bits: number): [number, number] {
  let lo: number;
  let hi: number;
  if (bits >= 0 && bits < 2 ** 53 && Number.isInteger(bits)) {
    lo = bits % TWO32;
    hi = (bits - lo) / TWO32;
  } else {
    // A score that is no geohash: C's (uint64_t) conversion truncates and wraps.
    const t = Number.isFinite(bits) ? BigInt.asUintN(64, BigInt(Math.trunc(bits))) : 0n;
    lo = Number(t & 0xffffffffn);
    hi = Number(t >> 32n);
  }
  const lat = (compact16(lo) + compact16(hi) * 65536) >>> 0;
  const lon = (compact16(lo >>> 1) + compact16(hi >>> 1) * 65536) >>> 0;
  return [lat, lon];
}

/** geohashEncode: the cell of a point at a step, or null outside the WGS84 limits or the given ranges. */
export function geohashEncode(
  longRange: GeoRange,
  latRange: GeoRange,
  longitude: number,
  latitude: number,
  step: number,
): GeoHashBits | null {
  if (step > 32 || step === 0) return null;
  if (longitude > GEO_LONG_MAX || longitude < GEO_LONG_MIN || latitude > GEO_LAT_MAX || latitude < GEO_LAT_MIN) {
    return null;
  }
  if (latitude < latRange.min || latitude > latRange.max || longitude < longRange.min || longitude > longRange.max) {
    return null;
  }
  let latOffset = (latitude - latRange.min) / (latRange.max - latRange.min);
  let longOffset = (longitude - longRange.min) / (longRange.max - longRange.min);
  latOffset *= 2 ** step;
  longOffset *= 2 ** step;
  return { lat: Math.trunc(latOffset) >>> 0, lon: Math.trunc(longOffset) >>> 0, step };
}

/** geohashEncodeWGS84 at full precision, shifted to 52 bits: the sorted set score of a point. */
export function geoScore(longitude: number, latitude: number): number | null {
  const h = geohashEncode(WGS84_LONG, WGS84_LAT, longitude, latitude, GEO_STEP_MAX);
  return h === null ? null : interleave(h.lat, h.lon);
}

/** The score as Redis writes it into the ZADD it rewrites GEOADD to: the exact 64-bit integer. */
export function geoScoreText(longitude: number, latitude: number): string | null {
  const h = geohashEncode(WGS84_LONG, WGS84_LAT, longitude, latitude, GEO_STEP_MAX);
  return h === null ? null : interleaveExact(h.lat, h.lon).toString();
}

/** geohashDecode: the area of a cell. */
export function geohashDecode(longRange: GeoRange, latRange: GeoRange, hash: GeoHashBits): GeoArea {
  const ilato = hash.lat;
  const ilono = hash.lon;
  const latScale = latRange.max - latRange.min;
  const longScale = longRange.max - longRange.min;
  const cells = 2 ** hash.step;
  return {
    latitude: {
      min: latRange.min + ((ilato * 1.0) / cells) * latScale,
      max: latRange.min + (((ilato + 1) * 1.0) / cells) * latScale,
    },
    longitude: {
      min: longRange.min + ((ilono * 1.0) / cells) * longScale,
      max: longRange.min + (((ilono + 1) * 1.0) / cells) * longScale,
    },
  };
}

/** geohashDecodeAreaToLongLat: the cell centre, clamped to the WGS84 limits. */
export function areaCentre(area: GeoArea): [number, number] {
  let lon = (area.longitude.min + area.longitude.max) / 2;
  if (lon > GEO_LONG_MAX) lon = GEO_LONG_MAX;
  if (lon < GEO_LONG_MIN) lon = GEO_LONG_MIN;
  let lat = (area.latitude.min + area.latitude.max) / 2;
  if (lat > GEO_LAT_MAX) lat = GEO_LAT_MAX;
  if (lat < GEO_LAT_MIN) lat = GEO_LAT_MIN;
  return [lon, lat];
}

/** decodeGeohash: [longitude, latitude] of a sorted set score. */
export function decodeScore(score: number): [number, number] {
  const [lat, lon] = deinterleave(score);
  return areaCentre(geohashDecode(WGS84_LONG, WGS84_LAT, { lat, lon, step: GEO_STEP_MAX }));
}

const GEOALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/**
 * The 11-character standard geohash of a score: decoded, re-encoded on the [-90, 90] latitude range, then
 * 10 characters of 5 bits and an 11th that is always '0' (only 52 bits exist).
 */
export function standardGeohash(score: number): string {
  const [lon, lat] = decodeScore(score);
  const h = geohashEncode(WGS84_LONG, STANDARD_LAT, lon, lat, GEO_STEP_MAX);
  const bits = h === null ? 0n : interleaveExact(h.lat, h.lon);
  let out = '';
  for (let i = 0; i < 10; i++) out += GEOALPHABET[Number((bits >> BigInt(52 - (i + 1) * 5)) & 31n)];
  return `${out}0`;
}

/** The 8 neighbours of a cell, moving each coordinate index by one with wrap-around at its step. */
export interface GeoNeighbors {
  north: GeoHashBits;
  east: GeoHashBits;
  west: GeoHashBits;
  south: GeoHashBits;
  northEast: GeoHashBits;
  southEast: GeoHashBits;
  northWest: GeoHashBits;
  southWest: GeoHashBits;
}

export function geohashNeighbors(hash: GeoHashBits): GeoNeighbors {
  const { lat, lon, step } = hash;
  const n = 2 ** step;
  // Only the moved coordinate is wrapped (and so loses a carry bit); the other is kept as it is.
  const at = (dlon: number, dlat: number): GeoHashBits => ({
    lat: dlat === 0 ? lat : (lat + dlat + n) % n,
    lon: dlon === 0 ? lon : (lon + dlon + n) % n,
    step,
  });
  return {
    north: at(0, 1),
    south: at(0, -1),
    east: at(1, 0),
    west: at(-1, 0),
    northEast: at(1, 1),
    southEast: at(1, -1),
    northWest: at(-1, 1),
    southWest: at(-1, -1),
  };
}

/** [min, max) scores of every full-precision code inside a cell (geohashAlign52Bits of it and of it + 1). */
export function scoresOfCell(hash: GeoHashBits): [number, number] {
  const shift = BigInt(52 - hash.step * 2);
  const bits = interleaveExact(hash.lat, hash.lon);
  return [Number(bits << shift), Number((bits + 1n) << shift)];
}

export function degRad(ang: number): number {
  return ang * D_R;
}
export function radDeg(ang: number): number {
  return ang / D_R;
}

/** Distance between two latitudes along a meridian. */
export function geohashGetLatDistance(lat1d: number, lat2d: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2d) - degRad(lat1d));
}

/** Haversine distance in metres; equal longitudes take the cheaper meridian distance, as Redis 7 does. */
export function geohashGetDistance(lon1d: number, lat1d: number, lon2d: number, lat2d: number): number {
  const lon1r = degRad(lon1d);
  const lon2r = degRad(lon2d);
  const v = Math.sin((lon2r - lon1r) / 2);
  if (v === 0.0) return geohashGetLatDistance(lat1d, lat2d);
  const lat1r = degRad(lat1d);
  const lat2r = degRad(lat2d);
  const u = Math.sin((lat2r - lat1r) / 2);
  const a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(a));
}

/** A search shape: centre, unit conversion (metres per unit) and a radius or a box in units. */
export type GeoShape =
  | { type: 'circle'; lon: number; lat: number; conversion: number; radius: number }
  | { type: 'box'; lon: number; lat: number; conversion: number; width: number; height: number };

/** geohashBoundingBox: [min lon, min lat, max lon, max lat] around the shape. */
export function boundingBox(shape: GeoShape): [number, number, number, number] {
  const { lon, lat } = shape;
  const height = shape.conversion * (shape.type === 'circle' ? shape.radius : shape.height / 2);
  const width = shape.conversion * (shape.type === 'circle' ? shape.radius : shape.width / 2);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const longDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(lat + latDelta)));
  const longDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(lat - latDelta)));
  // The widest parallel is the one nearer the equator: the bottom edge in the north, the top in the south.
  const southern = lat < 0;
  return [
    southern ? lon - longDeltaBottom : lon - longDeltaTop,
    lat - latDelta,
    southern ? lon + longDeltaBottom : lon + longDeltaTop,
    lat + latDelta,
  ];
}

/** geohashEstimateStepsByRadius: the coarsest step whose cells still cover the radius, narrower near poles. */
export function estimateStepsByRadius(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  if (step < 1) step = 1;
  if (step > 26) step = 26;
  return step;
}

const ZERO: GeoHashBits = { lat: 0, lon: 0, step: 0 };

/**
 * geohashCalculateAreasByShapeWGS84: the centre cell and its neighbours to scan, in Redis's visiting
 * order (centre, N, S, E, W, NE, NW, SE, SW); cells that cannot hold a match are zeroed.
 */
export function searchCells(shape: GeoShape): GeoHashBits[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  const radiusMeters =
    (shape.type === 'circle'
      ? shape.radius
      : Math.sqrt((shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2))) * shape.conversion;
  let steps = estimateStepsByRadius(radiusMeters, shape.lat);
  let hash = geohashEncode(WGS84_LONG, WGS84_LAT, shape.lon, shape.lat, steps) ?? { lat: 0, lon: 0, step: steps };
  let nb = geohashNeighbors(hash);
  let area = geohashDecode(WGS84_LONG, WGS84_LAT, hash);

  // Near the edge of the centre cell a neighbour may not reach far enough: one step coarser then.
  const north = geohashDecode(WGS84_LONG, WGS84_LAT, nb.north);
  const south = geohashDecode(WGS84_LONG, WGS84_LAT, nb.south);
  const east = geohashDecode(WGS84_LONG, WGS84_LAT, nb.east);
  const west = geohashDecode(WGS84_LONG, WGS84_LAT, nb.west);
  const decrease =
    north.latitude.max < maxLat ||
    south.latitude.min > minLat ||
    east.longitude.max < maxLon ||
    west.longitude.min > minLon;
  if (steps > 1 && decrease) {
    steps--;
    hash = geohashEncode(WGS84_LONG, WGS84_LAT, shape.lon, shape.lat, steps) ?? { lat: 0, lon: 0, step: steps };
    nb = geohashNeighbors(hash);
    area = geohashDecode(WGS84_LONG, WGS84_LAT, hash);
  }
  if (steps >= 2) {
    if (area.latitude.min < minLat) nb.south = nb.southWest = nb.southEast = ZERO;
    if (area.latitude.max > maxLat) nb.north = nb.northEast = nb.northWest = ZERO;
    if (area.longitude.min < minLon) nb.west = nb.southWest = nb.northWest = ZERO;
    if (area.longitude.max > maxLon) nb.east = nb.southEast = nb.northEast = ZERO;
  }
  return [hash, nb.north, nb.south, nb.east, nb.west, nb.northEast, nb.northWest, nb.southEast, nb.southWest];
}

/**
 * Distance from the shape's centre when the point lies inside the shape, else -1. A box is tested on
 * the latitude distance first, then on the longitude distance along the point's parallel.
 */
export function distanceIfInShape(shape: GeoShape, lon: number, lat: number): number {
  if (shape.type === 'circle') {
    const d = geohashGetDistance(shape.lon, shape.lat, lon, lat);
    return d > shape.radius * shape.conversion ? -1 : d;
  }
  const widthM = shape.width * shape.conversion;
  const heightM = shape.height * shape.conversion;
  if (geohashGetLatDistance(lat, shape.lat) > heightM / 2) return -1;
  if (geohashGetDistance(lon, lat, shape.lon, lat) > widthM / 2) return -1;
  return geohashGetDistance(shape.lon, shape.lat, lon, lat);
}

/**
 * printf("%.<digits>f") of a finite double: the exact binary value rounded half-to-even, which is what
 * glibc prints (Number#toFixed rounds exact ties up instead).
 */
export function formatFixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan';
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  const hiWord = buf.getUint32(0);
  const loWord = buf.getUint32(4);
  const expBits = (hiWord >>> 20) & 0x7ff;
  let mant = (BigInt(hiWord & 0xfffff) << 32n) | BigInt(loWord);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  const scale = 10n ** BigInt(digits);
  let q: bigint;
  if (exp >= 0) q = (mant << BigInt(exp)) * scale;
  else {
    const num = mant * scale;
    const den = 1n << BigInt(-exp);
    q = num / den;
    const r2 = (num - q * den) * 2n;
    if (r2 > den || (r2 === den && (q & 1n) === 1n)) q++;
  }
  let s = q.toString();
  if (digits > 0) {
    s = s.padStart(digits + 1, '0');
    s = `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  }
  return neg ? `-${s}` : s;
}

/** A distance as the GEO replies print it ("%.4f"). */
export function formatDistance(d: number): string {
  return formatFixed(d, 4);
}

/** A coordinate in Redis's "human" long double form: 17 decimals, trailing zeros trimmed, "-0" as "0". */
export function formatCoordinate(v: number): string {
  let s = formatFixed(v, 17);
  if (s.includes('.')) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48) end--;
    if (s.charCodeAt(end - 1) === 46) end--;
    s = s.slice(0, end);
  }
  return s === '-0' ? '0' : s;
}
