// RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency] - creates a
// key from a DUMP payload. Checks in Redis's order (options, BUSYKEY, TTL, payload version and
// checksum, payload contents); a relative TTL is propagated as an absolute one with ABSTTL, and a key
// restored already expired only deletes what REPLACE removed (propagated as DEL, or UNLINK with
// lazyfree-lazy-server-del). Redis counterpart: restoreCommand (cluster.c).
import { defineCommand } from '../../spec/define.js';
import type { Execute } from '../../spec/types.js';
import { OK } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import { optionName } from '../generic/args.js';
import { clockConfig } from '../generic/key-access.js';
import { readDumpPayload, verifyDumpPayload } from '../../persistence/rdb/dump-payload.js';
import { encodingLimits, toEngineValue, ConversionError } from '../../persistence/rdb/engine-values.js';
import { RdbError } from '../../persistence/rdb/errors.js';
import type { RValue } from '../../keyspace/value.js';

const ERR_BUSYKEY = errorReply('BUSYKEY Target key name already exists.');
const ERR_BAD_PAYLOAD = errorReply('ERR DUMP payload version or checksum are wrong');
const ERR_BAD_FORMAT = errorReply('ERR Bad data format');
const ERR_TTL = errorReply('ERR Invalid TTL value, must be >= 0');
const ERR_IDLETIME = errorReply('ERR Invalid IDLETIME value, must be >= 0');
const ERR_FREQ = errorReply('ERR Invalid FREQ value, must be >= 0 and <= 255');

const restore: Execute = (ctx, argv) => {
  let replace = false;
  let absttl = false;
  let idle = -1n;
  let freq = -1n;
  for (let j = 4; j < argv.length; j++) {
    const opt = optionName(argv[j]);
    const more = argv.length - j - 1;
    if (opt === 'replace') replace = true;
    else if (opt === 'absttl') absttl = true;
    else if (opt === 'idletime' && more >= 1 && freq === -1n) {
      const v = parseI64(argv[++j]);
      if (v === null) return ERR_NOT_INTEGER;
      if (v < 0n) return ERR_IDLETIME;
      idle = v;
    } else if (opt === 'freq' && more >= 1 && idle === -1n) {
      const v = parseI64(argv[++j]);
      if (v === null) return ERR_NOT_INTEGER;
      if (v < 0n || v > 255n) return ERR_FREQ;
      freq = v;
    } else {
      return ERR_SYNTAX;
    }
  }

  const key = argv[1];
  const db = ctx.db;
  if (!replace && db.lookupWrite(key, ctx.now) !== undefined) return ERR_BUSYKEY;
  const ttlArg = parseI64(argv[2]);
  if (ttlArg === null) return ERR_NOT_INTEGER;
  if (ttlArg < 0n) return ERR_TTL;

  const payload = Buffer.from(argv[3], 'latin1');
  if (!verifyDumpPayload(payload)) return ERR_BAD_PAYLOAD;
  let value: RValue;
  try {
    value = toEngineValue(readDumpPayload(payload), encodingLimits(ctx.server.config));
  } catch (e) {
    if (e instanceof RdbError || e instanceof ConversionError) return ERR_BAD_FORMAT;
    throw e;
  }

  const deleted = replace && db.delete(key);
  let ttl = Number(ttlArg);
  if (ttl !== 0 && !absttl) ttl += ctx.now;
  if (ttl !== 0 && ttl <= ctx.now) {
    if (deleted) {
      ctx.propagateAs([ctx.server.config.getBool('lazyfree-lazy-server-del') ? 'UNLINK' : 'DEL', key]);
      ctx.signalModifiedKey(db, key);
      ctx.notify('g', 'del', key, db.id);
      ctx.addDirty(1);
    }
    return OK;
  }

  db.add(key, value);
  if (ttl !== 0) {
    db.setExpire(key, ttl);
    if (!absttl) {
      const rewritten = argv.slice();
      rewritten[2] = String(ttl);
      rewritten.push('ABSTTL');
      ctx.propagateAs(rewritten);
    }
  }
  if (idle >= 0n || freq >= 0n) db.clock.stamp(key, ctx.now, clockConfig(ctx), Number(idle), Number(freq));
  ctx.signalModifiedKey(db, key);
  ctx.notify('g', 'restore', key, db.id);
  ctx.addDirty(1);
  return OK;
};

export default defineCommand('restore', restore);
/** RESTORE-ASKING: the same command, sent by MIGRATE to a cluster node that is importing the slot. */
export const restoreAsking = defineCommand('restore-asking', restore);
