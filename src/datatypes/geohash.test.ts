import { describe, expect, test } from 'vitest';
import {
  decodeScore,
  deinterleave,
  distanceIfInShape,
  estimateStepsByRadius,
  formatCoordinate,
  formatDistance,
  formatFixed,
  geoScore,
  geoScoreText,
  geohashDecode,
  geohashEncode,
  geohashGetDistance,
  geohashNeighbors,
  interleave,
  scoresOfCell,
  searchCells,
  standardGeohash,
  WGS84_LAT,
  WGS84_LONG,
} from './geohash.js';

// Reference values were read from redis-server 7.0 (GEOADD then ZSCORE / GEOPOS / GEODIST / GEOHASH).
describe('encoding', () => {
  test('scores of known places', () => {
    expect(geoScore(13.361389, 38.115556)).toBe(3479099956230698);
    expect(geoScore(15.087269, 37.502669)).toBe(3479447370796909);
    expect(geoScoreText(13.361389, 38.115556)).toBe('3479099956230698');
  });

  test('the top corner carries past 52 bits and rounds like the uint64 -> double conversion', () => {
    expect(geoScore(180, 85.05112878)).toBe(13510798882111488);
    expect(Number(BigInt(geoScoreText(180, 85.05112878)!))).toBe(13510798882111488);
    expect(geoScore(-180, -85.05112878)).toBe(0);
  });

  test('points outside the indexable area have no code', () => {
    expect(geoScore(180.0001, 0)).toBeNull();
    expect(geoScore(0, 85.06)).toBeNull();
    expect(geohashEncode(WGS84_LONG, WGS84_LAT, 0, 0, 0)).toBeNull();
  });

  test('interleave and deinterleave are inverse', () => {
    for (const [lat, lon] of [[0, 0], [1, 0], [0, 1], [0x3ffffff, 0x3ffffff], [12345678, 54321], [0x2aaaaaa, 0x1555555]]) {
      expect(deinterleave(interleave(lat, lon))).toEqual([lat, lon]);
    }
    expect(interleave(1, 0)).toBe(1);
    expect(interleave(0, 1)).toBe(2);
  });
});

describe('decoding', () => {
  test('cell centres print as Redis prints them', () => {
    const [lon, lat] = decodeScore(3479099956230698);
    expect(formatCoordinate(lon)).toBe('13.36138933897018433');
    expect(formatCoordinate(lat)).toBe('38.11555639549629859');
    const [elon, elat] = decodeScore(13510798882111488);
    expect(formatCoordinate(elon)).toBe('180');
    expect(formatCoordinate(elat)).toBe('85.0511287799999991');
    const [wlon, wlat] = decodeScore(0);
    expect(formatCoordinate(wlon)).toBe('-179.99999731779098511');
    expect(formatCoordinate(wlat)).toBe('-85.05112751263942528');
  });

  test('a cell contains the point it was encoded from', () => {
    const h = geohashEncode(WGS84_LONG, WGS84_LAT, 2.35, 48.85, 10)!;
    const a = geohashDecode(WGS84_LONG, WGS84_LAT, h);
    expect(a.longitude.min).toBeLessThanOrEqual(2.35);
    expect(a.longitude.max).toBeGreaterThan(2.35);
    expect(a.latitude.min).toBeLessThanOrEqual(48.85);
    expect(a.latitude.max).toBeGreaterThan(48.85);
    const [min, max] = scoresOfCell(h);
    const s = geoScore(2.35, 48.85)!;
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThan(max);
  });

  test('standard geohash strings', () => {
    expect(standardGeohash(3479099956230698)).toBe('sqc8b49rny0');
    expect(standardGeohash(3479447370796909)).toBe('sqdtr74hyu0');
    expect(standardGeohash(13510798882111488)).toBe('bp05b5048p0');
    expect(standardGeohash(0)).toBe('00bh0hbj200');
  });
});

describe('neighbours', () => {
  test('move one cell each way and wrap around the antimeridian', () => {
    const step = 4;
    const h = { lat: 5, lon: 0, step };
    const n = geohashNeighbors(h);
    expect(n.north).toEqual({ lat: 6, lon: 0, step });
    expect(n.south).toEqual({ lat: 4, lon: 0, step });
    expect(n.east).toEqual({ lat: 5, lon: 1, step });
    expect(n.west).toEqual({ lat: 5, lon: 15, step });
    expect(n.southWest).toEqual({ lat: 4, lon: 15, step });
    expect(n.northEast).toEqual({ lat: 6, lon: 1, step });
    const edge = geohashNeighbors({ lat: 3, lon: 16, step });
    expect(edge.north).toEqual({ lat: 4, lon: 16, step });
    expect(edge.east).toEqual({ lat: 3, lon: 1, step });
    expect(edge.west).toEqual({ lat: 3, lon: 15, step });
  });

  test('the search visits the centre first, then N S E W NE NW SE SW', () => {
    const cells = searchCells({ type: 'circle', lon: 15, lat: 37, conversion: 1000, radius: 200 });
    expect(cells).toHaveLength(9);
    const step = cells[0].step;
    const { lat, lon } = cells[0];
    const live = cells.filter((c) => c.step !== 0);
    for (const c of live) expect(c.step).toBe(step);
    if (cells[1].step !== 0) expect(cells[1]).toEqual({ lat: lat + 1, lon, step });
  });

  test('step estimate: zero radius is full precision, huge is coarse, poles are coarser', () => {
    expect(estimateStepsByRadius(0, 0)).toBe(26);
    expect(estimateStepsByRadius(1e9, 0)).toBe(1);
    expect(estimateStepsByRadius(1000, 0)).toBe(estimateStepsByRadius(1000, 70) + 1);
    expect(estimateStepsByRadius(1000, 0)).toBe(estimateStepsByRadius(1000, -85) + 2);
  });
});

describe('distance', () => {
  test('haversine with the Redis earth radius', () => {
    const [lon1, lat1] = decodeScore(3479099956230698);
    const [lon2, lat2] = decodeScore(3479447370796909);
    expect(formatDistance(geohashGetDistance(lon1, lat1, lon2, lat2))).toBe('166274.1516');
    expect(formatDistance(geohashGetDistance(lon1, lat1, lon2, lat2) / 1000)).toBe('166.2742');
    expect(geohashGetDistance(1, 2, 1, 2)).toBe(0);
  });

  test('the shape filters', () => {
    const circle = { type: 'circle' as const, lon: 0, lat: 0, conversion: 1000, radius: 100 };
    expect(distanceIfInShape(circle, 0.5, 0)).toBeGreaterThan(0);
    expect(distanceIfInShape(circle, 1, 0)).toBe(-1);
    const box = { type: 'box' as const, lon: 0, lat: 0, conversion: 1000, width: 400, height: 100 };
    expect(distanceIfInShape(box, 1.5, 0)).toBeGreaterThan(0);
    expect(distanceIfInShape(box, 0, 1)).toBe(-1);
  });
});

describe('number formats', () => {
  test('%f rounds the exact binary value half to even', () => {
    expect(formatFixed(0.03125, 4)).toBe('0.0312');
    expect(formatFixed(0.09375, 4)).toBe('0.0938');
    expect(formatFixed(200, 6)).toBe('200.000000');
    expect(formatFixed(-1.5, 0)).toBe('-2');
    expect(formatFixed(Infinity, 6)).toBe('inf');
    expect(formatFixed(-Infinity, 6)).toBe('-inf');
  });

  test('coordinates trim trailing zeros and print -0 as 0', () => {
    expect(formatCoordinate(180)).toBe('180');
    expect(formatCoordinate(-0)).toBe('0');
    expect(formatCoordinate(0.5)).toBe('0.5');
  });
});
