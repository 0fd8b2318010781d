// The engine behind GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and their _RO forms:
// option parsing with Redis's precedence and error order, the 9-cell scan of the sorted set, the shape
// filter, sorting, COUNT [ANY], and the reply or the stored result. Counterpart: georadiusGeneric,
// membersOfAllNeighbors and geoGetPointsInRange in Redis's geo.c.
import { ZsetValue } from '../../datatypes/zset.js';
import {
  decodeScore,
  distanceIfInShape,
  scoresOfCell,
  searchCells,
  type GeoShape,
} from '../../datatypes/geohash.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';
import { optionName } from '../generic/args.js';
import { lookupZsetRead } from '../sorted-set/zset-access.js';
import { zsetFromEntries } from '../sorted-set/zrange-generic.js';
import { coordReply, distanceReply } from './geo-reply.js';
import { partialSort } from './geo-sort.js';
import {
  ERR_ANY_COUNT,
  ERR_COUNT_POSITIVE,
  ERR_DECODE_MEMBER,
  readBox,
  readDistance,
  readLongLat,
} from './errors.js';

/** Which command family is asking (Redis's RADIUS_COORDS, RADIUS_MEMBER, GEOSEARCH flags). */
export type SearchKind = 'radius' | 'radius-member' | 'search' | 'searchstore';

interface GeoPoint {
  member: string;
  score: number;
  lon: number;
  lat: number;
  dist: number;
}

/** sort_gp_asc / sort_gp_desc: by distance only, ties left to the sort. */
const sortAsc = (a: GeoPoint, b: GeoPoint): number => (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1);
const sortDesc = (a: GeoPoint, b: GeoPoint): number => (a.dist < b.dist ? 1 : a.dist === b.dist ? 0 : -1);

/** longLatFromMember: the decoded position of a member, or null when it is absent. */
export function memberPosition(z: ZsetValue, member: string): [number, number] | null {
  const score = z.score(member);
  return score === undefined ? null : decodeScore(score);
}

/**
 * geoGetPointsInRange: members with scores in [min, max), in ascending order, that lie inside the
 * shape; stops once `limit` points are collected (0 = no limit).
 */
function pointsInRange(z: ZsetValue, min: number, max: number, shape: GeoShape, out: GeoPoint[], limit: number): void {
  const size = z.size;
  for (let rank = z.firstRank((s) => s >= min); rank < size; rank++) {
    const [member, score] = z.at(rank);
    if (score >= max) break;
    const [lon, lat] = decodeScore(score);
    const dist = distanceIfInShape(shape, lon, lat);
    if (dist >= 0) {
      out.push({ member, score, lon, lat, dist });
      if (limit > 0 && out.length >= limit) break;
    }
  }
}

/** membersOfAllNeighbors: visits the cells in order, skipping zeroed cells and a repeat of the last one. */
function membersOfAllNeighbors(z: ZsetValue, shape: GeoShape, limit: number): GeoPoint[] {
  const cells = searchCells(shape);
  const out: GeoPoint[] = [];
  let last = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.lat === 0 && c.lon === 0 && c.step === 0) continue;
    // Huge radii make neighbours coincide; only the previous visited cell is compared, and never the
    // centre (index 0), exactly as Redis does.
    const prev = cells[last];
    if (last !== 0 && c.lat === prev.lat && c.lon === prev.lon && c.step === prev.step) continue;
    if (out.length > 0 && limit > 0 && out.length >= limit) break;
    const [min, max] = scoresOfCell(c);
    pointsInRange(z, min, max, shape, out, limit);
    last = i;
  }
  return out;
}

/** georadiusGeneric. `srcIdx` is the source key's position; GEOSEARCHSTORE's destination is argv[1]. */
export function georadiusGeneric(
  ctx: CommandContext,
  argv: string[],
  srcIdx: number,
  kind: SearchKind,
  nostore: boolean,
): Reply {
  const found = lookupZsetRead(ctx, argv[srcIdx]);
  if (found instanceof ErrorReply) return found;
  const z = found;
  const isSearch = kind === 'search' || kind === 'searchstore';

  let storekey: string | null = null;
  let storedist = false;
  let baseArgs: number;
  let lon = 0;
  let lat = 0;
  let conversion = 1;
  let radius = 0;
  let width = 0;
  let height = 0;
  let isBox = false;

  if (kind === 'radius') {
    baseArgs = 6;
    const ll = readLongLat(argv[2], argv[3]);
    if (ll instanceof ErrorReply) return ll;
    [lon, lat] = ll;
    const d = readDistance(argv[4], argv[5]);
    if (d instanceof ErrorReply) return d;
    [radius, conversion] = d;
  } else if (kind === 'radius-member') {
    baseArgs = 5;
    // Without a source key the arguments are still parsed, to pick the reply the STORE option implies.
    if (z !== undefined) {
      const pos = memberPosition(z, argv[2]);
      if (pos === null) return ERR_DECODE_MEMBER;
      [lon, lat] = pos;
      const d = readDistance(argv[3], argv[4]);
      if (d instanceof ErrorReply) return d;
      [radius, conversion] = d;
    }
  } else {
    baseArgs = kind === 'searchstore' ? 3 : 2;
    if (kind === 'searchstore') storekey = argv[1];
  }

  let withdist = false;
  let withhash = false;
  let withcoords = false;
  let frommember = false;
  let fromloc = false;
  let byradius = false;
  let bybox = false;
  let sort: 'none' | 'asc' | 'desc' = 'none';
  let any = false;
  let count = 0;
  const remaining = argv.length - baseArgs;
  for (let i = 0; i < remaining; i++) {
    const at = baseArgs + i;
    const arg = optionName(argv[at]);
    if (arg === 'withdist') withdist = true;
    else if (arg === 'withhash') withhash = true;
    else if (arg === 'withcoord') withcoords = true;
    else if (arg === 'any') any = true;
    else if (arg === 'asc') sort = 'asc';
    else if (arg === 'desc') sort = 'desc';
    else if (arg === 'count' && i + 1 < remaining) {
      const n = parseI64(argv[at + 1]);
      if (n === null) return ERR_NOT_INTEGER;
      if (n <= 0n) return ERR_COUNT_POSITIVE;
      count = Number(n);
      i++;
    } else if ((arg === 'store' || arg === 'storedist') && i + 1 < remaining && !nostore && !isSearch) {
      storekey = argv[at + 1];
      storedist = arg === 'storedist';
      i++;
    } else if (arg === 'storedist' && kind === 'searchstore') {
      storedist = true;
    } else if (arg === 'frommember' && i + 1 < remaining && isSearch && !fromloc) {
      if (z !== undefined) {
        const pos = memberPosition(z, argv[at + 1]);
        if (pos === null) return ERR_DECODE_MEMBER;
        [lon, lat] = pos;
      }
      frommember = true;
      i++;
    } else if (arg === 'fromlonlat' && i + 2 < remaining && isSearch && !frommember) {
      const ll = readLongLat(argv[at + 1], argv[at + 2]);
      if (ll instanceof ErrorReply) return ll;
      [lon, lat] = ll;
      fromloc = true;
      i += 2;
    } else if (arg === 'byradius' && i + 2 < remaining && isSearch && !bybox) {
      const d = readDistance(argv[at + 1], argv[at + 2]);
      if (d instanceof ErrorReply) return d;
      [radius, conversion] = d;
      isBox = false;
      byradius = true;
      i += 2;
    } else if (arg === 'bybox' && i + 3 < remaining && isSearch && !byradius) {
      const b = readBox(argv[at + 1], argv[at + 2], argv[at + 3]);
      if (b instanceof ErrorReply) return b;
      [width, height, conversion] = b;
      isBox = true;
      bybox = true;
      i += 3;
    } else {
      return ERR_SYNTAX;
    }
  }

  if (storekey !== null && (withdist || withhash || withcoords)) {
    const who = kind === 'searchstore' ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    return errorReply(`ERR ${who} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if (isSearch && !(frommember || fromloc)) {
    return errorReply(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0]}`);
  }
  if (isSearch && !(byradius || bybox)) {
    return errorReply(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0]}`);
  }
  if (any && count === 0) return ERR_ANY_COUNT;

  if (z === undefined) {
    if (storekey === null) return [];
    deleteStoreKey(ctx, storekey);
    return 0;
  }

  // COUNT means "the nearest N" unless ANY asks for whichever N come first.
  if (count !== 0 && sort === 'none' && !any) sort = 'asc';

  const shape: GeoShape = isBox
    ? { type: 'box', lon, lat, conversion, width, height }
    : { type: 'circle', lon, lat, conversion, radius };
  const points = membersOfAllNeighbors(z, shape, any ? count : 0);
  if (points.length === 0 && storekey === null) return [];

  const returned = count === 0 || points.length < count ? points.length : count;
  if (sort !== 'none') {
    const cmp = sort === 'asc' ? sortAsc : sortDesc;
    if (returned === points.length) points.sort(cmp);
    else partialSort(points, cmp, 0, returned - 1);
  }

  if (storekey === null) {
    const optionCount = (withdist ? 1 : 0) + (withhash ? 1 : 0) + (withcoords ? 1 : 0);
    const out: Reply[] = new Array(returned);
    for (let i = 0; i < returned; i++) {
      const p = points[i];
      if (optionCount === 0) {
        out[i] = p.member;
        continue;
      }
      const item: Reply[] = [p.member];
      if (withdist) item.push(distanceReply(p.dist / conversion));
      if (withhash) item.push(p.score);
      if (withcoords) item.push(coordReply(ctx, p.lon, p.lat));
      out[i] = item;
    }
    return out;
  }

  const entries: Array<[string, number]> = new Array(returned);
  for (let i = 0; i < returned; i++) {
    const p = points[i];
    entries[i] = [p.member, storedist ? p.dist / conversion : p.score];
  }
  const db = ctx.db;
  if (returned > 0) {
    const result = zsetFromEntries(ctx, entries);
    db.lookupWrite(storekey, ctx.now);
    db.set(storekey, result);
    ctx.signalModifiedKey(db, storekey);
    ctx.notify('z', isSearch ? 'geosearchstore' : 'georadiusstore', storekey, db.id);
    ctx.addDirty(returned);
  } else {
    deleteStoreKey(ctx, storekey);
  }
  return returned;
}

/** An empty result deletes the destination, firing "del" when it existed. */
function deleteStoreKey(ctx: CommandContext, key: string): void {
  const db = ctx.db;
  if (db.delete(key)) {
    ctx.signalModifiedKey(db, key);
    ctx.notify('g', 'del', key, db.id);
    ctx.addDirty(1);
  }
}
