// CLIENT CACHING YES|NO - in OPTIN mode, track the keys of the next command (or transaction); in OPTOUT
// mode, do not. Counterpart: clientCommand "caching" (networking.c).
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_SYNTAX, errorReply } from '../../protocol/errors.js';

const ERR_NOT_OPT = errorReply('ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled');
const ERR_YES = errorReply('ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.');
const ERR_NO = errorReply('ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.');

export default defineCommand('client|caching', (ctx, argv) => {
  const t = ctx.server.tracking.info(ctx.client);
  // Redis checks only that tracking is on here; the mode is checked against the argument.
  if (t === null) return ERR_NOT_OPT;
  const opt = argv[2].toLowerCase();
  if (opt === 'yes') {
    if (!t.optin) return ERR_YES;
  } else if (opt === 'no') {
    if (!t.optout) return ERR_NO;
  } else return ERR_SYNTAX;
  ctx.server.tracking.setCaching(ctx.client);
  return OK;
});
