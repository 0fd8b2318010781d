// CLIENT TRACKINGINFO - this connection's tracking flags (a set), redirection id and BCAST prefixes.
// Counterpart: clientCommand "trackinginfo" (networking.c).
import { defineCommand } from '../../spec/define.js';
import { MapReply, SetReply } from '../../protocol/reply.js';

export default defineCommand('client|trackinginfo', (ctx) => {
  const t = ctx.server.tracking.info(ctx.client);
  if (t === null) return new MapReply(['flags', new SetReply(['off']), 'redirect', -1, 'prefixes', []]);
  const flags: string[] = ['on'];
  if (t.bcast) flags.push('bcast');
  if (t.optin) {
    flags.push('optin');
    if (t.caching) flags.push('caching-yes');
  }
  if (t.optout) {
    flags.push('optout');
    if (t.caching) flags.push('caching-no');
  }
  if (t.noloop) flags.push('noloop');
  if (t.brokenRedirect) flags.push('broken_redirect');
  return new MapReply(['flags', new SetReply(flags), 'redirect', t.redirect, 'prefixes', [...t.prefixes]]);
});
