// SPOP key [count] - removes and returns random members. Propagated as what it did, not as itself:
// SREM of the popped member; with a count, SREM batches of up to 1024 members, or DEL (UNLINK with
// lazyfree-lazy-server-del) when the whole set went. Redis counterpart: spopCommand and
// spopWithCountCommand (t_set.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, SetReply, type Reply } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';
import { lookupSetWrite } from './set-access.js';
import { sunionDiffGeneric } from './set-ops.js';
import { ERR_MUST_BE_POSITIVE } from './errors.js';

const SREM_BATCH = 1024;
const LONG_MAX = 9223372036854775807n;

export default defineCommand('spop', (ctx, argv) => {
  if (argv.length === 3) return spopWithCount(ctx, argv);
  if (argv.length > 3) return ERR_SYNTAX;
  const key = argv[1];
  const set = lookupSetWrite(ctx, key);
  if (set === undefined) return null;
  if (set instanceof ErrorReply) return set;
  const db = ctx.db;
  const member = set.popRandom();
  ctx.notify('s', 'spop', key, db.id);
  ctx.propagateAs(['SREM', key, member]);
  if (set.size === 0) {
    db.delete(key);
    ctx.notify('g', 'del', key, db.id);
  }
  ctx.signalModifiedKey(db, key);
  ctx.addDirty(1);
  return member;
});

function spopWithCount(ctx: CommandContext, argv: string[]): Reply {
  const n = parseI64(argv[2]);
  if (n === null || n < 0n || n > LONG_MAX) return ERR_MUST_BE_POSITIVE;
  const key = argv[1];
  const set = lookupSetWrite(ctx, key);
  if (set === undefined) return new SetReply([]);
  if (set instanceof ErrorReply) return set;
  if (n === 0n) return new SetReply([]);
  const db = ctx.db;
  const size = set.size;
  ctx.notify('s', 'spop', key, db.id);

  if (n >= BigInt(size)) {
    ctx.addDirty(size);
    // As in Redis, the whole set is answered through the union path (one more read lookup).
    const reply = sunionDiffGeneric(ctx, [key], null, 'union');
    db.delete(key);
    ctx.notify('g', 'del', key, db.id);
    ctx.propagateAs([ctx.server.config.getBool('lazyfree-lazy-server-del') ? 'UNLINK' : 'DEL', key]);
    ctx.signalModifiedKey(db, key);
    return reply;
  }

  const count = Number(n);
  ctx.addDirty(count);
  const popped: string[] = new Array(count);
  let batch: string[] = ['SREM', key];
  let first = true;
  for (let i = 0; i < count; i++) {
    const m = set.popRandom();
    popped[i] = m;
    batch.push(m);
    if (batch.length === SREM_BATCH + 2 || i === count - 1) {
      if (first) ctx.propagateAs(batch);
      else ctx.alsoPropagate(db.id, batch);
      first = false;
      batch = ['SREM', key];
    }
  }
  ctx.signalModifiedKey(db, key);
  return new SetReply(popped);
}
