// The error catalogue: every error reply's wire text, exactly as Redis prints it (the first word is
// the error code that INFO errorstats counts by). Counterpart: shared.* objects in Redis's server.c.
import { ErrorReply } from './reply.js';

const e = (t: string) => new ErrorReply(t);

export const ERR_SYNTAX = e('ERR syntax error');
export const ERR_WRONGTYPE = e('WRONGTYPE Operation against a key holding the wrong kind of value');
export const ERR_NOT_INTEGER = e('ERR value is not an integer or out of range');
export const ERR_NOT_FLOAT = e('ERR value is not a valid float');
export const ERR_OVERFLOW = e('ERR increment or decrement would overflow');
export const ERR_NO_SUCH_KEY = e('ERR no such key');
export const ERR_OUT_OF_RANGE = e('ERR index out of range');
export const ERR_DB_INDEX = e('ERR DB index is out of range');
export const ERR_INVALID_DB_INDEX = ERR_DB_INDEX;
export const ERR_SAME_OBJECT = e('ERR source and destination objects are the same');
export const ERR_NOAUTH = e('NOAUTH Authentication required.');
export const ERR_INVALID_CURSOR = e('ERR invalid cursor');
export const ERR_STRING_TOO_LONG = e('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
export const ERR_POSITIVE = e('ERR value is out of range, must be positive');
export const ERR_NAN_OR_INF = e('ERR increment would produce NaN or Infinity');
export const ERR_MAX_CLIENTS = e('ERR max number of clients reached');

export function errUnknownCommand(name: string, args: string[]): ErrorReply {
  let a = '';
  for (let i = 0; i < args.length && a.length < 128; i++) a += `'${trunc(args[i], 128 - a.length)}' `;
  return e(`ERR unknown command '${trunc(name, 128)}', with args beginning with: ${a}`);
}

export function errUnknownSubcommand(sub: string, container: string): ErrorReply {
  return e(`ERR unknown subcommand '${trunc(sub, 128)}'. Try ${container.toUpperCase()} HELP.`);
}

export function errArity(name: string): ErrorReply {
  return e(`ERR wrong number of arguments for '${name}' command`);
}

export function errInvalidExpire(cmd: string): ErrorReply {
  return e(`ERR invalid expire time in '${cmd}' command`);
}

export function errorReply(text: string): ErrorReply {
  return e(text);
}

/**
 * Echoed names and arguments are printed as C strings (so they end at a NUL byte), cut to n bytes,
 * with CR and LF turned into spaces so the error stays one line.
 */
function trunc(s: string, n: number): string {
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  let out = s.length > n ? s.slice(0, n) : s;
  if (out.indexOf('\r') >= 0 || out.indexOf('\n') >= 0) out = out.replace(/[\r\n]/g, ' ');
  return out;
}
