// SETNX key value - Redis counterpart: setnxCommand (t_string.c); replies 1 when set, 0 otherwise.
import { defineCommand } from '../../spec/define.js';
import { OPT_NX } from './expire-args.js';
import { setGeneric } from './set-generic.js';

export default defineCommand('setnx', (ctx, argv) =>
  setGeneric(ctx, argv, OPT_NX, argv[1], argv[2], null, { ok: 1, abort: 0 }),
);
