// ECHO message - Redis counterpart: echoCommand (server.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('echo', (_ctx, argv) => argv[1]);
