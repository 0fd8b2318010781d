// The entry points that the oclif commands in commands/ call.
export { runServer } from './server/run-server.js';
export { runCli } from './tools/cli/index.js';
