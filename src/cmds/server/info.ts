// INFO [section ...] - the report is assembled by the server (src/server/info/); this command only
// parses section names. Counterpart: infoCommand (server.c).
import { defineCommand } from '../../spec/define.js';
import { VerbatimReply } from '../../protocol/reply.js';

export default defineCommand('info', (ctx, argv) => {
  const sections = argv.slice(1).map((s) => s.toLowerCase());
  return new VerbatimReply('txt', ctx.server.info(sections));
});
