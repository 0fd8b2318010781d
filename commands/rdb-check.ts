// `cinnabar rdb-check`: the redis-check-rdb counterpart. Arguments are parsed by the tool itself (bin/run.js
// passes them after `--`), so it accepts redis-check-rdb's plain `rdb-check FILE` as well as its own options.
import { Command } from '@oclif/core';
import { runSubcommand } from '../src/index.js';

/** Arguments after a `--` that keeps oclif from reading them (bin/run.js itself calls runSubcommand directly). */
function ownArgs(argv: string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv;
}

export default class RdbCheck extends Command {
  static override summary = 'Check an RDB file and export or profile its keys (redis-check-rdb compatible)';
  static override description =
    'Validates an RDB file (structure, encodings, CRC-64) and prints what it read like redis-check-rdb, with ' +
    'exit status 0 for a sound file and 1 otherwise. --format json|csv exports the keys, --memory prints the ' +
    'rdb-tools memory CSV, --top N the biggest keys per type; --db, --type and --key filter them. ' +
    'Run "cinnabar rdb-check --help" for the full list.';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> rdb-check dump.rdb',
    "<%= config.bin %> rdb-check --format json --db 0 --key 'user:*' dump.rdb",
    '<%= config.bin %> rdb-check --memory dump.rdb > memory.csv',
    '<%= config.bin %> rdb-check --top 10 dump.rdb',
  ];

  async run(): Promise<void> {
    await runSubcommand('rdb-check', ownArgs(this.argv));
  }
}
