// SLOWLOG HELP - usage of the SLOWLOG subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET [<count>]',
  '    The newest <count> entries of the slow log (10 by default, every entry with -1). Each has:',
  '    an id, the unix time the command ran, its duration in microseconds, its arguments,',
  '    and the address and name of the client that sent it.',
  'LEN',
  '    The number of entries in the slow log.',
  'RESET',
  '    Empty the slow log.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('slowlog|help', () => LINES);
