// Reads cluster redirections out of error replies: `-MOVED <slot> <host>:<port>` (the slot lives
// elsewhere now; update the slot map) and `-ASK <slot> <host>:<port>` (ask that node once, after
// ASKING). Counterpart: the redirect handling in Redis's redis-cli.c (cliReadReply) and in cluster
// clients such as hiredis-cluster.

export interface Redirect {
  kind: 'MOVED' | 'ASK';
  slot: number;
  host: string;
  port: number;
}

/**
 * The redirection an error reply asks for, or null. The address is split at its last colon, so an
 * IPv6 address without brackets still works; an empty host means "the node you asked" (Redis 7
 * sends that when the node's announced address is unknown) and is returned as ''.
 */
export function parseRedirect(message: string): Redirect | null {
  const m = /^(MOVED|ASK) (\d+) (\S*)$/.exec(message);
  if (!m) return null;
  const addr = m[3]!;
  const colon = addr.lastIndexOf(':');
  if (colon < 0) return null;
  let host = addr.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const port = Number(addr.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { kind: m[1] as 'MOVED' | 'ASK', slot: Number(m[2]), host, port };
}
