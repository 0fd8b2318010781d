// CLIENT PAUSE timeout [WRITE|ALL] - holds clients' commands for timeout milliseconds: all of them (the
// default), or only those that may write. Counterpart: clientCommand "pause" (networking.c) and
// getTimeoutFromObjectOrReply (timeout.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';

const ERR_MODE = errorReply('ERR CLIENT PAUSE mode must be WRITE or ALL');
const ERR_TIMEOUT = errorReply('ERR timeout is not an integer or out of range');
const ERR_NEGATIVE = errorReply('ERR timeout is negative');
const ERR_RANGE = errorReply('ERR timeout is out of range');
const LLONG_MAX = 9223372036854775807n;

export default defineCommand('client|pause', (ctx, argv) => {
  if (argv.length > 4) return errorReply(`ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try CLIENT HELP.`);
  let all = true;
  if (argv.length === 4) {
    const mode = argv[3].toLowerCase();
    if (mode === 'write') all = false;
    else if (mode !== 'all') return ERR_MODE;
  }
  const t = parseI64(argv[2]);
  if (t === null) return ERR_TIMEOUT;
  if (t < 0n) return ERR_NEGATIVE;
  const now = Date.now();
  if (t > 0n && t > LLONG_MAX - BigInt(now)) return ERR_RANGE;
  ctx.server.clientPause.pause(now + Number(t), all);
  return OK;
});
