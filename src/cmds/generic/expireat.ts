// EXPIREAT key unix-time-seconds [NX|XX|GT|LT] - Redis counterpart: expireatCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { expireGeneric } from './expire-generic.js';

export default defineCommand('expireat', (ctx, argv) => expireGeneric(ctx, argv, 0, true, false));
