// HVALS key - every value. Redis counterpart: hvalsCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { hgetallGeneric } from './hgetall-generic.js';

export default defineCommand('hvals', (ctx, argv) => hgetallGeneric(ctx, argv[1], false, true));
