// XINFO GROUPS key - each group's name, consumers, pending count, last delivered ID, entries read
// and lag. Counterpart: the GROUPS branch of xinfoCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, MapReply, type Reply } from '../../protocol/reply.js';
import { formatId } from '../../datatypes/stream-id.js';
import { INVALID_ENTRIES_READ } from '../../datatypes/stream.js';
import { xinfoStream } from './xinfo-generic.js';

export default defineCommand('xinfo|groups', (ctx, argv) => {
  const s = xinfoStream(ctx, argv[2]);
  if (s instanceof ErrorReply) return s;
  const out: Reply[] = [];
  for (const g of s.sortedGroups()) {
    out.push(new MapReply([
      'name', g.name,
      'consumers', g.consumers.size,
      'pending', g.pel.size,
      'last-delivered-id', formatId(g.lastId),
      'entries-read', g.entriesRead !== INVALID_ENTRIES_READ ? g.entriesRead : null,
      'lag', s.groupLag(g),
    ]));
  }
  return out;
});
