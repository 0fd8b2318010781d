// XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT n] [FORCE]
// [JUSTID] [LASTID id] - takes pending entries over. Each change propagates as an idempotent XCLAIM;
// pending entries whose stream entry is gone are dropped from the PEL.
// Counterpart: xclaimCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { StreamNACK } from '../../datatypes/stream.js';
import { MIN_ID, formatId, parseIdText, type StreamId } from '../../datatypes/stream-id.js';
import { Propagation, entryById, lookupStreamRead, parseLongLong, setIdArgv, strictId, xclaimArgv, cstr } from './stream-access.js';

const ERR_MINIDLE = errorReply('ERR Invalid min-idle-time argument for XCLAIM');
const ERR_IDLE = errorReply('ERR Invalid IDLE option argument for XCLAIM');
const ERR_TIME = errorReply('ERR Invalid TIME option argument for XCLAIM');
const ERR_RETRYCOUNT = errorReply('ERR Invalid RETRYCOUNT option argument for XCLAIM');

export default defineCommand('xclaim', (ctx, argv) => {
  const key = argv[1];
  const groupName = argv[2];
  const s = lookupStreamRead(ctx, key);
  if (s instanceof ErrorReply) return s;
  const g = s?.group(groupName);
  if (s === undefined || g === undefined) return errorReply(`NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(groupName)}'`);
  const mi = parseLongLong(argv[4], ERR_MINIDLE);
  if (mi instanceof ErrorReply) return mi;
  const minIdle = mi < 0 ? 0 : mi;
  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const id = parseIdText(argv[j], false, true);
    if (id === null) break;
    ids.push(id);
  }
  const lastIdArg = j - 1;
  const now = ctx.now;
  let force = false;
  let justId = false;
  let retryCount = -1;
  let deliveryTime = -1;
  let lastId: StreamId = MIN_ID;
  for (; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === 'force') force = true;
    else if (opt === 'justid') justId = true;
    else if (opt === 'idle' && more) {
      const n = parseLongLong(argv[++j], ERR_IDLE);
      if (n instanceof ErrorReply) return n;
      deliveryTime = now - n;
    } else if (opt === 'time' && more) {
      const n = parseLongLong(argv[++j], ERR_TIME);
      if (n instanceof ErrorReply) return n;
      deliveryTime = n;
    } else if (opt === 'retrycount' && more) {
      const n = parseLongLong(argv[++j], ERR_RETRYCOUNT);
      if (n instanceof ErrorReply) return n;
      retryCount = n;
    } else if (opt === 'lastid' && more) {
      const id = strictId(argv[++j]);
      if (id instanceof ErrorReply) return id;
      lastId = id;
    } else {
      const text = argv[j];
      const nul = text.indexOf('\0');
      return errorReply(`ERR Unrecognized XCLAIM option '${nul >= 0 ? text.slice(0, nul) : text}'`);
    }
  }
  const prop = new Propagation();
  let dirty = 0;
  let propagateLastId = false;
  if (lastId > g.lastId) {
    g.lastId = lastId;
    propagateLastId = true;
  }
  if (deliveryTime !== -1) {
    if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now;
  } else {
    deliveryTime = now;
  }
  let consumer = g.consumers.get(argv[3]);
  if (consumer === undefined) {
    consumer = g.createConsumer(argv[3], now)!;
    dirty++;
    ctx.notify('t', 'xgroup-createconsumer', key, ctx.db.id);
  }
  consumer.seenTime = now;
  const out: Reply[] = [];
  for (let k = 5; k <= lastIdArg; k++) {
    const id = ids[k - 5];
    let nack = g.pel.get(id);
    if (!s.has(id)) {
      if (nack !== undefined) {
        prop.push(xclaimArgv(key, g, groupName, argv[k], nack));
        propagateLastId = false;
        dirty++;
        g.ack(id);
      }
      continue;
    }
    if (force && nack === undefined) {
      nack = new StreamNACK(now, 1, null);
      g.pel.set(id, nack);
    }
    if (nack === undefined) continue;
    if (nack.consumer !== null && minIdle && now - nack.deliveryTime < minIdle) continue;
    if (nack.consumer !== consumer) nack.consumer?.pel.delete(id);
    nack.deliveryTime = deliveryTime;
    if (retryCount >= 0) nack.deliveryCount = retryCount;
    else if (!justId) nack.deliveryCount++;
    if (nack.consumer !== consumer) {
      consumer.pel.set(id, nack);
      nack.consumer = consumer;
    }
    out.push(justId ? formatId(id) : entryById(s, id));
    consumer.activeTime = now;
    prop.push(xclaimArgv(key, g, groupName, argv[k], nack));
    propagateLastId = false;
    dirty++;
  }
  if (propagateLastId) {
    prop.push(setIdArgv(key, g, groupName));
    dirty++;
  }
  prop.flush(ctx, dirty);
  return out;
});
