// HSCAN key cursor [MATCH pattern] [COUNT count] - incremental iteration over a hash's fields and values.
// A small (listpack) hash is returned whole in one call with cursor 0, as Redis does; a larger one is
// walked COUNT pairs a call through the database's parked-iterator cursors (keyspace/scan-cursors.ts),
// then filtered by MATCH on the field. The reply is [cursor, flat field/value array] in RESP2 and RESP3.
// Redis counterpart: hscanCommand and scanGenericCommand (db.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR } from '../../protocol/errors.js';
import { stringMatch } from '../../util/glob.js';
import { parseScanCursor, parseScanOptions } from '../generic/scan-cursor.js';
import { lookupHashRead } from './hash-access.js';

export default defineCommand('hscan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const h = lookupHashRead(ctx, argv[1]);
  if (h === undefined) return ['0', []];
  if (h instanceof ErrorReply) return h;
  const opts = parseScanOptions(argv, 3);
  if (opts instanceof ErrorReply) return opts;
  const { count, pattern } = opts;

  const items: string[] = [];
  const keep = (f: string, v: string): void => {
    if (pattern === null || stringMatch(pattern, f)) items.push(f, v);
  };
  if (h.isListpack) {
    h.forEach(keep);
    return ['0', items];
  }
  const next = ctx.db.cursors.scan<[string, string | number]>(cursor, h.scanSource, count, (entry) => {
    keep(entry[0], h.scanValue(entry[1]));
  });
  return [next.toString(), items];
});
