// `cinnabar cli`: the redis-cli counterpart. Arguments are parsed by the cli itself because its flags
// (-h for host, -3, -x, options before a free-form command) do not fit oclif's flag model.
import { Command } from '@oclif/core';
import { runSubcommand } from '../src/index.js';

/** Arguments after a `--` that keeps oclif from reading them (bin/run.js itself calls runSubcommand directly). */
function ownArgs(argv: string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv;
}

export default class Cli extends Command {
  static override summary = 'Command-line client for Cinnabar and Redis servers (redis-cli compatible)';
  static override description =
    'Runs one command and prints its reply, or starts an interactive prompt when no command is given. ' +
    'Accepts the options redis-cli accepts: connection (-h, -p, -s, -a, --user, --askpass, -u, -n, -2/-3, -c, ' +
    '--tls and its certificate options), running (-r, -i, -x, -X, -e, --quoted-input, --eval), output (--raw, ' +
    '--no-raw, --csv, --json, --quoted-json, --show-pushes) and the modes --scan, --bigkeys, --memkeys, --hotkeys, ' +
    '--stat, --latency, --latency-history, --latency-dist, --intrinsic-latency and --pipe. ' +
    'Run "cinnabar cli --help" for the full list.';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> cli ping',
    '<%= config.bin %> cli -p 6380 -n 2 set greeting hello',
    'echo -n payload | <%= config.bin %> cli -x set blob',
    '<%= config.bin %> cli -r 5 -i 1 info memory',
    "<%= config.bin %> cli --scan --pattern 'user:*'",
    'cat commands.txt | <%= config.bin %> cli --pipe',
  ];

  async run(): Promise<void> {
    await runSubcommand('cli', ownArgs(this.argv));
  }
}
