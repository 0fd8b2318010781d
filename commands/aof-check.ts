// `cinnabar aof-check`: the redis-check-aof counterpart. Arguments are parsed by the tool itself (bin/run.js
// passes them after `--`), so redis-check-aof's `--fix FILE` and `--truncate-to-timestamp TS FILE` work as is.
import { Command } from '@oclif/core';
import { runSubcommand } from '../src/index.js';

/** Arguments after a `--` that keeps oclif from reading them (bin/run.js itself calls runSubcommand directly). */
function ownArgs(argv: string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv;
}

export default class AofCheck extends Command {
  static override summary = 'Check and repair append-only files (redis-check-aof compatible)';
  static override description =
    'Validates an old-style AOF, an RDB-preamble AOF, or a Redis 7 multi-part AOF (its directory or manifest), ' +
    'reporting the file, offset and line of the first problem with redis-check-aof\'s wording. --fix truncates ' +
    'the last file to its last complete command after confirmation (--yes skips it); --truncate-to-timestamp ' +
    'cuts at the first #TS annotation after a unix time. Run "cinnabar aof-check --help" for the full list.';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> aof-check appendonlydir',
    '<%= config.bin %> aof-check appendonlydir/appendonly.aof.manifest',
    '<%= config.bin %> aof-check --fix --yes appendonlydir',
    '<%= config.bin %> aof-check --truncate-to-timestamp 1700000000 appendonlydir',
  ];

  async run(): Promise<void> {
    await runSubcommand('aof-check', ownArgs(this.argv));
  }
}
