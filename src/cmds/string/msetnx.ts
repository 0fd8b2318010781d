// MSETNX key value [key value ...] - Redis counterpart: msetnxCommand (t_string.c); all or nothing.
import { defineCommand } from '../../spec/define.js';
import { msetGeneric } from './mset-generic.js';

export default defineCommand('msetnx', (ctx, argv) => msetGeneric(ctx, argv, true));
