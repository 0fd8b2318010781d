// SLOWLOG LEN - the number of entries in the slow log.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('slowlog|len', (ctx) => ctx.server.slowlog.length);
