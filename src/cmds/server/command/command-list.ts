// COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern] - names of all commands and
// subcommands ("config|get"), each container followed by its subcommands; a filter applies to every
// name separately, so a subcommand can match where its container does not.
// Counterpart: commandListCommand in Redis's server.c.
import { defineCommand } from '../../../spec/define.js';
import { ERR_SYNTAX } from '../../../protocol/errors.js';
import type { Command } from '../../../spec/types.js';
import { stringMatch } from '../../../util/glob.js';

type Filter = (cmd: Command) => boolean;

function parseFilter(type: string, arg: string): Filter | null {
  switch (type.toLowerCase()) {
    // No modules can be loaded, so no command belongs to one.
    case 'module':
      return () => false;
    case 'aclcat': {
      // Categories are matched by bare name, any case; an unknown category simply matches nothing.
      const want = '@' + arg.toLowerCase();
      return (cmd) => cmd.meta.acl.some((a) => a.toLowerCase() === want);
    }
    case 'pattern':
      return (cmd) => stringMatch(arg, cmd.meta.name, true);
    default:
      return null;
  }
}

export default defineCommand('command|list', (ctx, argv) => {
  let filter: Filter | null = () => true;
  if (argv.length !== 2) {
    if (argv.length !== 5 || argv[2].toLowerCase() !== 'filterby') return ERR_SYNTAX;
    filter = parseFilter(argv[3], argv[4]);
    if (filter === null) return ERR_SYNTAX;
  }
  const names: string[] = [];
  for (const cmd of ctx.server.registry.commands.values()) {
    if (filter(cmd)) names.push(cmd.meta.name);
    if (cmd.subcommands) for (const sub of cmd.subcommands.values()) if (filter(sub)) names.push(sub.meta.name);
  }
  return names;
});
