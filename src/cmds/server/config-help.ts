// CONFIG HELP - usage of the CONFIG subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET <pattern> [<pattern> ...]',
  '    Return the values of the directives whose names match the glob-style patterns.',
  'SET <directive> <value> [<directive> <value> ...]',
  '    Change directives at run time; either all of them change or none does.',
  'RESETSTAT',
  '    Zero the statistics that INFO reports.',
  'REWRITE',
  '    Write the running configuration back to the configuration file.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('config|help', () => LINES);
