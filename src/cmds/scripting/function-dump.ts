// FUNCTION DUMP - every library in one payload for FUNCTION RESTORE (the DUMP payload format).
import { defineCommand } from '../../spec/define.js';
import { createFunctionsPayload } from '../../persistence/rdb/function-payload.js';

export default defineCommand('function|dump', (ctx) => {
  const codes = ctx.server.scripting.listLibraries().map((l) => l.code);
  return createFunctionsPayload(codes, ctx.server.config.getBool('rdbcompression'));
});
