// ZADD and ZINCRBY: flag parsing (NX XX GT LT CH INCR), every score checked before the key is touched,
// then each pair applied with zsetAdd's rules. Counterpart: zaddGenericCommand and zsetAdd (t_zset.c).
import { ZsetValue } from '../../datatypes/zset.js';
import { DoubleReply, ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_FLOAT, ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { optionName } from '../generic/args.js';
import { ERR_GT_LT_NX, ERR_INCR_PAIR, ERR_NAN_SCORE, ERR_XX_NX } from './errors.js';
import { parseScore } from './zset-args.js';
import { lookupZsetWrite, zsetLimits } from './zset-access.js';

export function zaddGeneric(ctx: CommandContext, argv: string[], incrOnly: boolean): Reply {
  const key = argv[1];
  let nx = false;
  let xx = false;
  let gt = false;
  let lt = false;
  let ch = false;
  let incr = incrOnly;
  let scoreIdx = 2;
  while (scoreIdx < argv.length) {
    const opt = optionName(argv[scoreIdx]);
    if (opt === 'nx') nx = true;
    else if (opt === 'xx') xx = true;
    else if (opt === 'gt') gt = true;
    else if (opt === 'lt') lt = true;
    else if (opt === 'ch') ch = true;
    else if (opt === 'incr') incr = true;
    else break;
    scoreIdx++;
  }
  const elements = argv.length - scoreIdx;
  if (elements % 2 !== 0 || elements === 0) return ERR_SYNTAX;
  const pairs = elements / 2;
  if (nx && xx) return ERR_XX_NX;
  if ((gt && nx) || (lt && nx) || (gt && lt)) return ERR_GT_LT_NX;
  if (incr && pairs > 1) return ERR_INCR_PAIR;

  // One pair (the common case) keeps its score in a local: no array per call.
  const scores: number[] | null = pairs > 1 ? new Array(pairs) : null;
  let score0 = 0;
  let maxLen = 0;
  for (let j = 0; j < pairs; j++) {
    const s = parseScore(argv[scoreIdx + j * 2]);
    if (s === null) return ERR_NOT_FLOAT;
    if (scores !== null) scores[j] = s;
    else score0 = s;
    const len = argv[scoreIdx + j * 2 + 1].length;
    if (len > maxLen) maxLen = len;
  }

  const found = lookupZsetWrite(ctx, key);
  if (found instanceof ErrorReply) return found;
  const db = ctx.db;
  const limits = zsetLimits(ctx);
  let z: ZsetValue;
  if (found === undefined) {
    if (xx) return incr ? null : 0;
    z = ZsetValue.create(pairs, maxLen, limits);
    db.add(key, z);
  } else {
    z = found;
    z.maybeConvert(pairs, limits);
  }

  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  let reply: Reply | undefined;
  for (let j = 0; j < pairs; j++) {
    const member = argv[scoreIdx + j * 2 + 1];
    score = scores !== null ? scores[j] : score0;
    const cur = z.score(member);
    if (cur !== undefined) {
      if (nx) continue;
      if (incr) {
        score += cur;
        if (Number.isNaN(score)) {
          reply = ERR_NAN_SCORE;
          break;
        }
      }
      if ((lt && score >= cur) || (gt && score <= cur)) continue;
      processed++;
      if (score !== cur) {
        z.set(member, score, limits);
        updated++;
      }
    } else if (!xx) {
      z.set(member, score, limits);
      added++;
      processed++;
    }
  }
  if (reply === undefined) {
    if (incr) reply = processed > 0 ? new DoubleReply(score) : null;
    else reply = ch ? added + updated : added;
  }
  if (added + updated > 0) {
    ctx.signalModifiedKey(db, key);
    ctx.notify('z', incr ? 'zincr' : 'zadd', key, db.id);
    ctx.addDirty(added + updated);
  }
  return reply;
}
