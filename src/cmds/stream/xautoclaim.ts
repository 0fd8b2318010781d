// XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID] - claims pending entries
// idle long enough, scanning the PEL from `start`; replies [next cursor, claimed, deleted IDs] (the
// IDs whose entries no longer exist are removed from the PEL). Counterpart: xautoclaimCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { formatId, type StreamId } from '../../datatypes/stream-id.js';
import { parseI64 } from '../../util/number.js';
import { Propagation, entryById, lookupStreamRead, parseLongLong, xclaimArgv, cstr } from './stream-access.js';
import { parseStart } from './range-generic.js';

const ERR_MINIDLE = errorReply('ERR Invalid min-idle-time argument for XAUTOCLAIM');
const ERR_COUNT = errorReply('ERR COUNT must be > 0');
/** LONG_MAX / max(sizeof(streamID), attempts factor). */
const MAX_COUNT = 576460752303423487n;
const ATTEMPTS_FACTOR = 10;

export default defineCommand('xautoclaim', (ctx, argv) => {
  const key = argv[1];
  const groupName = argv[2];
  const mi = parseLongLong(argv[4], ERR_MINIDLE);
  if (mi instanceof ErrorReply) return mi;
  const minIdle = mi < 0 ? 0 : mi;
  const start = parseStart(argv[5]);
  if (start instanceof ErrorReply) return start;
  let count = 100;
  let justId = false;
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === 'count' && more) {
      const v = parseI64(argv[j + 1]);
      if (v === null || v < 1n || v > MAX_COUNT) return ERR_COUNT;
      count = Number(v);
      j++;
    } else if (opt === 'justid') {
      justId = true;
    } else {
      return ERR_SYNTAX;
    }
  }
  const s = lookupStreamRead(ctx, key);
  if (s instanceof ErrorReply) return s;
  const g = s?.group(groupName);
  if (s === undefined || g === undefined) return errorReply(`NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(groupName)}'`);
  const now = ctx.now;
  const prop = new Propagation();
  let dirty = 0;
  let consumer = g.consumers.get(argv[3]);
  if (consumer === undefined) {
    consumer = g.createConsumer(argv[3], now)!;
    dirty++;
    ctx.notify('t', 'xgroup-createconsumer', key, ctx.db.id);
  }
  consumer.seenTime = now;
  let attempts = count * ATTEMPTS_FACTOR;
  const claimed: Reply[] = [];
  const deleted: Reply[] = [];
  const it = g.pel.from(start);
  let r = { done: false, value: '' as StreamId } as IteratorResult<StreamId>;
  for (;;) {
    if (attempts-- === 0 || count === 0) break;
    r = it.next();
    if (r.done) break;
    const id = r.value;
    const nack = g.pel.get(id)!;
    if (!s.has(id)) {
      const idText = formatId(id);
      prop.push(xclaimArgv(key, g, groupName, idText, nack));
      dirty++;
      g.ack(id);
      deleted.push(idText);
      count--;
      continue;
    }
    if (minIdle && now - nack.deliveryTime < minIdle) continue;
    if (nack.consumer !== consumer) nack.consumer?.pel.delete(id);
    nack.deliveryTime = now;
    if (!justId) nack.deliveryCount++;
    if (nack.consumer !== consumer) {
      consumer.pel.set(id, nack);
      nack.consumer = consumer;
    }
    claimed.push(justId ? formatId(id) : entryById(s, id));
    count--;
    consumer.activeTime = now;
    prop.push(xclaimArgv(key, g, groupName, formatId(id), nack));
    dirty++;
  }
  // The cursor is the next pending ID after the last one examined (0-0 at the end).
  const nextR = r.done ? r : it.next();
  const cursor = nextR.done ? '0-0' : formatId(nextR.value);
  prop.flush(ctx, dirty);
  return [cursor, claimed, deleted];
});
