// ZSCAN key cursor [MATCH pattern] [COUNT count] - incremental iteration over member, score pairs (scores
// as plain strings in both protocols). A small (listpack) set comes back whole with cursor 0, in score
// order as in Redis; a larger one is walked through the database's parked iterators over its
// member->score Map. Redis counterpart: zscanCommand and scanGenericCommand (t_zset.c, db.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_INVALID_CURSOR, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { formatDoubleShortest, parseI64 } from '../../util/number.js';
import { matchesEverything, stringMatch } from '../../util/glob.js';
import { optionName } from '../generic/args.js';
import { parseScanCursor } from '../generic/scan-cursor.js';
import { lookupZsetRead } from './zset-access.js';

const DEFAULT_COUNT = 10;
const MAX_VISIT = 0x7fffffff;

export default defineCommand('zscan', (ctx, argv): Reply => {
  const cursor = parseScanCursor(argv[2]);
  if (cursor === null) return ERR_INVALID_CURSOR;
  const z = lookupZsetRead(ctx, argv[1]);
  if (z === undefined) return ['0', []];
  if (z instanceof ErrorReply) return z;
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
  const out: string[] = [];
  const visit = (m: string, s: number): void => {
    if (pattern === null || stringMatch(pattern, m)) out.push(m, formatDoubleShortest(s));
  };
  let next = 0n;
  if (z.isListpack) z.forEach(visit);
  else next = ctx.db.cursors.scan<[string, number]>(cursor, z.dict, count, (e) => visit(e[0], e[1]));
  return [next.toString(), out];
});
