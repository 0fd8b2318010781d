// CLIENT UNBLOCK client-id [TIMEOUT|ERROR] - ends another client's blocking wait.
// Counterpart: clientCommand "unblock" (networking.c).
import { defineCommand } from '../../spec/define.js';
import { ERR_NOT_INTEGER, errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';

const ERR_WRONG_ARGS = errorReply("ERR unknown subcommand or wrong number of arguments for 'unblock'. Try CLIENT HELP.");
const ERR_MODE = errorReply('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');

export default defineCommand('client|unblock', (ctx, argv) => {
  const id = parseI64(argv[2]);
  if (id === null) return ERR_NOT_INTEGER;
  let error = false;
  if (argv.length === 4) {
    const mode = argv[3].toLowerCase();
    if (mode === 'error') error = true;
    else if (mode !== 'timeout') return ERR_MODE;
  } else if (argv.length > 4) {
    return ERR_WRONG_ARGS;
  }
  return ctx.server.unblockClient(Number(id), error) ? 1 : 0;
});
