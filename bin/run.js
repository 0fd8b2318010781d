#!/usr/bin/env node
// These subcommands parse their own arguments the way their Redis counterparts do (redis-cli's `-h` is
// the host; `cinnabar cli set k --help` stores "--help"), so they are started without loading oclif,
// which would only pass their arguments on. Everything else (help, the command list) goes through oclif.
const OWN_ARGS = new Set(['cli', 'server', 'benchmark', 'rdb-check', 'aof-check']);
const argv = process.argv.slice(2);

if (argv.length > 0 && OWN_ARGS.has(argv[0])) {
  const { runSubcommand } = await import('../dist/src/index.js');
  await runSubcommand(argv[0], argv.slice(1));
} else {
  const { execute } = await import('@oclif/core');
  await execute({ args: argv, dir: import.meta.url });
}
