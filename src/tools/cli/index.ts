// `cinnabar cli`: runs one command (optionally repeated) or an interactive session against a server.
// Counterpart: main() and noninteractive() in Redis's redis-cli.c.
import { processIo, readAll, type CliIo } from './io.js';
import { parseOptions, OptionError, USAGE, type CliOptions } from './options.js';
import { cliVersion } from './help.js';
import { Session } from './session.js';
import { repl } from './repl.js';

export type { CliIo } from './io.js';
export type { CliOptions } from './options.js';

const PASSWORD_WARNING =
  "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";

/** Runs the cli with parsed options; resolves with the process exit code. */
export async function run(opts: CliOptions, io: CliIo): Promise<number> {
  if (opts.showHelp) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (opts.showVersion) {
    io.stdout.write(`cinnabar cli ${cliVersion()}\n`);
    return 0;
  }
  if (opts.passwordOnCommandLine && !opts.noAuthWarning) io.stderr.write(PASSWORD_WARNING);
  const session = new Session(opts, io);
  try {
    if (opts.command.length === 0) return await repl(session);
    return await oneShot(session);
  } finally {
    session.close();
  }
}

async function oneShot(session: Session): Promise<number> {
  const { opts, io } = session;
  // Process arguments arrive as UTF-8 text; the session works on byte strings.
  const argv = opts.command.map((a) => Buffer.from(a, 'utf8').toString('latin1'));
  const isHelp = ['help', '?'].includes(argv[0]!.toLowerCase());
  if (isHelp) {
    await session.connect(false, true);
  } else if (!(await session.connect())) {
    return 1;
  }
  if (opts.stdinLastArg) argv.push((await readAll(io.stdin)).toString('latin1'));
  const result = await session.issue(argv, opts.repeat);
  return result === 'ok' ? 0 : 1;
}

/** Entry point for `cinnabar cli ARGS...`: parses redis-cli style arguments and runs. */
export async function runCli(argv: string[], io?: CliIo): Promise<number> {
  const realIo = io ?? (await processIo());
  let opts: CliOptions;
  try {
    opts = parseOptions(argv, realIo.env);
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    realIo.stderr.write(`${err.message}\n`);
    return 1;
  }
  return run(opts, realIo);
}
