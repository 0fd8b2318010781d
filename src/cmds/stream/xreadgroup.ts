// XREADGROUP GROUP group consumer [COUNT count] [BLOCK ms] [NOACK] STREAMS key [key ...] id [id ...]
// - new entries for a consumer group (">"), or the consumer's pending history; can block.
import { defineCommand } from '../../spec/define.js';
import { xreadGeneric } from './xread-generic.js';

export default defineCommand('xreadgroup', (ctx, argv) => xreadGeneric(ctx, argv, true));
