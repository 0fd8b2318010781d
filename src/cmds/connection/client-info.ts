// CLIENT INFO - this connection's CLIENT LIST line. Counterpart: clientCommand "info".
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';

export default defineCommand('client|info', (ctx) => new VerbatimReply('txt', ctx.server.clientInfo(ctx.client)));
