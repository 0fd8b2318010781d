// XPENDING key group [[IDLE min-idle] start end count [consumer]] - the PEL summary (count, smallest
// and largest ID, consumers with pending entries) or its entries with owner, idle time and deliveries.
// Counterpart: xpendingCommand (t_stream.c).
import { defineCommand } from '../../spec/define.js';
import { ErrorReply, NullArray, type Reply } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { formatId } from '../../datatypes/stream-id.js';
import { lookupStreamRead, parseLongLong, cstr } from './stream-access.js';
import { parseEnd, parseStart } from './range-generic.js';

export default defineCommand('xpending', (ctx, argv) => {
  const argc = argv.length;
  const justInfo = argc === 3;
  if (argc !== 3 && (argc < 6 || argc > 9)) return ERR_SYNTAX;
  let minIdle = 0;
  let count = 0;
  let start = '';
  let end = '';
  let consumerName: string | null = null;
  if (argc >= 6) {
    let startIdx = 3;
    if (argv[3].toLowerCase() === 'idle') {
      const n = parseLongLong(argv[4]);
      if (n instanceof ErrorReply) return n;
      minIdle = n;
      if (argc < 8) return ERR_SYNTAX;
      startIdx += 2;
    }
    const c = parseLongLong(argv[startIdx + 2]);
    if (c instanceof ErrorReply) return c;
    count = c < 0 ? 0 : c;
    const st = parseStart(argv[startIdx]);
    if (st instanceof ErrorReply) return st;
    const en = parseEnd(argv[startIdx + 1]);
    if (en instanceof ErrorReply) return en;
    start = st;
    end = en;
    if (startIdx + 3 < argc) consumerName = argv[startIdx + 3];
  }
  const s = lookupStreamRead(ctx, argv[1]);
  if (s instanceof ErrorReply) return s;
  const g = s?.group(argv[2]);
  if (g === undefined) return errorReply(`NOGROUP No such key '${cstr(argv[1])}' or consumer group '${cstr(argv[2])}'`);
  if (justInfo) {
    if (g.pel.size === 0) return [0, null, null, NullArray.instance];
    const consumers: Reply[] = [];
    for (const c of g.sortedConsumers()) if (c.pel.size) consumers.push([c.name, String(c.pel.size)]);
    return [g.pel.size, formatId(g.pel.first()!), formatId(g.pel.last()!), consumers];
  }
  let pel = g.pel;
  if (consumerName !== null) {
    const c = g.consumers.get(consumerName);
    if (c === undefined) return [];
    pel = c.pel;
  }
  const now = ctx.now;
  const out: Reply[] = [];
  if (count === 0) return out;
  for (const id of pel.from(start)) {
    if (id > end) break;
    const nack = pel.get(id)!;
    if (minIdle && now - nack.deliveryTime < minIdle) continue;
    const idle = now - nack.deliveryTime;
    out.push([formatId(id), nack.consumer!.name, idle < 0 ? 0 : idle, nack.deliveryCount]);
    if (out.length === count) break;
  }
  return out;
});
