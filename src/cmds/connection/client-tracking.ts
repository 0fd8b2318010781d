// CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX p ...] [BCAST] [OPTIN] [OPTOUT] [NOLOOP] - server-assisted
// client-side caching for this connection. Options are parsed (and REDIRECT checked) before ON/OFF, then
// ON checks them against each other and against the options already in effect.
// Counterpart: clientCommand "tracking" (networking.c) and checkPrefixCollisionsOrReply (tracking.c).
import { defineCommand } from '../../spec/define.js';
import { MultiReply, OK, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, errorReply } from '../../protocol/errors.js';
import { parseI64 } from '../../util/number.js';
import type { TrackingInfo, TrackingOptions } from '../../spec/context.js';

const ERR_ONE_REDIRECT = errorReply('ERR A client can only redirect to a single other client');
const ERR_NO_CLIENT = errorReply('ERR The client ID you want redirect to does not exist');
const ERR_PREFIX_BCAST = errorReply('ERR PREFIX option requires BCAST mode to be enabled');
const ERR_SWITCH_BCAST = errorReply(
  "ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.",
);
const ERR_BCAST_OPT = errorReply('ERR OPTIN and OPTOUT are not compatible with BCAST');
const ERR_OPTIN_OPTOUT = errorReply("ERR You can't specify both OPTIN mode and OPTOUT mode");
const ERR_SWITCH_OPT = errorReply(
  "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.",
);

/** Prefixes show in errors as C strings: up to their first NUL byte. */
const cstr = (s: string) => {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
};

const overlap = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
};

/**
 * checkPrefixCollisionsOrReply: a prefix may not start another (the client's own or one given with it).
 * Returns the error, or null; `alsoOk` is set when Redis answers the error and then enables tracking
 * anyway and answers OK too (two given prefixes overlapping, the first not the first given) - a quirk
 * of its return value kept for compatibility.
 */
function prefixCollision(current: TrackingInfo | null, prefixes: string[]): { err: Reply; alsoOk: boolean } | null {
  for (let i = 0; i < prefixes.length; i++) {
    for (const p of current?.prefixes ?? []) {
      if (overlap(p, prefixes[i])) {
        const err = errorReply(`ERR Prefix '${cstr(prefixes[i])}' overlaps with an existing prefix '${cstr(p)}'. Prefixes for a single client must not overlap.`);
        return { err, alsoOk: false };
      }
    }
    for (let j = i + 1; j < prefixes.length; j++) {
      if (overlap(prefixes[i], prefixes[j])) {
        const err = errorReply(`ERR Prefix '${cstr(prefixes[i])}' overlaps with another provided prefix '${cstr(prefixes[j])}'. Prefixes for a single client must not overlap.`);
        return { err, alsoOk: i > 0 };
      }
    }
  }
  return null;
}

export default defineCommand('client|tracking', (ctx, argv) => {
  let redirect = 0;
  const opts: TrackingOptions = { bcast: false, optin: false, optout: false, noloop: false };
  const prefixes: string[] = [];
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    const more = j < argv.length - 1;
    if (opt === 'redirect' && more) {
      j++;
      if (redirect !== 0) return ERR_ONE_REDIRECT;
      const id = parseI64(argv[j]);
      if (id === null) return ERR_NOT_INTEGER;
      // The client must exist now (it may go away later: the tracking client is then told).
      if (id <= 0n || id > BigInt(Number.MAX_SAFE_INTEGER) || !ctx.server.hasClient(Number(id))) return ERR_NO_CLIENT;
      redirect = Number(id);
    } else if (opt === 'bcast') opts.bcast = true;
    else if (opt === 'optin') opts.optin = true;
    else if (opt === 'optout') opts.optout = true;
    else if (opt === 'noloop') opts.noloop = true;
    else if (opt === 'prefix' && more) prefixes.push(argv[++j]);
    else return ERR_SYNTAX;
  }
  const tracking = ctx.server.tracking;
  const mode = argv[2].toLowerCase();
  if (mode === 'off') {
    tracking.disable(ctx.client);
    return OK;
  }
  if (mode !== 'on') return ERR_SYNTAX;
  const current = tracking.info(ctx.client);
  if (!opts.bcast && prefixes.length > 0) return ERR_PREFIX_BCAST;
  if (current !== null && current.bcast !== opts.bcast) return ERR_SWITCH_BCAST;
  if (opts.bcast && (opts.optin || opts.optout)) return ERR_BCAST_OPT;
  if (opts.optin && opts.optout) return ERR_OPTIN_OPTOUT;
  if (current !== null && ((opts.optin && current.optout) || (opts.optout && current.optin))) return ERR_SWITCH_OPT;
  if (opts.bcast) {
    const collision = prefixCollision(current, prefixes);
    if (collision !== null) {
      if (!collision.alsoOk) return collision.err;
      tracking.enable(ctx.client, redirect, opts, prefixes);
      return new MultiReply([collision.err, OK]);
    }
  }
  tracking.enable(ctx.client, redirect, opts, prefixes);
  return OK;
});
