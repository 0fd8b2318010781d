// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] - incremental iteration over the keyspace.
// Each call visits COUNT entries of the database (from the parked iterator the cursor names, see
// keyspace/scan-cursors.ts) and then filters them, so a page may hold fewer keys than COUNT, or none,
// before the final cursor 0. Keys found expired are deleted, as Redis does. An unknown TYPE name
// matches nothing (Redis 7 does not reject it). Redis counterpart: scanCommand/scanGenericCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import type { Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { stringMatch, matchesEverything } from '../../util/glob.js';
import { typeName, type RValue } from '../../keyspace/value.js';
import { optionName } from './args.js';
import { lookupReadNoTouch } from './key-access.js';
import { parseScanCursor } from './scan-cursor.js';

const DEFAULT_COUNT = 10;
/** COUNT is a C long; larger pages than this would only build a huge reply in one call anyway. */
const MAX_VISIT = 0x7fffffff;

export default defineCommand('scan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[1]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  let count = DEFAULT_COUNT;
  let pattern: string | null = null;
  let type: string | null = null;
  for (let i = 2; i < argv.length; ) {
    const opt = optionName(argv[i]);
    const hasValue = argv.length - i >= 2;
    if (opt === 'count' && hasValue) {
      const n = parseI64(argv[i + 1]);
      if (n === null) return ERR_NOT_INTEGER;
      if (n < 1n) return ERR_SYNTAX;
      count = n > BigInt(MAX_VISIT) ? MAX_VISIT : Number(n);
    } else if (opt === 'match' && hasValue) {
      pattern = matchesEverything(argv[i + 1]) ? null : argv[i + 1];
    } else if (opt === 'type' && hasValue) {
      type = optionName(argv[i + 1]);
    } else {
      return ERR_SYNTAX;
    }
    i += 2;
  }

  const db = ctx.db;
  const candidates: string[] = [];
  const next = db.cursors.scan<[string, RValue]>(cursor, db.dict, count, (entry) => {
    candidates.push(entry[0]);
  });

  const keys: string[] = [];
  for (const key of candidates) {
    if (pattern !== null && !stringMatch(pattern, key)) continue;
    if (type !== null) {
      // Redis reads the type through a normal (non-touching) lookup, counting a hit or miss.
      const v = lookupReadNoTouch(ctx, key);
      if ((v === undefined ? 'none' : typeName(v)) !== type) continue;
    }
    if (db.expireIfNeeded(key, ctx.now)) continue;
    keys.push(key);
  }
  return [next.toString(), keys];
});
