// ZREMRANGEBYRANK / ZREMRANGEBYSCORE / ZREMRANGEBYLEX: the range is parsed before the key is looked up,
// the members are removed in one pass, and the emptied key is deleted.
// Counterpart: zremrangeGenericCommand (t_zset.c).
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import type { ZsetValue } from '../../datatypes/zset.js';
import { parseLong } from '../list/list-generic.js';
import { lookupZsetWrite } from './zset-access.js';
import { clampRankRange, lexRangeRanks, parseLexRange, parseScoreRange, scoreRangeRanks } from './zset-args.js';
import { ERR_MIN_MAX_FLOAT, ERR_MIN_MAX_LEX } from './errors.js';

export function zremrangeGeneric(ctx: CommandContext, argv: string[], type: 'rank' | 'score' | 'lex'): Reply {
  const key = argv[1];
  let select: (z: ZsetValue) => [number, number] | null;
  if (type === 'rank') {
    const start = parseLong(argv[2]);
    if (start === null) return ERR_NOT_INTEGER;
    const end = parseLong(argv[3]);
    if (end === null) return ERR_NOT_INTEGER;
    select = (z) => {
      const r = clampRankRange(start, end, z.size);
      return r === null ? null : [r[0], r[1] + 1];
    };
  } else if (type === 'score') {
    const range = parseScoreRange(argv[2], argv[3]);
    if (range === null) return ERR_MIN_MAX_FLOAT;
    select = (z) => scoreRangeRanks(z, range);
  } else {
    const range = parseLexRange(argv[2], argv[3]);
    if (range === null) return ERR_MIN_MAX_LEX;
    select = (z) => lexRangeRanks(z, range, 'forward');
  }
  const z = lookupZsetWrite(ctx, key);
  if (z === undefined) return 0;
  if (z instanceof ErrorReply) return z;
  const sel = select(z);
  if (sel === null || sel[0] >= sel[1]) return 0;
  const deleted = z.removeRange(sel[0], sel[1] - 1).length;
  const db = ctx.db;
  ctx.signalModifiedKey(db, key);
  ctx.notify('z', `zremrangeby${type}`, key, db.id);
  if (z.size === 0) {
    db.delete(key);
    ctx.notify('g', 'del', key, db.id);
  }
  ctx.addDirty(deleted);
  return deleted;
}
