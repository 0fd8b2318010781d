// FUNCTION LOAD [REPLACE] code - loads a library (`#!lua name=<lib>` first line) and its functions.
import { defineCommand } from '../../spec/define.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';

export default defineCommand('function|load', (ctx, argv) => {
  let replace = false;
  let i = 2;
  for (; i < argv.length - 1; i++) {
    if (argv[i].toLowerCase() === 'replace') replace = true;
    else return errorUnknown(argv[i]);
  }
  if (i !== argv.length - 1) return ERR_SYNTAX;
  return ctx.server.scripting.functionLoad(argv[argv.length - 1], replace);
});

function errorUnknown(arg: string) {
  return errorReply(`ERR Unknown option given: ${arg}`);
}
