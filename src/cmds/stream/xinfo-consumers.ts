// XINFO CONSUMERS key group - each consumer's name, pending count, idle time (since last seen) and
// inactive time (since last successful delivery or claim, -1 if none).
// Counterpart: the CONSUMERS branch of xinfoCommand (t_stream.c).
import { cstr } from './stream-access.js';
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, MapReply, type Reply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { xinfoStream } from './xinfo-generic.js';

export default defineCommand('xinfo|consumers', (ctx, argv) => {
  const s = xinfoStream(ctx, argv[2]);
  if (s instanceof ErrorReply) return s;
  const g = s.group(argv[3]);
  if (g === undefined) return errorReply(`NOGROUP No such consumer group '${cstr(argv[3])}' for key name '${cstr(argv[2])}'`);
  const now = ctx.now;
  const out: Reply[] = [];
  for (const c of g.sortedConsumers()) {
    const idle = now - c.seenTime;
    const inactive = c.activeTime !== -1 ? now - c.activeTime : -1;
    out.push(new MapReply(['name', c.name, 'pending', c.pel.size, 'idle', idle < 0 ? 0 : idle, 'inactive', inactive]));
  }
  return out;
});
