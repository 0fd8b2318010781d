// XINFO STREAM key [FULL [COUNT count]] - stream counters, first/last entry; FULL adds entries and
// every group with its PEL and consumers (COUNT bounds each list, 0 = all).
// Counterpart: xinfoReplyWithStreamInfo (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, MapReply, type Reply } from '../../protocol/reply.js';
import { MAX_ID, MIN_ID, formatId } from '../../datatypes/stream-id.js';
import { INVALID_ENTRIES_READ, type StreamValue } from '../../datatypes/stream.js';
import { errSubcommandSyntax, parseLongLong, rangeReply } from './stream-access.js';
import { xinfoStream } from './xinfo-generic.js';

function edgeEntry(s: StreamValue, rev: boolean): Reply {
  const e = rangeReply(s, MIN_ID, MAX_ID, 1, rev);
  return e.length ? e[0] : null;
}

function fullGroups(s: StreamValue, count: number): Reply[] {
  const out: Reply[] = [];
  for (const g of s.sortedGroups()) {
    const pending: Reply[] = [];
    for (const [id, nack] of g.pel.entries()) {
      if (count && pending.length >= count) break;
      pending.push([formatId(id), nack.consumer!.name, nack.deliveryTime, nack.deliveryCount]);
    }
    const consumers: Reply[] = [];
    for (const c of g.sortedConsumers()) {
      const cp: Reply[] = [];
      for (const [id, nack] of c.pel.entries()) {
        if (count && cp.length >= count) break;
        cp.push([formatId(id), nack.deliveryTime, nack.deliveryCount]);
      }
      consumers.push(new MapReply([
        'name', c.name, 'seen-time', c.seenTime, 'active-time', c.activeTime, 'pel-count', c.pel.size, 'pending', cp,
      ]));
    }
    out.push(new MapReply([
      'name', g.name,
      'last-delivered-id', formatId(g.lastId),
      'entries-read', g.entriesRead !== INVALID_ENTRIES_READ ? g.entriesRead : null,
      'lag', s.groupLag(g),
      'pel-count', g.pel.size,
      'pending', pending,
      'consumers', consumers,
    ]));
  }
  return out;
}

export default defineCommand('xinfo|stream', (ctx, argv) => {
  const s = xinfoStream(ctx, argv[2]);
  if (s instanceof ErrorReply) return s;
  let full = false;
  let count = 10;
  const optc = argv.length - 3;
  if (optc > 0) {
    if ((optc !== 1 && optc !== 3) || argv[3].toLowerCase() !== 'full') return errSubcommandSyntax(argv[1], 'XINFO');
    full = true;
    if (optc === 3) {
      if (argv[4].toLowerCase() !== 'count') return errSubcommandSyntax(argv[1], 'XINFO');
      const n = parseLongLong(argv[5]);
      if (n instanceof ErrorReply) return n;
      count = n < 0 ? 10 : n;
    }
  }
  const head: Reply[] = [
    'length', s.length,
    'radix-tree-keys', s.nodes.length,
    'radix-tree-nodes', s.radixTreeNodes(),
    'last-generated-id', formatId(s.lastId),
    'max-deleted-entry-id', formatId(s.maxDeletedId),
    'entries-added', s.entriesAdded,
    'recorded-first-entry-id', formatId(s.firstId),
  ];
  if (!full) {
    head.push('groups', s.groups ? s.groups.size : 0, 'first-entry', edgeEntry(s, false), 'last-entry', edgeEntry(s, true));
  } else {
    head.push('entries', rangeReply(s, MIN_ID, MAX_ID, count, false), 'groups', fullGroups(s, count));
  }
  return new MapReply(head);
});
