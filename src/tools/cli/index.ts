// `cinnabar cli`: runs one command (optionally repeated) or an interactive session against a server.
// Counterpart: main() and noninteractive() in Redis's redis-cli.c.
import { processIo, readAll, type CliIo } from './io.js';
import { parseOptions, OptionError, USAGE, type CliOptions } from './options.js';
import { cliVersion } from './help.js';
import { Session } from './session.js';
import { splitArgs } from './split-args.js';
// The prompt, the special modes and --eval are loaded when used: a one-shot command (what scripts run
// in loops) starts without them.

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
  for (const w of opts.warnings ?? []) io.stderr.write(`${w}\n`);
  if (opts.passwordOnCommandLine && !opts.noAuthWarning) io.stderr.write(PASSWORD_WARNING);
  if (opts.unsupported) {
    io.stderr.write(`${opts.unsupported}\n`);
    return 1;
  }
  if (opts.askpass) opts.password = await (await import('./askpass.js')).askPassword(io, 'Please input password: ');
  const session = new Session(opts, io);
  try {
    if (opts.mode) return await runMode(session);
    if (opts.command.length === 0 && opts.evalFile === undefined) return await (await import('./repl.js')).repl(session);
    return await oneShot(session);
  } finally {
    session.close();
  }
}

/** The special modes; all but --intrinsic-latency need a connection first. */
async function runMode(session: Session): Promise<number> {
  const mode = session.opts.mode!;
  if (mode === 'intrinsic-latency') {
    const { intrinsicLatencyMode } = await import('./modes/latency.js');
    return withCtrlC(session, () => intrinsicLatencyMode(session));
  }
  if (!(await session.connect())) return 1;
  switch (mode) {
    case 'scan':
      return (await import('./modes/scan.js')).scanMode(session);
    case 'bigkeys':
    case 'memkeys':
      return (await import('./modes/big-keys.js')).bigKeysMode(session, mode === 'memkeys');
    case 'hotkeys':
      return (await import('./modes/hot-keys.js')).hotKeysMode(session);
    case 'latency':
    case 'latency-history':
      return (await import('./modes/latency.js')).latencyMode(session, mode === 'latency-history');
    case 'latency-dist':
      return (await import('./modes/latency.js')).latencyDistMode(session);
    case 'stat':
      return (await import('./modes/stat.js')).statMode(session);
    case 'pipe':
      return (await import('./modes/pipe.js')).pipeMode(session);
  }
}

/** --intrinsic-latency prints its summary on Ctrl-C; the other modes simply end, as redis-cli's do. */
async function withCtrlC(session: Session, fn: () => Promise<number>): Promise<number> {
  const onSigint = () => {
    session.stopped = true;
  };
  process.on('SIGINT', onSigint);
  try {
    return await fn();
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function oneShot(session: Session): Promise<number> {
  const { opts, io } = session;
  const isHelp = opts.evalFile === undefined && ['help', '?'].includes(opts.command[0]!.toLowerCase());
  if (isHelp) {
    await session.connect(false, true);
  } else if (!(await session.connect())) {
    return 1;
  }
  let argv: string[];
  if (opts.evalFile !== undefined) {
    const { evalArgv, EvalFileError } = await import('./modes/eval.js');
    try {
      argv = evalArgv(opts.evalFile, opts.command.map(toBytes));
    } catch (err) {
      if (!(err instanceof EvalFileError)) throw err;
      session.err(err.message);
      return 1;
    }
  } else if (opts.quotedInput) {
    const unquoted: string[] = [];
    for (const a of opts.command) {
      const parts = splitArgs(a);
      if (!parts || parts.length !== 1) {
        session.out('Invalid quoted string\n');
        return 1;
      }
      unquoted.push(parts[0]!);
    }
    argv = unquoted;
  } else {
    // Process arguments arrive as UTF-8 text; the session works on byte strings.
    argv = opts.command.map(toBytes);
  }
  if (opts.stdinLastArg) argv.push((await readAll(io.stdin)).toString('latin1'));
  else if (opts.stdinTag !== undefined) {
    const at = argv.indexOf(toBytes(opts.stdinTag));
    if (at < 0) {
      session.err('Using -X option but stdin tag not match.\n');
      return 1;
    }
    argv[at] = (await readAll(io.stdin)).toString('latin1');
  }
  const result = await session.issue(argv, opts.repeat);
  return result === 'ok' ? 0 : 1;
}

const toBytes = (a: string) => Buffer.from(a, 'utf8').toString('latin1');

/** Entry point for `cinnabar cli ARGS...`: parses redis-cli style arguments and runs. */
export async function runCli(argv: string[], io?: CliIo): Promise<number> {
  const realIo = io ?? (await processIo());
  let opts: CliOptions;
  try {
    opts = parseOptions(argv, realIo.env);
    if (opts.stdinLastArg && opts.stdinTag !== undefined) throw new OptionError('Options -x and -X are mutually exclusive.');
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    realIo.stderr.write(`${err.message}\n`);
    return 1;
  }
  return run(opts, realIo);
}
