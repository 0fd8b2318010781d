// PEXPIREAT key unix-time-milliseconds [NX|XX|GT|LT] - propagated as sent unless it deletes the key.
// Redis counterpart: pexpireatCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { expireGeneric } from './expire-generic.js';

export default defineCommand('pexpireat', (ctx, argv) => expireGeneric(ctx, argv, 0, false, true));
