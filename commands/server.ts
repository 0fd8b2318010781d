import { Command } from '@oclif/core';
import { runSubcommand } from '../src/index.js';

/** Arguments after a `--` that keeps oclif from reading them (bin/run.js itself calls runSubcommand directly). */
function ownArgs(argv: string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv;
}

export default class Server extends Command {
  static override summary = 'Start the Cinnabar server (redis-server compatible)';
  static override description =
    'Accepts what redis-server accepts: an optional configuration file path (or - for stdin) followed by --directive value pairs.';
  static override strict = false;
  static override examples = ['<%= config.bin %> server', '<%= config.bin %> server /etc/cinnabar.conf --port 7000', '<%= config.bin %> server --save "" --appendonly no'];

  async run(): Promise<void> {
    await runSubcommand('server', ownArgs(this.argv));
  }
}
