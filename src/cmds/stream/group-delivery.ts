// Delivering entries to a consumer of a group (XREADGROUP): new entries move the group's last
// delivered ID and read counter forward and enter the group's and the consumer's PEL (unless NOACK);
// history reads re-deliver the consumer's own pending entries. Each new PEL entry propagates as an
// XCLAIM, and the group position as XGROUP SETID ... ENTRIESREAD.
// Counterpart: streamReplyWithRange (group branch) and streamReplyWithRangeFromConsumerPEL (t_stream.c).
import { NullArray, type Reply } from '../../protocol/reply.js';
import type { CommandContext } from '../../spec/context.js';
import { INVALID_ENTRIES_READ, StreamNACK, type StreamConsumer, type StreamGroup, type StreamValue } from '../../datatypes/stream.js';
import { MAX_ID, formatId, type StreamId } from '../../datatypes/stream-id.js';
import { type Propagation, entryById, setIdArgv, xclaimArgv } from './stream-access.js';

export function serveGroup(
  ctx: CommandContext, key: string, groupName: string, s: StreamValue, g: StreamGroup, consumer: StreamConsumer,
  start: StreamId, count: number, noack: boolean, prop: Propagation,
): Reply[] {
  const out: Reply[] = [];
  const now = ctx.now;
  let propagateLastId = false;
  let lastIdText: string | undefined;
  const it = s.iterate(start, MAX_ID);
  while (it.next()) {
    const id = it.id();
    if (id > g.lastId) {
      if (g.entriesRead !== INVALID_ENTRIES_READ && !s.rangeHasTombstones(id)) g.entriesRead++;
      else if (s.entriesAdded) g.entriesRead = s.estimateDistance(id);
      g.lastId = id;
      propagateLastId = true;
    }
    const idText = it.idText();
    if (g.lastId === id) lastIdText = idText;
    out.push([idText, it.fields()]);
    if (!noack) {
      let nack = g.pel.get(id);
      if (nack === undefined) {
        nack = new StreamNACK(now, 1, consumer);
        g.pel.set(id, nack);
        consumer.pel.set(id, nack);
      } else {
        // Already pending (the group was moved back with SETID): the entry changes owner.
        nack.consumer?.pel.delete(id);
        nack.consumer = consumer;
        nack.deliveryTime = now;
        nack.deliveryCount = 1;
        consumer.pel.set(id, nack);
      }
      consumer.activeTime = now;
      prop.push(xclaimArgv(key, g, groupName, idText, nack, lastIdText));
    }
    if (count && out.length === count) break;
  }
  if (propagateLastId) prop.push(setIdArgv(key, g, groupName));
  return out;
}

/** The consumer's pending entries from `start`: deleted entries come back as [id, nil]. */
export function serveHistory(ctx: CommandContext, s: StreamValue, consumer: StreamConsumer, start: StreamId, count: number): Reply[] {
  const out: Reply[] = [];
  for (const id of consumer.pel.from(start)) {
    if (count && out.length >= count) break;
    if (s.has(id)) {
      out.push(entryById(s, id));
      const nack = consumer.pel.get(id)!;
      nack.deliveryTime = ctx.now;
      nack.deliveryCount++;
    } else {
      out.push([formatId(id), NullArray.instance]);
    }
  }
  return out;
}
