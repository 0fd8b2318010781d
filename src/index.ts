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
