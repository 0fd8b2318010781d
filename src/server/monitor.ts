// MONITOR and SLOWLOG share how a command's arguments are shown: secrets redacted (AUTH, HELLO ... AUTH,
// ACL SETUSER, MIGRATE ... AUTH/AUTH2), and for MONITOR each argument quoted with escapes.
// Counterparts: replicationFeedMonitors (replication.c), redactClientCommandArgument and sdscatrepr.

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

/** A quoted, escaped argument as MONITOR and redis-cli print it: "a\"b\n\x01". */
export function quoteArg(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        if (c >= 0x20 && c < 0x7f) out += s[i];
        else out += '\\x' + c.toString(16).padStart(2, '0');
    }
  }
  return out + '"';
}

/** One MONITOR line (without the status prefix): `1700000000.123456 [0 127.0.0.1:5000] "get" "k"`. */
export function monitorLine(dbIndex: number, origin: string, argv: readonly string[]): string {
  const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const secs = Math.floor(us / 1e6);
  const frac = String(us - secs * 1e6).padStart(6, '0');
  let line = `${secs}.${frac} [${dbIndex} ${origin}]`;
  for (const a of redactedArgv(argv)) line += ' ' + quoteArg(a);
  return line;
}
