// OBJECT HELP - one line of usage and one of description per subcommand.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the name of the internal representation of the value stored at <key>.',
  'FREQ <key>',
  '    Return the logarithmic access frequency counter of <key> (LFU policies only).',
  'IDLETIME <key>',
  '    Return the number of seconds since <key> was last read or written.',
  'REFCOUNT <key>',
  '    Return the reference count of the value stored at <key>.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('object|help', () => LINES);
