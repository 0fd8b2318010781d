// SCRIPT KILL - stops a running script that has not written (NOTBUSY when none runs).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('script|kill', (ctx) => ctx.server.scripting.scriptKill());
