// XREAD [COUNT count] [BLOCK ms] STREAMS key [key ...] id [id ...] - entries after each ID; can block.
import { defineCommand } from '../../spec/define.js';
import { xreadGeneric } from './xread-generic.js';

export default defineCommand('xread', (ctx, argv) => xreadGeneric(ctx, argv, false));
