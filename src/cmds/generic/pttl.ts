// PTTL key - the remaining time to live in milliseconds. Redis counterpart: pttlCommand (expire.c).
import { defineCommand } from '../../spec/define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand('pttl', (ctx, argv) => ttlGeneric(ctx, argv[1], true, false));
