// PING [message] - Redis counterpart: pingCommand (server.c).
import { defineCommand } from '../../spec/define.js';
import { PONG } from '../../protocol/reply.js';
import { errArity } from '../../protocol/errors.js';

export default defineCommand('ping', (_ctx, argv) => {
  if (argv.length > 2) return errArity('ping');
  return argv.length === 1 ? PONG : argv[1];
});
