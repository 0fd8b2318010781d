// BZPOPMIN key [key ...] timeout - ZPOPMIN of one member, or block until a key has one.
// Redis counterpart: bzpopminCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { bzpopGeneric } from './bzpop-generic.js';

export default defineCommand('bzpopmin', (ctx, argv) => bzpopGeneric(ctx, argv, 'min'));
