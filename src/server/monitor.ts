// MONITOR and SLOWLOG share how a command's arguments are shown: secrets redacted (AUTH, HELLO ... AUTH,
// ACL SETUSER, MIGRATE ... AUTH/AUTH2), and for MONITOR each argument quoted with escapes.
// Counterparts: replicationFeedMonitors (replication.c), redactClientCommandArgument and sdscatrepr.
import { quoteBytes } from '../util/quote.js';

/** The arguments as shown, with passwords replaced by "(redacted)". */
export function redactedArgv(argv: readonly string[]): readonly string[] {
  const name = argv[0].toLowerCase();
  if (name === 'auth') return [argv[0], ...argv.slice(1).map(() => '(redacted)')];
  // ACL SETUSER: the user name and every rule (passwords among them) are hidden.
  if (name === 'acl' && argv.length > 2 && argv[1].toLowerCase() === 'setuser') {
    return [argv[0], argv[1], ...argv.slice(2).map(() => '(redacted)')];
  }
  if (name === 'hello') {
    for (let i = 2; i < argv.length; i++) {
      if (argv[i].toLowerCase() === 'auth' && i + 2 < argv.length) {
        const out = argv.slice();
        out[i + 1] = '(redacted)';
        out[i + 2] = '(redacted)';
        return out;
      }
    }
    return argv;
  }
  if (name === 'migrate') {
    const out = argv.slice();
    for (let i = 6; i < out.length; i++) {
      const opt = out[i].toLowerCase();
      if (opt === 'auth' && i + 1 < out.length) out[++i] = '(redacted)';
      else if (opt === 'auth2' && i + 2 < out.length) {
        out[++i] = '(redacted)';
        out[++i] = '(redacted)';
      } else if (opt === 'keys') break;
    }
    return out;
  }
  return argv;
}


/** One MONITOR line (without the status prefix): `1700000000.123456 [0 127.0.0.1:5000] "get" "k"`. */
export function monitorLine(dbIndex: number, origin: string, argv: readonly string[]): string {
  const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const secs = Math.floor(us / 1e6);
  const frac = String(us - secs * 1e6).padStart(6, '0');
  let line = `${secs}.${frac} [${dbIndex} ${origin}]`;
  for (const a of redactedArgv(argv)) line += ' ' + quoteBytes(a);
  return line;
}
