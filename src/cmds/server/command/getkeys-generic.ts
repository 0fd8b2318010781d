// Shared body of COMMAND GETKEYS and COMMAND GETKEYSANDFLAGS: resolves the command line given after the
// subcommand and extracts its keys. Counterpart: getKeysSubcommandImpl in Redis's server.c.
import { errorReply } from '../../../protocol/errors.js';
import { SetReply, Status, type Reply } from '../../../protocol/reply.js';
import type { CommandContext } from '../../../spec/context.js';
import { commandHasKeys, getKeysFromCommand } from '../../../spec/keys.js';

const ERR_INVALID_COMMAND = errorReply('ERR Invalid command specified');
const ERR_NO_KEYS = errorReply('ERR The command has no key arguments');
const ERR_ARITY = errorReply('ERR Invalid number of arguments specified for command');
const ERR_INVALID_ARGS = errorReply('ERR Invalid arguments specified for command');

export function getKeysGeneric(ctx: CommandContext, argv: string[], withFlags: boolean): Reply {
  const line = argv.slice(2);
  // Resolved as the dispatcher would: the first word names the command, the second a subcommand if it
  // is a container (a container given alone stands for itself). "config|get" is not a command name here.
  let cmd = ctx.server.registry.lookup(line[0]);
  if (cmd?.subcommands && line.length >= 2) cmd = cmd.subcommands.get(line[1].toLowerCase());
  if (!cmd) return ERR_INVALID_COMMAND;
  if (!commandHasKeys(cmd.meta)) return ERR_NO_KEYS;
  const arity = cmd.arity;
  if ((arity > 0 && arity !== line.length) || line.length < -arity) return ERR_ARITY;

  const keys = getKeysFromCommand(cmd.meta, line);
  if (keys.length === 0) return cmd.meta.flags.includes('no_mandatory_keys') ? [] : ERR_INVALID_ARGS;
  return keys.map((k) =>
    withFlags ? [line[k.index], new SetReply(k.flags.map((f) => new Status(f)))] : line[k.index],
  );
}
