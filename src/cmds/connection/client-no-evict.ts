// CLIENT NO-EVICT ON|OFF - exempts this connection from client eviction (maxmemory-clients); the flag
// is kept on the client (`noEvict`, shown as `e` in CLIENT LIST) for the eviction code to consult.
// Counterpart: clientCommand "no-evict" (networking.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';
import { onOff } from './client-no-touch.js';

export default defineCommand('client|no-evict', (ctx, argv) => {
  const v = onOff(argv[2]);
  if (v === null) return ERR_SYNTAX;
  (ctx.client as { noEvict?: boolean }).noEvict = v;
  return OK;
});
