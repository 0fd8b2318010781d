#!/usr/bin/env node
import { execute } from '@oclif/core';

// These subcommands parse their own arguments the way their Redis counterparts do (redis-cli's `-h` is
// the host; `cinnabar cli set k --help` stores "--help"). A `--` after the subcommand keeps oclif from
// treating a --help anywhere in them as its own flag; each command drops that `--` again.
const OWN_ARGS = new Set(['cli', 'server', 'benchmark', 'rdb-check', 'aof-check']);
const argv = process.argv.slice(2);
const args = argv.length > 0 && OWN_ARGS.has(argv[0]) ? [argv[0], '--', ...argv.slice(1)] : argv;

await execute({ args, dir: import.meta.url });
