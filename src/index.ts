// The entry points that the oclif commands in commands/ call. Each loads its subsystem on demand, so
// a tool never pays for (or depends on) the server's code at start-up.
import type { ServerIo } from './server/run-server.js';

export async function runServer(argv: string[], io: ServerIo): Promise<number> {
  return (await import('./server/run-server.js')).runServer(argv, io);
}

export async function runCli(argv: string[]): Promise<number> {
  return (await import('./tools/cli/index.js')).runCli(argv);
}

export async function runBenchmark(argv: string[]): Promise<number> {
  return (await import('./tools/benchmark/index.js')).runBenchmark(argv);
}

export async function runRdbCheck(argv: string[]): Promise<number> {
  const { runRdbCheck: run } = await import('./tools/rdb-check/index.js');
  return run(argv, await (await import('./tools/rdb-check/io.js')).processToolIo());
}

export async function runAofCheck(argv: string[]): Promise<number> {
  const { runAofCheck: run } = await import('./tools/aof-check/index.js');
  return run(argv, await (await import('./tools/rdb-check/io.js')).processToolIo());
}

/**
 * Runs one of the subcommands that parse their own arguments as their Redis counterparts do (cli,
 * server, benchmark, rdb-check, aof-check; bin/run.js lists them) with its arguments and ends the process with its exit code. bin/run.js
 * calls it directly, without loading oclif (a fifth of a second per one-shot `cinnabar cli`, which
 * shell scripts call in loops as they call redis-cli); the oclif commands in commands/ call it too.
 */
export async function runSubcommand(name: string, argv: string[]): Promise<void> {
  switch (name) {
    case 'server': {
      const code = await runServer(argv, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
      process.exit(code);
      break;
    }
    case 'cli':
      exitAfterOutput(await runCli(argv));
      break;
    case 'benchmark':
      exitAfterOutput(await runBenchmark(argv));
      break;
    case 'rdb-check':
      exitAfterOutput(await runRdbCheck(argv));
      break;
    case 'aof-check':
      exitAfterOutput(await runAofCheck(argv));
      break;
    default:
      throw new Error(`not a subcommand with its own arguments: ${name}`);
  }
}

/** Leaves once output is flushed, even if stdin is still open (a terminal never read from). */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.exit(code));
}
