// XACK key group id [id ...] - removes entries from the group's PEL; all IDs are validated first.
// Counterpart: xackCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply } from '../../protocol/reply.js';
import type { StreamId } from '../../datatypes/stream-id.js';
import { lookupStreamRead, strictId } from './stream-access.js';

export default defineCommand('xack', (ctx, argv) => {
  const s = lookupStreamRead(ctx, argv[1]);
  if (s instanceof ErrorReply) return s;
  const g = s?.group(argv[2]);
  if (g === undefined) return 0;
  const ids: StreamId[] = [];
  for (let j = 3; j < argv.length; j++) {
    const id = strictId(argv[j]);
    if (id instanceof ErrorReply) return id;
    ids.push(id);
  }
  let acked = 0;
  for (const id of ids) if (g.ack(id)) acked++;
  ctx.addDirty(acked);
  return acked;
});
