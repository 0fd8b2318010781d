// `cinnabar benchmark`: the redis-benchmark counterpart. Arguments are parsed by the tool itself because
// its flags (-h for host, -3, -t lists, a custom command after the options) do not fit oclif's model.
import { Command } from '@oclif/core';
import { runSubcommand } from '../src/index.js';

/** Arguments after a `--` that keeps oclif from reading them (bin/run.js itself calls runSubcommand directly). */
function ownArgs(argv: string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv;
}

export default class Benchmark extends Command {
  static override summary = 'Load generator for Cinnabar and Redis servers (redis-benchmark compatible)';
  static override description =
    'Runs the redis-benchmark test suite or a custom command against a server and reports requests per second ' +
    'and latency percentiles. Accepts the options redis-benchmark accepts (-h host, -p port, -c clients, ' +
    '-n requests, -P pipeline, -t tests, -q, --csv, ...) plus --duration, --rate, --percentiles and --json. ' +
    'Run "cinnabar benchmark --help" for the full list.';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> benchmark -q',
    '<%= config.bin %> benchmark -t set,get -n 1000000 -P 16 --csv',
    '<%= config.bin %> benchmark -r 10000 -n 10000 lpush mylist __rand_int__',
    '<%= config.bin %> benchmark -t get --rate 20000 --duration 10 --percentiles 50,99,99.9',
  ];

  async run(): Promise<void> {
    await runSubcommand('benchmark', ownArgs(this.argv));
  }
}
