// CLIENT GETREDIR - the client id invalidations are redirected to: 0 for none, -1 when tracking is
// off. Counterpart: clientCommand "getredir" (networking.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('client|getredir', (ctx) => ctx.server.tracking.info(ctx.client)?.redirect ?? -1);
