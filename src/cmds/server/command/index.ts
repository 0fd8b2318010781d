// The COMMAND family: introspection of the command table. Bare COMMAND (no subcommand) is command.ts's
// commandBare, which the dispatcher calls directly.
import type { CommandImpl } from '../../../spec/define.js';
import commandCount from './command-count.js';
import commandDocs from './command-docs.js';
import commandGetkeys from './command-getkeys.js';
import commandGetkeysandflags from './command-getkeysandflags.js';
import commandHelp from './command-help.js';
import commandInfo from './command-info.js';
import commandList from './command-list.js';

export { commandBare } from './command.js';

export const commandCommands: CommandImpl[] = [
  commandCount,
  commandDocs,
  commandGetkeys,
  commandGetkeysandflags,
  commandHelp,
  commandInfo,
  commandList,
];
