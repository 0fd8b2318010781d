// PEXPIRETIME key - the absolute expire time as a unix time in milliseconds. Redis counterpart: pexpiretimeCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand('pexpiretime', (ctx, argv) => ttlGeneric(ctx, argv[1], true, true));
