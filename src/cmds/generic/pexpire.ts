// PEXPIRE key milliseconds [NX|XX|GT|LT] - Redis counterpart: pexpireCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { expireGeneric } from './expire-generic.js';

export default defineCommand('pexpire', (ctx, argv) => expireGeneric(ctx, argv, ctx.now, false, false));
