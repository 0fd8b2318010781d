// PSETEX key milliseconds value - Redis counterpart: psetexCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { OPT_PX } from './expire-args.js';
import { setGeneric } from './set-generic.js';

export default defineCommand('psetex', (ctx, argv) => setGeneric(ctx, argv, OPT_PX, argv[1], argv[3], argv[2]));
