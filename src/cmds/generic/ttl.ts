// TTL key - the remaining time to live in seconds. Redis counterpart: ttlCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand('ttl', (ctx, argv) => ttlGeneric(ctx, argv[1], false, false));
