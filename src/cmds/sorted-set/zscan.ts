// ZSCAN key cursor [MATCH pattern] [COUNT count] - incremental iteration over member, score pairs (scores
// as plain strings in both protocols). A small (listpack) set comes back whole with cursor 0, in score
// order as in Redis; a larger one is walked through the database's parked iterators over its
// member->score Map. Redis counterpart: zscanCommand and scanGenericCommand (t_zset.c, db.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR } from '../../protocol/errors.js';
import { d2string, formatG17 } from '../../util/number.js';
import { stringMatch } from '../../util/glob.js';
import { parseScanCursor, parseScanOptions } from '../generic/scan-cursor.js';
import { lookupZsetRead } from './zset-access.js';

export default defineCommand('zscan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return ['0', []];
  if (z instanceof ErrorReply) return z;
  const opts = parseScanOptions(argv, 3);
  if (opts instanceof ErrorReply) return opts;
  const { count, pattern } = opts;
  const out: string[] = [];
  // As Redis 7.2 writes them: a listpack echoes its scores in their stored (d2string) form; a skiplist's
  // are printed with %.17g (scanCallback's ld2string).
  const format = z.isListpack ? d2string : formatG17;
  const visit = (m: string, s: number): void => {
    if (pattern === null || stringMatch(pattern, m)) out.push(m, format(s));
  };
  let next = 0n;
  if (z.isListpack) z.forEach(visit);
  else next = ctx.db.cursors.scan<[string, number]>(cursor, z.dict, count, (e) => visit(e[0], e[1]));
  return [next.toString(), out];
});
