// SSCAN key cursor [MATCH pattern] [COUNT count] - incremental iteration over a set's members. A small
// (intset or listpack) set comes back whole with cursor 0, as in Redis; a hashtable set is walked
// through the database's parked Map iterators (keyspace/scan-cursors.ts). The cursor is checked before
// the key, the options only once the key is known to be a set. Redis counterpart: sscanCommand and
// scanGenericCommand (t_set.c, db.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR } from '../../protocol/errors.js';
import { stringMatch } from '../../util/glob.js';
import { parseScanCursor, parseScanOptions } from '../generic/scan-cursor.js';
import { lookupSetRead } from './set-access.js';

export default defineCommand('sscan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const set = lookupSetRead(ctx, argv[1]);
  if (set === undefined) return ['0', []];
  if (set instanceof ErrorReply) return set;
  const opts = parseScanOptions(argv, 3);
  if (opts instanceof ErrorReply) return opts;
  const { count, pattern } = opts;

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
