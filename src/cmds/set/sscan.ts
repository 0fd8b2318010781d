// SSCAN key cursor [MATCH pattern] [COUNT count] - incremental iteration over a set's members. A small
// (intset or listpack) set comes back whole with cursor 0, as in Redis; a hashtable set is walked
// through the database's parked Map iterators (keyspace/scan-cursors.ts). The cursor is checked before
// the key, the options only once the key is known to be a set. Redis counterpart: sscanCommand and
// scanGenericCommand (t_set.c, db.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { matchesEverything, stringMatch } from '../../util/glob.js';
import { optionName } from '../generic/args.js';
import { parseScanCursor } from '../generic/scan-cursor.js';
import { lookupSetRead } from './set-access.js';

const DEFAULT_COUNT = 10;
/** COUNT is a C long; larger pages than this would only build a huge reply in one call anyway. */
const MAX_VISIT = 0x7fffffff;

export default defineCommand('sscan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const set = lookupSetRead(ctx, argv[1]);
  if (set === undefined) return ['0', []];
  if (set instanceof ErrorReply) return set;
  let count = DEFAULT_COUNT;
  let pattern: string | null = null;
  for (let i = 3; i < argv.length; i += 2) {
    const opt = optionName(argv[i]);
    const hasValue = i + 1 < argv.length;
    if (opt === 'count' && hasValue) {
      const n = parseI64(argv[i + 1]);
      if (n === null) return ERR_NOT_INTEGER;
      if (n < 1n) return ERR_SYNTAX;
      count = n > BigInt(MAX_VISIT) ? MAX_VISIT : Number(n);
    } else if (opt === 'match' && hasValue) {
      pattern = matchesEverything(argv[i + 1]) ? null : argv[i + 1];
    } else {
      return ERR_SYNTAX;
    }
  }

  const found: string[] = [];
  let next = 0n;
  if (set.isSmall) {
    set.forEach((m) => found.push(m));
  } else {
    next = ctx.db.cursors.scan<[string, number]>(cursor, set.scanSource, count, (entry) => {
      found.push(entry[0]);
    });
  }
  const members = pattern === null ? found : found.filter((m) => stringMatch(pattern!, m));
  return [next.toString(), members];
});
