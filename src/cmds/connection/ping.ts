// PING [message] - Redis counterpart: pingCommand (server.c).
import { defineCommand } from '../../spec/define.js';
import { PONG } from '../../protocol/reply.js';

export default defineCommand('ping', (_ctx, argv) => (argv.length === 1 ? PONG : argv[1]));
