// HKEYS key - every field. Redis counterpart: hkeysCommand (t_hash.c).
import { defineCommand } from '../../spec/define.js';
import { hgetallGeneric } from './hgetall-generic.js';

export default defineCommand('hkeys', (ctx, argv) => hgetallGeneric(ctx, argv[1], true, false));
