// EXPIRE key seconds [NX|XX|GT|LT] - Redis counterpart: expireCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { expireGeneric } from './expire-generic.js';

export default defineCommand('expire', (ctx, argv) => expireGeneric(ctx, argv, ctx.now, true, false));
