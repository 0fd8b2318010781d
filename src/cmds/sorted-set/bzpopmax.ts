// BZPOPMAX key [key ...] timeout - ZPOPMAX of one member, or block until a key has one.
// Redis counterpart: bzpopmaxCommand (t_zset.c).
import { defineCommand } from '../../spec/define.js';
import { bzpopGeneric } from './bzpop-generic.js';

export default defineCommand('bzpopmax', (ctx, argv) => bzpopGeneric(ctx, argv, 'max'));
