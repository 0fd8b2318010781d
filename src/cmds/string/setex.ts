// SETEX key seconds value - Redis counterpart: setexCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { OPT_EX } from './expire-args.js';
import { setGeneric } from './set-generic.js';

export default defineCommand('setex', (ctx, argv) => setGeneric(ctx, argv, OPT_EX, argv[1], argv[3], argv[2]));
