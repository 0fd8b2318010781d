// MEMORY HELP - usage of the MEMORY subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    A short report on the heap and anything unusual about it.',
  'MALLOC-STATS',
  "    The JavaScript engine's heap statistics (there is no jemalloc here).",
  'PURGE',
  '    Ask for a full garbage collection.',
  'STATS',
  '    Memory use of the server, field by field.',
  'USAGE <key> [SAMPLES <count>]',
  '    Estimated bytes of <key> and its value; aggregates are sampled <count> times',
  '    (default 5, 0 for every element).',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('memory|help', () => LINES);
