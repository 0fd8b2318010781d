// SLOWLOG GET [count] - the newest entries (10 by default, all with -1): id, unix time, microseconds,
// arguments, client address and name.
import { defineCommand } from '../../spec/define.js';
import { errorReply } from '../../protocol/errors.js';
import type { Reply } from '../../protocol/reply.js';

const ERR_COUNT = errorReply('ERR count should be greater than or equal to -1');

export default defineCommand('slowlog|get', (ctx, argv) => {
  let count = 10;
  if (argv.length === 3) {
    const t = argv[2];
    if (!/^-?\d+$/.test(t) || t.length > 20) return ERR_COUNT;
    count = Number(t);
    if (count < -1) return ERR_COUNT;
  }
  return ctx.server.slowlog.get(count).map((e): Reply => [e.id, e.time, e.duration, e.argv, e.addr, e.name]);
});
