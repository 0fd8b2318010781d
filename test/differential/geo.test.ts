// Differential cases for the GEO commands against the real redis-server (7.0): scores (ZSCORE after
// GEOADD), positions, distances, geohash strings, searches of a "find nearby" workload over real places
// and over a seeded random scatter, stores, and edge cases (poles, the antimeridian, zero and huge radii).
// Searches that ask no order are compared as multisets. Coordinates compare byte for byte in both
// protocols. Stored distances are compared by value, since 7.0 prints scores with %.17g and 7.2 (which
// this server follows) with the shortest form.
import { describe } from 'vitest';
import { diffCases, sorted, useDiffPair, type Step } from '../helpers/differential.js';
import type { RespValue } from '../helpers/resp.js';

const pair = useDiffPair();

/**
 * Replies rendered with doubles (RESP3 ',' values, and numeric bulks when `bulks`) reduced to 10 decimals:
 * Redis's 17-decimal text drops digits of small numbers, so neither text is exactly the other's value.
 */
function byValue(bulks: boolean): (v: RespValue) => string {
  const render = (r: RespValue): string => {
    if (r.items) return `${r.type}${r.items.length}[${r.items.map(render).join('|')}]`;
    const text = r.data?.toString('latin1');
    if (text !== undefined && (r.type === ',' || (bulks && r.type === '$')) && text !== '' && !Number.isNaN(Number(text))) {
      return `#${Number(text).toFixed(10)}`;
    }
    return r.raw.toString('latin1');
  };
  return render;
}
/** Coordinates compare exactly: Redis's 17-decimal text in RESP2 bulks and RESP3 doubles alike. */
const coords = (...argv: string[]): Step => ({ argv });
const scores = (...argv: string[]): Step => ({ argv, cmp: { normalize: byValue(true), label: 'scores by value' } });

/** Real places: [longitude, latitude, name]. */
const PLACES: Array<[number, number, string]> = [
  [13.361389, 38.115556, 'Palermo'],
  [15.087269, 37.502669, 'Catania'],
  [12.496366, 41.902782, 'Rome'],
  [9.189982, 45.464204, 'Milan'],
  [2.352222, 48.856613, 'Paris'],
  [-0.127758, 51.507351, 'London'],
  [13.404954, 52.520008, 'Berlin'],
  [-3.70379, 40.416775, 'Madrid'],
  [4.904139, 52.367573, 'Amsterdam'],
  [16.373819, 48.208174, 'Vienna'],
  [-73.935242, 40.73061, 'New York'],
  [-118.243683, 34.052235, 'Los Angeles'],
  [-87.629799, 41.878113, 'Chicago'],
  [-122.419418, 37.774929, 'San Francisco'],
  [-46.633308, -23.55052, 'Sao Paulo'],
  [-58.381592, -34.603722, 'Buenos Aires'],
  [139.691711, 35.689487, 'Tokyo'],
  [151.209290, -33.868820, 'Sydney'],
  [174.763336, -36.848461, 'Auckland'],
  [-171.76666, -13.83333, 'Apia'],
  [178.441895, -18.141600, 'Suva'],
  [-179.9, 51.8, 'Adak west'],
  [179.9, 51.8, 'Adak east'],
  [37.617298, 55.755825, 'Moscow'],
  [77.209023, 28.613939, 'New Delhi'],
  [116.407394, 39.904211, 'Beijing'],
  [103.819839, 1.352083, 'Singapore'],
  [18.423300, -33.918861, 'Cape Town'],
  [31.235712, 30.044420, 'Cairo'],
  [-21.942400, 64.146600, 'Reykjavik'],
  [15.6356, 78.2232, 'Longyearbyen'],
  [-62.3481, 82.5018, 'Alert'],
  [166.6863, -77.8419, 'McMurdo'],
  [0, 85.05112878, 'North edge'],
  [0, -85.05112878, 'South edge'],
  [180, 0, 'Antimeridian east'],
  [-180, 0, 'Antimeridian west'],
  [0, 0, 'Null Island'],
];
const placeArgs = PLACES.flatMap(([lon, lat, name]) => [String(lon), String(lat), name]);
const names = PLACES.map((p) => p[2]);

/** A deterministic scatter: uniform points plus a few dense clusters. */
function scatter(seed: number, n: number): string[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let lon: number;
    let lat: number;
    if (i % 3 === 0) {
      lon = -180 + rnd() * 360;
      lat = -85 + rnd() * 170;
    } else {
      const c = i % 5;
      lon = [-122.4, 2.35, 139.7, -179.95, 10][c] + (rnd() - 0.5) * 0.6;
      lat = [37.77, 48.85, 35.68, -16, 84.9][c] + (rnd() - 0.5) * 0.3;
      lon = Math.max(-180, Math.min(180, lon));
    }
    out.push(lon.toFixed(6), lat.toFixed(6), `p${i}`);
  }
  return out;
}

describe('geo: adding and reading', () => {
  diffCases('geoadd zscore geopos geodist geohash', pair, [
    ['GEOADD', 'g', ...placeArgs],
    ['ZCARD', 'g'],
    ...names.map((n) => ['ZSCORE', 'g', n]),
    coords('GEOPOS', 'g', ...names, 'nowhere'),
    ['GEOHASH', 'g', ...names, 'nowhere'],
    ['GEODIST', 'g', 'Palermo', 'Catania'],
    ['GEODIST', 'g', 'Palermo', 'Catania', 'km'],
    ['GEODIST', 'g', 'Palermo', 'Catania', 'MI'],
    ['GEODIST', 'g', 'Palermo', 'Catania', 'ft'],
    ['GEODIST', 'g', 'London', 'New York', 'km'],
    ['GEODIST', 'g', 'Adak west', 'Adak east', 'm'],
    ['GEODIST', 'g', 'North edge', 'South edge', 'km'],
    ['GEODIST', 'g', 'Antimeridian east', 'Antimeridian west'],
    ['GEODIST', 'g', 'Tokyo', 'Tokyo'],
    ['GEODIST', 'g', 'Sydney', 'Auckland', 'km'],
    ['GEODIST', 'g', 'Palermo', 'nowhere'],
    ['GEODIST', 'missing', 'a', 'b'],
    ['GEODIST', 'g', 'Palermo', 'Catania', 'furlong'],
    ['GEODIST', 'g', 'Palermo', 'Catania', 'km', 'extra'],
    ['GEOPOS', 'missing', 'a', 'b'],
    ['GEOHASH', 'missing', 'a', 'b'],
    ['GEOHASH', 'g'],
    ['GEOPOS', 'g'],
  ]);

  diffCases('geoadd options and argument errors', pair, [
    ['GEOADD', 'o', '13.361389', '38.115556', 'a'],
    ['GEOADD', 'o', 'NX', '1', '1', 'a', '2', '2', 'b'],
    ['GEOADD', 'o', 'XX', '3', '3', 'a', '4', '4', 'c'],
    ['GEOADD', 'o', 'XX', 'CH', '5', '5', 'a', '4', '4', 'c'],
    ['GEOADD', 'o', 'CH', '5', '5', 'a', '6', '6', 'd'],
    ['GEOADD', 'o', 'ch', 'nx', '7', '7', 'a', '8', '8', 'e'],
    ['ZRANGE', 'o', '0', '-1', 'WITHSCORES'],
    coords('GEOPOS', 'o', 'a', 'b', 'c', 'd', 'e'),
    ['GEOADD', 'o', 'NX', 'XX', '1', '1', 'a'],
    ['GEOADD', 'o', '1', '1', 'a', '2'],
    ['GEOADD', 'o', 'GT', '1', '1', 'a'],
    ['GEOADD', 'o', '200', '100', 'x'],
    ['GEOADD', 'o', '180.0000001', '0', 'x'],
    ['GEOADD', 'o', '0', '85.06', 'x'],
    ['GEOADD', 'o', '0', '-85.0511288', 'x'],
    ['GEOADD', 'o', '-inf', '0', 'x'],
    ['GEOADD', 'o', 'abc', '0', 'x'],
    ['GEOADD', 'o', '0', 'nan', 'x'],
    ['GEOADD', 'o', '1', '1', 'ok', '999', '0', 'bad'],
    ['ZSCORE', 'o', 'ok'],
    ['GEOADD', 'o', '180', '85.05112878', 'ne', '-180', '-85.05112878', 'sw', '180', '-85.05112878', 'se'],
    ['ZSCORE', 'o', 'ne'],
    ['ZSCORE', 'o', 'sw'],
    ['ZSCORE', 'o', 'se'],
    coords('GEOPOS', 'o', 'ne', 'sw', 'se'),
    ['GEOHASH', 'o', 'ne', 'sw', 'se'],
    ['SET', 'str', 'v'],
    ['GEOADD', 'str', '1', '1', 'a'],
    ['GEOPOS', 'str', 'a'],
    ['GEODIST', 'str', 'a', 'b'],
    ['GEOHASH', 'str', 'a'],
    ['GEOSEARCH', 'str', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'],
    ['GEORADIUS', 'str', '0', '0', '1', 'km'],
    ['ZADD', 'plain', '-5', 'neg', '1e300', 'huge', '0.5', 'half'],
    coords('GEOPOS', 'plain', 'neg', 'huge', 'half'),
    ['GEOHASH', 'plain', 'half'],
  ]);
});

describe('geo: find nearby', () => {
  const search: Step[] = [];
  const centres = ['Palermo', 'Paris', 'New York', 'Tokyo', 'Suva', 'Adak east', 'Alert', 'McMurdo', 'Null Island'];
  const radii: Array<[string, string]> = [['0', 'm'], ['50', 'km'], ['500', 'km'], ['2000', 'km'], ['300', 'mi'], ['5000000', 'ft'], ['21000', 'km']];
  for (const c of centres) {
    for (const [r, u] of radii) {
      search.push(sorted('GEOSEARCH', 'g', 'FROMMEMBER', c, 'BYRADIUS', r, u));
      search.push(['GEOSEARCH', 'g', 'FROMMEMBER', c, 'BYRADIUS', r, u, 'ASC', 'WITHDIST', 'WITHHASH']);
      search.push(['GEORADIUSBYMEMBER', 'g', c, r, u, 'DESC', 'WITHDIST']);
      search.push(['GEOSEARCH', 'g', 'FROMMEMBER', c, 'BYBOX', r, String(Number(r) / 2), u, 'ASC', 'WITHDIST']);
      search.push(['GEOSEARCH', 'g', 'FROMMEMBER', c, 'BYRADIUS', r, u, 'COUNT', '3', 'WITHDIST']);
    }
  }
  diffCases('searches around real places', pair, [['GEOADD', 'g', ...placeArgs], ...search], { timeout: 30000 });

  const pts = scatter(2024, 900);
  const adds: string[][] = [];
  for (let i = 0; i < pts.length; i += 300) adds.push(['GEOADD', 'r', ...pts.slice(i, i + 300)]);
  const probes: Step[] = [];
  const spots: Array<[string, string]> = [['-122.4', '37.77'], ['2.35', '48.85'], ['139.7', '35.68'], ['-179.99', '-16'], ['179.99', '-16'], ['10', '84.95'], ['10', '-84.9'], ['0', '0']];
  for (const [lon, lat] of spots) {
    for (const [r, u] of [['100', 'm'], ['5', 'km'], ['30', 'km'], ['100', 'mi'], ['3000', 'km']]) {
      probes.push(sorted('GEOSEARCH', 'r', 'FROMLONLAT', lon, lat, 'BYRADIUS', r, u));
      probes.push(['GEORADIUS', 'r', lon, lat, r, u, 'ASC', 'WITHDIST', 'COUNT', '20']);
      probes.push(sorted('GEOSEARCH', 'r', 'FROMLONLAT', lon, lat, 'BYBOX', r, r, u));
      probes.push(['GEOSEARCH', 'r', 'FROMLONLAT', lon, lat, 'BYBOX', String(Number(r) * 2), r, u, 'DESC', 'WITHDIST']);
      probes.push(['GEOSEARCH', 'r', 'FROMLONLAT', lon, lat, 'BYRADIUS', r, u, 'COUNT', '5', 'ANY', 'ASC']);
    }
  }
  diffCases('searches over a random scatter', pair, [...adds, ['ZCARD', 'r'], ...probes], { timeout: 30000 });
});

describe('geo: results and options', () => {
  diffCases('reply shapes', pair, [
    ['GEOADD', 's', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
    coords('GEOSEARCH', 's', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC', 'WITHCOORD', 'WITHDIST', 'WITHHASH'),
    coords('GEORADIUS', 's', '15', '37', '200', 'km', 'WITHCOORD', 'DESC'),
    ['GEOSEARCH', 's', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC', 'WITHHASH'],
    ['GEOSEARCH', 's', 'FROMLONLAT', '15', '37', 'BYRADIUS', '1', 'm'],
    ['GEOSEARCH', 's', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'COUNT', '1'],
    ['GEOSEARCH', 's', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'COUNT', '1', 'DESC'],
    ['GEOSEARCH', 's', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'COUNT', '5', 'ANY', 'ASC'],
    ['GEOSEARCH', 's', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '0', 'km', 'WITHDIST'],
    ['GEORADIUSBYMEMBER_RO', 's', 'Palermo', '200', 'KM', 'ASC', 'WITHDIST'],
    ['GEORADIUS_RO', 's', '15', '37', '200', 'Km', 'ASC'],
    ['GEOSEARCH', 'missing', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'],
    ['GEOSEARCH', 'missing', 'FROMMEMBER', 'x', 'BYRADIUS', '200', 'km'],
    ['GEORADIUSBYMEMBER', 'missing', 'x', '200', 'km'],
  ]);

  diffCases('stores', pair, [
    ['GEOADD', '{t}s', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania', '12.496366', '41.902782', 'Rome'],
    ['GEOSEARCHSTORE', '{t}d', '{t}s', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'],
    ['ZRANGE', '{t}d', '0', '-1', 'WITHSCORES'],
    ['GEOSEARCHSTORE', '{t}d', '{t}s', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST'],
    scores('ZRANGE', '{t}d', '0', '-1', 'WITHSCORES'),
    ['GEOSEARCHSTORE', '{t}d', '{t}s', 'FROMMEMBER', 'Rome', 'BYBOX', '2000', '2000', 'km', 'COUNT', '2', 'DESC', 'STOREDIST'],
    scores('ZRANGE', '{t}d', '0', '-1', 'WITHSCORES'),
    ['OBJECT', 'ENCODING', '{t}d'],
    ['GEOSEARCHSTORE', '{t}d', '{t}s', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'm'],
    ['EXISTS', '{t}d'],
    ['GEOSEARCHSTORE', '{t}d', '{t}missing', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'm'],
    ['GEOSEARCHSTORE', '{t}d', '{t}s', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'WITHDIST'],
    ['GEORADIUS', '{t}s', '15', '37', '200', 'km', 'STORE', '{t}r'],
    ['ZRANGE', '{t}r', '0', '-1', 'WITHSCORES'],
    ['GEORADIUS', '{t}s', '15', '37', '200', 'km', 'STOREDIST', '{t}r', 'COUNT', '1'],
    scores('ZRANGE', '{t}r', '0', '-1', 'WITHSCORES'),
    ['GEORADIUSBYMEMBER', '{t}s', 'Rome', '1000', 'km', 'STORE', '{t}r', 'ASC'],
    ['ZRANGE', '{t}r', '0', '-1'],
    ['GEORADIUS', '{t}s', '15', '37', '200', 'km', 'STORE', '{t}r', 'WITHCOORD'],
    ['GEORADIUSBYMEMBER', '{t}missing', 'Rome', '1000', 'km', 'STORE', '{t}r'],
    ['EXISTS', '{t}r'],
    ['GEORADIUS_RO', '{t}s', '15', '37', '200', 'km', 'STORE', '{t}r'],
    ['GEORADIUSBYMEMBER_RO', '{t}s', 'Rome', '200', 'km', 'STOREDIST', '{t}r'],
    ['GEOSEARCH', '{t}s', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STORE', '{t}r'],
  ]);

  diffCases('argument errors', pair, [
    ['GEOADD', 'e', '13.361389', '38.115556', 'Palermo'],
    ['GEOSEARCH', 'e', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'e', 'BYRADIUS', '1', 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'ASC', 'WITHHASH'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'BYBOX', '1', '1', 'km'],
    ['GEOSEARCH', 'e', 'FROMMEMBER', 'Palermo', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'e', 'FROMMEMBER', 'nowhere', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '100', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '-1', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', 'far', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'parsec'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYBOX', 'w', '1', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYBOX', '1', 'h', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYBOX', '1', '-1', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'COUNT', '0'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'COUNT', '-3'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'COUNT', 'x'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'ANY'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'COUNT'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'STOREDIST'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'bogus'],
    ['GEORADIUS', 'e', '1', '1', '-1', 'km'],
    ['GEORADIUS', 'e', '200', '1', '1', 'km'],
    ['GEORADIUS', 'e', '1', '1', '1', 'yd'],
    ['GEORADIUS', 'e', '1', '1', '1', 'km', 'ANY'],
    ['GEORADIUS', 'e', '1', '1', '1', 'km', 'COUNT', '0'],
    ['GEORADIUS', 'e', '1', '1', '1', 'km', 'STORE'],
    ['GEORADIUSBYMEMBER', 'e', 'nowhere', '1', 'km'],
    ['GEORADIUSBYMEMBER', 'e', 'Palermo', 'x', 'km'],
    ['GEOSEARCHSTORE', 'd', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'WITHHASH'],
    ['geosearch', 'e', 'BYRADIUS', '1', 'km', 'ASC', 'DESC'],
    ['GeoSearchStore', 'd', 'e', 'FROMLONLAT', '1', '1', 'ASC', 'DESC'],
    ['GEOSEARCHSTORE', 'd', 'e', 'BYBOX', '1', '1', 'km', 'ASC'],
    ['GEOSEARCHSTORE', 'd', 'e', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '1', 'km', 'STOREDIST', 'STOREDIST'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'FROMLONLAT', '2', '2', 'BYRADIUS', '1', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'BYRADIUS', '2', 'km'],
    ['GEOSEARCH', 'e', 'FROMLONLAT', '1', '1', 'BYRADIUS', '1', 'km', 'COUNT', '2', 'COUNT', '0'],
    ['GEORADIUS', 'e', '1', '1', '1', 'km', 'STORE', 'a', 'STOREDIST', 'b', 'WITHDIST'],
    ['GEORADIUS', 'e', '1', '1', '1', 'km', 'FROMMEMBER', 'Palermo'],
  ]);
});

describe('geo: edge cases', () => {
  diffCases('poles, antimeridian, huge and zero radii', pair, [
    [
      'GEOADD', 'x', '179.9999', '10', 'e1', '-179.9999', '10', 'w1', '180', '10', 'e2', '-180', '10', 'w2', '0',
      '85.05112878', 'np', '90', '85', 'np2', '0', '-85.05112878', 'sp', '-90', '-85', 'sp2', '0', '0', 'o',
    ],
    sorted('GEOSEARCH', 'x', 'FROMLONLAT', '180', '10', 'BYRADIUS', '50', 'km'),
    ['GEOSEARCH', 'x', 'FROMLONLAT', '-180', '10', 'BYRADIUS', '50', 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '179.9', '10', 'BYBOX', '100', '100', 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '0', '85', 'BYRADIUS', '1000', 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '0', '-85', 'BYRADIUS', '1000', 'km', 'DESC', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '45', '85.05', 'BYBOX', '4000', '100', 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '0', '0', 'BYRADIUS', '0', 'm', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMMEMBER', 'e1', 'BYRADIUS', '0', 'm', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMMEMBER', 'o', 'BYBOX', '0', '0', 'm', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '0', '0', 'BYRADIUS', '40000', 'km', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1e10', 'km', 'DESC'],
    ['GEOSEARCH', 'x', 'FROMLONLAT', '0', '0', 'BYBOX', '1e5', '1e5', 'km', 'ASC'],
    sorted('GEOSEARCH', 'x', 'FROMLONLAT', '0', '0', 'BYRADIUS', '20015', 'km'),
    ['GEORADIUS', 'x', '0', '0', '25000', 'mi', 'WITHDIST', 'ASC', 'COUNT', '4'],
    ['GEODIST', 'x', 'np', 'sp', 'km'],
    ['GEODIST', 'x', 'e2', 'w2'],
    ['GEODIST', 'x', 'e1', 'w1'],
    ['GEOHASH', 'x', 'e1', 'w1', 'e2', 'w2', 'np', 'np2', 'sp', 'sp2', 'o'],
    coords('GEOPOS', 'x', 'e1', 'w1', 'e2', 'w2', 'np', 'np2', 'sp', 'sp2', 'o'),
  ]);

  // A centre on the top edge of the index (longitude 180, latitude 85.05112878) has a cell index that
  // carries into the next bit; the neighbour cells keep or drop that carry exactly as Redis's do.
  const edge = (lon: string, lat: string, ...by: string[]) => ['GEOSEARCH', 'y', 'FROMLONLAT', lon, lat, ...by, 'ASC', 'WITHDIST'];
  diffCases('searches centred on the top edge', pair, [
    [
      'GEOADD', 'y', '180', '10', 'a', '179.99999', '10', 'b', '-180', '10', 'c', '-179.99999', '10', 'd', '180',
      '85.05112878', 'e', '180', '-85.05112878', 'f', '-180', '85.05112878', 'g', '0', '85.05112878', 'h', '179.9',
      '85', 'i', '-179.9', '85', 'j', '180', '0', 'k',
    ],
    ...['0', '1', '10', '1000', '100000', '3000000'].map((r) => edge('180', '10', 'BYRADIUS', r, 'm')),
    ...['0', '1', '100000', '1000000'].map((r) => edge('180', '85.05112878', 'BYRADIUS', r, 'm')),
    ...['0', '50000'].map((r) => edge('0', '85.05112878', 'BYRADIUS', r, 'm')),
    ...['0', '500000'].map((r) => edge('180', '-85.05112878', 'BYRADIUS', r, 'm')),
    edge('-180', '85.05112878', 'BYRADIUS', '1', 'm'),
    edge('180', '10', 'BYBOX', '0', '0', 'm'),
    edge('180', '10', 'BYBOX', '10', '10', 'km'),
    edge('180', '0', 'BYBOX', '3000', '3000', 'km'),
    ['GEOSEARCH', 'y', 'FROMMEMBER', 'e', 'BYRADIUS', '0', 'm', 'ASC', 'WITHDIST'],
    ['GEOSEARCH', 'y', 'FROMMEMBER', 'k', 'BYRADIUS', '10', 'm', 'ASC', 'WITHDIST'],
  ]);

  // Equidistant members: a full sort keeps the scan order, a COUNT-limited one follows the partial sort.
  const ties: string[] = [];
  for (let i = 0; i < 12; i++) ties.push('10.5', '45.5', `dup${i}`);
  for (let i = 0; i < 30; i++) ties.push(String(10.5 + (i % 7) * 0.01), String(45.5 - (i % 5) * 0.01), `near${i}`);
  diffCases('equal distances', pair, [
    ['GEOADD', 't', ...ties],
    ['GEOSEARCH', 't', 'FROMLONLAT', '10.5', '45.5', 'BYRADIUS', '1', 'm', 'ASC'],
    ['GEOSEARCH', 't', 'FROMLONLAT', '10.5', '45.5', 'BYRADIUS', '1', 'm', 'DESC'],
    ['GEOSEARCH', 't', 'FROMLONLAT', '10.5', '45.5', 'BYRADIUS', '1', 'm', 'COUNT', '3'],
    ['GEOSEARCH', 't', 'FROMLONLAT', '10.5', '45.5', 'BYRADIUS', '100', 'km', 'COUNT', '15'],
    ['GEOSEARCH', 't', 'FROMLONLAT', '10.5', '45.5', 'BYRADIUS', '100', 'km', 'COUNT', '40', 'DESC'],
    ['GEOSEARCH', 't', 'FROMLONLAT', '10.53', '45.48', 'BYBOX', '100', '100', 'km', 'COUNT', '20', 'WITHDIST'],
    ['GEORADIUS', 't', '10.5', '45.5', '100', 'km', 'COUNT', '9', 'STORE', 'tout'],
    ['ZRANGE', 'tout', '0', '-1'],
  ]);
});
