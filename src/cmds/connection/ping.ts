// PING [message] - Redis counterpart: pingCommand (server.c).
import { defineCommand } from '../../spec/define.js';
import { PONG } from '../../protocol/reply.js';
import { errArity } from '../../protocol/errors.js';

export default defineCommand('ping', (ctx, argv) => {
  if (argv.length > 2) return errArity('ping');
  // A RESP2 subscriber gets PING's answer in the shape of a message: ["pong", message-or-empty].
  if (ctx.resp === 2 && ctx.client.subscriptionCount > 0) return ['pong', argv.length === 2 ? argv[1] : ''];
  return argv.length === 1 ? PONG : argv[1];
});
