// EXPIRETIME key - the absolute expire time as a unix time in seconds. Redis counterpart: expiretimeCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand('expiretime', (ctx, argv) => ttlGeneric(ctx, argv[1], false, true));
