// HGETALL key - every field and value. Redis counterpart: hgetallCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { hgetallGeneric } from './hgetall-generic.js';

export default defineCommand('hgetall', (ctx, argv) => hgetallGeneric(ctx, argv[1], true, true));
