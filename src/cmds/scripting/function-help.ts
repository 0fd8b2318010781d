// FUNCTION HELP - usage of the FUNCTION subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Load a library; its first line names it: #!lua name=<library>.',
  'DELETE <LIBRARY NAME>',
  '    Remove a library and its functions.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Libraries (those matching the pattern) with their engine and functions, and their code with WITHCODE.',
  'STATS',
  '    The function running now (none) and the number of libraries and functions per engine.',
  'KILL',
  '    Stop the running function, if it has not written anything yet.',
  'FLUSH [ASYNC|SYNC]',
  '    Remove every library.',
  'DUMP',
  '    A payload holding every library, for FUNCTION RESTORE.',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Load the libraries of a payload: FLUSH drops the current ones first, APPEND (the default) fails on a',
  '    name collision, REPLACE replaces libraries of the same name.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('function|help', () => LINES);
