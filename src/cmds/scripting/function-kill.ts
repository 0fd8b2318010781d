// FUNCTION KILL - stops a running function that has not written (NOTBUSY when none runs).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('function|kill', (ctx) => ctx.server.scripting.functionKill());
