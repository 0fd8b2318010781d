// Intersection, union and difference shared by SINTER/SINTERCARD/SINTERSTORE, SUNION/SUNIONSTORE and
// SDIFF/SDIFFSTORE (and SPOP when it takes the whole set). The algorithms follow Redis's, including
// which difference algorithm runs, because a STORE result's encoding depends on the path its members
// took (a difference that first grows past the intset limit stays a hashtable).
// Counterpart: sinterGenericCommand and sunionDiffGenericCommand (t_set.c).
import { SetValue, type SetLimits } from '../../datatypes/set.js';
import { ErrorReply, SetReply, type Reply } from '../../protocol/reply.js';
import { ERR_WRONGTYPE } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { setLimits } from './set-access.js';

/** Every key looked up for reading; a missing key is null. WRONGTYPE on any non-set, even after a missing one. */
function loadSets(ctx: CommandContext, keys: string[]): Array<SetValue | null> | ErrorReply {
  const sets: Array<SetValue | null> = new Array(keys.length);
  for (let j = 0; j < keys.length; j++) {
    const v = ctx.db.lookupRead(keys[j], ctx.now);
    if (v === undefined) sets[j] = null;
    else if (v instanceof SetValue) sets[j] = v;
    else return ERR_WRONGTYPE;
  }
  return sets;
}

/** Stores a STORE command's result: a non-empty set replaces the key (dropping its TTL), an empty one deletes it. */
function storeResult(ctx: CommandContext, dstkey: string, result: SetValue, event: string): number {
  const db = ctx.db;
  if (result.size > 0) {
    result.trim();
    // setKey's lookupKeyWrite: an expired destination is expired (and propagated) first.
    db.lookupWrite(dstkey, ctx.now);
    db.set(dstkey, result);
    ctx.signalModifiedKey(db, dstkey);
    ctx.notify('s', event, dstkey, db.id);
    ctx.addDirty(1);
    return result.size;
  }
  deleteDestination(ctx, dstkey);
  return 0;
}

function deleteDestination(ctx: CommandContext, dstkey: string): void {
  const db = ctx.db;
  if (!db.delete(dstkey)) return;
  ctx.signalModifiedKey(db, dstkey);
  ctx.notify('g', 'del', dstkey, db.id);
  ctx.addDirty(1);
}

/**
 * SINTER (dstkey null), SINTERSTORE (dstkey given) and SINTERCARD (cardinalityOnly, limit 0 = none).
 * The smallest set is walked and each member tested against the others.
 */
export function sinterGeneric(
  ctx: CommandContext,
  keys: string[],
  dstkey: string | null,
  cardinalityOnly = false,
  limit = 0,
): Reply {
  const loaded = loadSets(ctx, keys);
  if (loaded instanceof ErrorReply) return loaded;
  if (loaded.includes(null)) {
    if (dstkey !== null) {
      deleteDestination(ctx, dstkey);
      return 0;
    }
    return cardinalityOnly ? 0 : new SetReply([]);
  }
  const sets = (loaded as SetValue[]).slice().sort((a, b) => a.size - b.size);
  const first = sets[0];
  const limits = dstkey !== null ? setLimits(ctx) : null;
  const result = dstkey !== null ? SetValue.empty() : null;
  const out: string[] = [];
  let cardinality = 0;
  for (const m of first.members()) {
    let j = 1;
    for (; j < sets.length; j++) {
      if (sets[j] === first) continue;
      if (!sets[j].has(m)) break;
    }
    if (j !== sets.length) continue;
    if (cardinalityOnly) {
      cardinality++;
      if (limit !== 0 && cardinality >= limit) break;
    } else if (result !== null) {
      result.add(m, limits!);
    } else {
      out.push(m);
    }
  }
  if (result !== null) return storeResult(ctx, dstkey!, result, 'sinterstore');
  if (cardinalityOnly) return cardinality;
  return new SetReply(out);
}

/** SUNION/SUNIONSTORE (op 'union') and SDIFF/SDIFFSTORE (op 'diff'). */
export function sunionDiffGeneric(ctx: CommandContext, keys: string[], dstkey: string | null, op: 'union' | 'diff'): Reply {
  const loaded = loadSets(ctx, keys);
  if (loaded instanceof ErrorReply) return loaded;
  const sets = loaded;
  let sameset = false;
  // A temporary result starts as an intset only while every input is one; a stored result always does.
  let allIntsets = true;
  for (let j = 0; j < sets.length; j++) {
    const s = sets[j];
    if (s === null) continue;
    if (!s.isIntset) allIntsets = false;
    if (j > 0 && s === sets[0]) sameset = true;
  }
  const limits = setLimits(ctx);
  const result = dstkey !== null || allIntsets ? SetValue.empty() : SetValue.emptyHashtable();

  if (op === 'union') {
    for (const s of sets) if (s !== null) s.forEach((m) => result.add(m, limits));
  } else if (sets[0] !== null && !sameset) {
    diff(sets[0], sets, result, limits);
  }

  if (dstkey !== null) return storeResult(ctx, dstkey, result, op === 'union' ? 'sunionstore' : 'sdiffstore');
  return new SetReply(result.members());
}

/**
 * Algorithm 1 walks the first set and keeps members found in no other set (O(N*M)); algorithm 2 adds
 * the first set and removes every other set's members (O(total)). Redis picks by estimated work,
 * giving the first a factor 2 advantage, and probes larger sets first with algorithm 1.
 */
function diff(first: SetValue, sets: Array<SetValue | null>, result: SetValue, limits: SetLimits): void {
  let algoOne = 0;
  let algoTwo = 0;
  for (const s of sets) {
    if (s === null) continue;
    algoOne += first.size;
    algoTwo += s.size;
  }
  algoOne = Math.floor(algoOne / 2);
  if (algoOne <= algoTwo) {
    const others = sets.slice(1).filter((s): s is SetValue => s !== null);
    others.sort((a, b) => b.size - a.size);
    first.forEach((m) => {
      for (const s of others) if (s.has(m)) return;
      result.add(m, limits);
    });
    return;
  }
  let cardinality = 0;
  for (let j = 0; j < sets.length; j++) {
    const s = sets[j];
    if (s === null) continue;
    if (j === 0) s.forEach((m) => void (result.add(m, limits) && cardinality++));
    else s.forEach((m) => void (result.delete(m) && cardinality--));
    if (cardinality === 0) break;
  }
}
