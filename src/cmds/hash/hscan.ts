// HSCAN key cursor [MATCH pattern] [COUNT count] - incremental iteration over a hash's fields and values.
// A small (listpack) hash is returned whole in one call with cursor 0, as Redis does; a larger one is
// walked COUNT pairs a call through the database's parked-iterator cursors (keyspace/scan-cursors.ts),
// then filtered by MATCH on the field. The reply is [cursor, flat field/value array] in RESP2 and RESP3.
// Redis counterpart: hscanCommand and scanGenericCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { matchesEverything, stringMatch } from '../../util/glob.js';
import { optionName } from '../generic/args.js';
import { parseScanCursor } from '../generic/scan-cursor.js';
import { lookupHashRead } from './hash-access.js';

const DEFAULT_COUNT = 10;
/** COUNT is a C long; a page larger than this would only build a huge reply in one call anyway. */
const MAX_VISIT = 0x7fffffff;

export default defineCommand('hscan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return ['0', []];
  if (h instanceof ErrorReply) return h;
  let count = DEFAULT_COUNT;
  let pattern: string | null = null;
  for (let i = 3; i < argv.length; i += 2) {
    const opt = optionName(argv[i]);
    if (argv.length - i < 2) return ERR_SYNTAX;
    if (opt === 'count') {
      const n = parseI64(argv[i + 1]);
      if (n === null) return ERR_NOT_INTEGER;
      if (n < 1n) return ERR_SYNTAX;
      count = n > BigInt(MAX_VISIT) ? MAX_VISIT : Number(n);
    } else if (opt === 'match') {
      pattern = matchesEverything(argv[i + 1]) ? null : argv[i + 1];
    } else {
      return ERR_SYNTAX;
    }
  }

  const items: string[] = [];
  const keep = (f: string, v: string): void => {
    if (pattern === null || stringMatch(pattern, f)) items.push(f, v);
  };
  if (h.isListpack) {
    h.forEach(keep);
    return ['0', items];
  }
  const next = ctx.db.cursors.scan<[string, number]>(cursor, h.scanSource, count, (entry) => {
    keep(entry[0], h.valueOfPosition(entry[1]));
  });
  return [next.toString(), items];
});
