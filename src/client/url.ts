// Parses redis:// and rediss:// connection URLs into client options.
// Counterpart: parseRedisUri in Redis's cli_common.c (redis-cli -u, redis-benchmark -u).
import type { ClientOptions } from './client.js';

export class UrlError extends Error {
  override name = 'UrlError';
}

/**
 * `redis://[[user]:password@]host[:port][/db]`; user and password are percent-decoded.
 * An empty user (`redis://:pass@host`) means the default user, as most clients read it.
 */
export function parseRedisUrl(url: string): ClientOptions & { tls: boolean } {
  let rest: string;
  let tls = false;
  if (url.startsWith('redis://')) rest = url.slice(8);
  else if (url.startsWith('rediss://')) {
    rest = url.slice(9);
    tls = true;
  } else throw new UrlError('Invalid URI scheme');

  const opts: ClientOptions & { tls: boolean } = { tls };
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) {
      const user = decode(userinfo.slice(0, colon));
      if (user !== '') opts.user = user;
      opts.password = decode(userinfo.slice(colon + 1));
    } else {
      opts.password = decode(userinfo);
    }
  }
  const slash = rest.indexOf('/');
  let hostport = rest;
  if (slash >= 0) {
    hostport = rest.slice(0, slash);
    const dbText = rest.slice(slash + 1);
    if (dbText !== '') {
      const db = Number(dbText);
      if (!Number.isInteger(db) || db < 0) throw new UrlError(`Invalid database number: ${dbText}`);
      opts.db = db;
    }
  }
  let host = hostport;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) throw new UrlError('Invalid IPv6 address');
    host = hostport.slice(1, end);
    const tail = hostport.slice(end + 1);
    if (tail.startsWith(':')) opts.port = parsePort(tail.slice(1));
  } else {
    const colon = hostport.lastIndexOf(':');
    if (colon >= 0) {
      host = hostport.slice(0, colon);
      opts.port = parsePort(hostport.slice(colon + 1));
    }
  }
  if (host !== '') opts.host = host;
  return opts;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 0 || port > 65535) throw new UrlError(`Invalid port: ${text}`);
  return port;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new UrlError('Invalid percent-encoding');
  }
}
