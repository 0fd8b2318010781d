// WATCH key [key ...] - EXEC will fail if any of these keys changes first. Counterpart: watchCommand.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('watch', (ctx, argv) => ctx.server.transactions.watch(ctx.client, argv.slice(1)));
