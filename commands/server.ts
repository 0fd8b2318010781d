import { Command } from '@oclif/core';
import { runServer } from '../src/index.js';

export default class Server extends Command {
  static override summary = 'Start the Cinnabar server (redis-server compatible)';
  static override description =
    'Accepts what redis-server accepts: an optional configuration file path (or - for stdin) followed by --directive value pairs.';
  static override strict = false;
  static override examples = ['<%= config.bin %> server', '<%= config.bin %> server /etc/cinnabar.conf --port 7000', '<%= config.bin %> server --save "" --appendonly no'];

  async run(): Promise<void> {
    const code = await runServer(this.argv, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
    process.exit(code);
  }
}
