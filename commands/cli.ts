// `cinnabar cli`: the redis-cli counterpart. Arguments are parsed by the cli itself because its flags
// (-h for host, -3, -x, options before a free-form command) do not fit oclif's flag model.
import { Command } from '@oclif/core';
import { runCli } from '../src/index.js';

/** bin/run.js puts `--` before this command's own arguments; drop it. */
function ownArgs(argv: string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv;
}

export default class Cli extends Command {
  static override summary = 'Command-line client for Cinnabar and Redis servers (redis-cli compatible)';
  static override description =
    'Runs one command and prints its reply, or starts an interactive prompt when no command is given. ' +
    'Accepts the options redis-cli accepts: -h host, -p port, -s socket, -a password, --user, -n db, -u URI, ' +
    '-r repeat, -i interval, -x, -e, -2/-3, --raw, --no-raw, --csv. Run "cinnabar cli --help" for the full list.';
  static override strict = false;
  static override examples = [
    '<%= config.bin %> cli ping',
    '<%= config.bin %> cli -p 6380 -n 2 set greeting hello',
    'echo -n payload | <%= config.bin %> cli -x set blob',
    '<%= config.bin %> cli -r 5 -i 1 info memory',
  ];

  async run(): Promise<void> {
    const code = await runCli(ownArgs(this.argv));
    // Leave once output is flushed, even if stdin is still open (a terminal we never read from).
    process.stdout.write('', () => process.exit(code));
  }
}
