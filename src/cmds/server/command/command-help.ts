// COMMAND HELP - usage of COMMAND and its subcommands.
import { defineCommand } from '../../../spec/define.js';
import { Status } from '../../../protocol/reply.js';

const LINES = [
  'COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  '(no subcommand)',
  '    Describe every command this server knows.',
  'COUNT',
  '    Number of commands this server knows.',
  'LIST [FILTERBY (MODULE <module-name>|ACLCAT <category>|PATTERN <pattern>)]',
  '    Names of all commands and subcommands, optionally only those matching the filter.',
  'INFO [<command-name> ...]',
  '    Describe the named commands (arity, flags, key positions, ACL categories, ...).',
  '    With no names, every command is described.',
  'DOCS [<command-name> ...]',
  '    Documentation of the named commands (summary, arguments, history, ...).',
  '    With no names, every command is documented.',
  'GETKEYS <full-command>',
  '    Extract the key names from a complete command line.',
  'GETKEYSANDFLAGS <full-command>',
  '    Extract the key names from a complete command line, with their access flags.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('command|help', () => LINES);
