// FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE] - loads the libraries of a FUNCTION DUMP payload, all
// or none: APPEND (the default) fails on a library name already loaded, REPLACE replaces such
// libraries, FLUSH drops every library first.
import { defineCommand } from '../../spec/define.js';
import { errorReply } from '../../protocol/errors.js';
import { readFunctionsPayload } from '../../persistence/rdb/function-payload.js';

const ERR_POLICY = errorReply('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');

export default defineCommand('function|restore', (ctx, argv) => {
  if (argv.length > 4) return errorReply(`ERR unknown subcommand or wrong number of arguments for '${argv[1]}'. Try FUNCTION HELP.`);
  let policy: 'flush' | 'append' | 'replace' = 'append';
  if (argv.length > 3) {
    const p = argv[3].toLowerCase();
    if (p !== 'flush' && p !== 'append' && p !== 'replace') return ERR_POLICY;
    policy = p;
  }
  const codes = readFunctionsPayload(Buffer.from(argv[2], 'latin1'));
  if (typeof codes === 'string') return errorReply(codes);
  return ctx.server.scripting.restoreLibraries(codes, policy);
});
