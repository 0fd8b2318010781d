// SCRIPT HELP - usage of the SCRIPT subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'EXISTS <sha1> [<sha1> ...]',
  '    For each digest, 1 if the script is in the script cache, else 0.',
  'FLUSH [ASYNC|SYNC]',
  '    Empty the script cache (lazyfree-lazy-user-flush decides the mode when none is given).',
  'KILL',
  '    Stop the running script, if it has not written anything yet.',
  'LOAD <script>',
  '    Put a script in the cache without running it; replies with its SHA1 digest.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('script|help', () => LINES);
