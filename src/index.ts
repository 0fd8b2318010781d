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
 * Runs one of the subcommands that parse their own arguments as their Redis counterparts do (server,
 * cli, benchmark, rdb-check, aof-check; bin/run.js lists them) and ends the process with its exit code.
 * bin/run.js calls it directly, without loading oclif (a fifth of a second per one-shot `cinnabar cli`,
 * which shell scripts call in loops as they call redis-cli); the oclif commands in commands/ call it too.
 */
export async function runSubcommand(name: string, argv: string[]): Promise<void> {
  if (name === 'server') {
    process.exit(await runServer(argv, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }));
  }
  const tool = TOOLS[name];
  if (tool === undefined) throw new Error(`not a subcommand with its own arguments: ${name}`);
  const code = await tool(argv);
  // Leave once output is flushed, even if stdin is still open (a terminal never read from).
  process.stdout.write('', () => process.exit(code));
}

/** The tools among them: each returns its exit code. */
const TOOLS: Record<string, ((argv: string[]) => Promise<number>) | undefined> = {
  cli: runCli,
  benchmark: runBenchmark,
  'rdb-check': runRdbCheck,
  'aof-check': runAofCheck,
};
