// The error every ACL subcommand gives for an argument count it does not accept (addReplySubcommandSyntaxError).
import { errorReply } from '../../protocol/errors.js';
import type { ErrorReply } from '../../protocol/reply.js';

export function errSubcommandSyntax(argv: readonly string[]): ErrorReply {
  return errorReply(`ERR unknown subcommand or wrong number of arguments for '${argv[1].slice(0, 128)}'. Try ${argv[0].toUpperCase()} HELP.`);
}
