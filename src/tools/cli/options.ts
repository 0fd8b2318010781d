// Command-line options of `cinnabar cli`, parsed the way redis-cli parses its own: options first,
// the first word that is not an option starts the command, an option missing its value is an error.
// Counterpart: parseOptions in Redis's redis-cli.c.
import { parseRedisUrl, UrlError } from '../../client/url.js';

export interface CliOptions {
  host: string;
  port: number;
  socket?: string;
  user?: string;
  password?: string;
  db: number;
  resp: 2 | 3;
  repeat: number;
  /** Seconds between repeats. */
  interval: number;
  stdinLastArg: boolean;
  exitOnError: boolean;
  /** Forced output mode; undefined means "raw unless stdout is a terminal". */
  output?: 'standard' | 'raw' | 'csv';
  mbDelim: string;
  cmdDelim: string;
  noAuthWarning: boolean;
  /** The password came from the command line (-a, --pass, -u), which earns a warning. */
  passwordOnCommandLine: boolean;
  showVersion: boolean;
  showHelp: boolean;
  command: string[];
}

export class OptionError extends Error {
  override name = 'OptionError';
}

export function defaultOptions(): CliOptions {
  return {
    host: '127.0.0.1',
    port: 6379,
    db: 0,
    resp: 2,
    repeat: 1,
    interval: 0,
    stdinLastArg: false,
    exitOnError: false,
    mbDelim: '\n',
    cmdDelim: '\n',
    noAuthWarning: false,
    passwordOnCommandLine: false,
    showVersion: false,
    showHelp: false,
    command: [],
  };
}

/** C atoi(): leading blanks, optional sign, digits; anything else stops the number (0 when none). */
export function atoi(text: string): number {
  const m = /^\s*([-+]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1]!, 10) : 0;
}

/** `env` supplies REDISCLI_AUTH, the password source that does not warn. */
export function parseOptions(argv: string[], env: Record<string, string | undefined> = {}): CliOptions {
  const o = defaultOptions();
  if (env.REDISCLI_AUTH !== undefined) o.password = env.REDISCLI_AUTH;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const hasValue = i + 1 < argv.length;
    const value = (): string => argv[++i]!;
    if (a === '-h' && hasValue) o.host = value();
    else if (a === '-p' && hasValue) o.port = atoi(value());
    else if (a === '-s' && hasValue) o.socket = value();
    else if (a === '-n' && hasValue) o.db = atoi(value());
    else if (a === '-r' && hasValue) o.repeat = atoi(value());
    else if (a === '-i' && hasValue) o.interval = Number.parseFloat(value()) || 0;
    else if ((a === '-a' || a === '--pass') && hasValue) {
      o.password = value();
      o.passwordOnCommandLine = true;
    } else if (a === '--user' && hasValue) o.user = value();
    else if (a === '-u' && hasValue) applyUrl(o, value());
    else if (a === '-d' && hasValue) o.mbDelim = value();
    else if (a === '-D' && hasValue) o.cmdDelim = value();
    else if (a === '-x') o.stdinLastArg = true;
    else if (a === '-e') o.exitOnError = true;
    else if (a === '-2') o.resp = 2;
    else if (a === '-3') o.resp = 3;
    else if (a === '--raw') o.output = 'raw';
    else if (a === '--no-raw') o.output = 'standard';
    else if (a === '--csv') o.output = 'csv';
    else if (a === '--no-auth-warning') o.noAuthWarning = true;
    else if (a === '-v' || a === '--version') o.showVersion = true;
    else if (a === '--help') o.showHelp = true;
    else if (a.startsWith('-') && a.length > 1) {
      throw new OptionError(`Unrecognized option or bad number of args for: '${a}'`);
    } else break;
  }
  o.command = argv.slice(i);
  return o;
}

function applyUrl(o: CliOptions, url: string): void {
  let parsed;
  try {
    parsed = parseRedisUrl(url);
  } catch (err) {
    if (err instanceof UrlError) throw new OptionError(`${err.message}: ${url}`);
    throw err;
  }
  if (parsed.tls) throw new OptionError('TLS (rediss://) is not supported by this cli');
  if (parsed.host !== undefined) o.host = parsed.host;
  if (parsed.port !== undefined) o.port = parsed.port;
  if (parsed.db !== undefined) o.db = parsed.db;
  if (parsed.user !== undefined) o.user = parsed.user;
  if (parsed.password !== undefined) {
    o.password = parsed.password;
    o.passwordOnCommandLine = true;
  }
}

export const USAGE = `Usage: cinnabar cli [OPTIONS] [command [arg ...]]

Connection
  -h <host>          Host name or address (default 127.0.0.1). Never "help".
  -p <port>          Port (default 6379).
  -s <socket>        Unix socket path; overrides -h and -p.
  -a <password>      Password for AUTH (REDISCLI_AUTH in the environment is safer).
  --pass <password>  Same as -a.
  --user <name>      User name for AUTH <user> <password>.
  --no-auth-warning  Do not warn about a password on the command line.
  -u <uri>           redis://[user:password@]host[:port][/db]
  -n <db>            Database to SELECT.
  -2 | -3            Speak RESP2 (default) or RESP3 (HELLO 3).

Running
  -r <count>         Run the command <count> times (negative: forever).
  -i <seconds>       Pause after each run; fractions allowed (-i 0.1).
  -x                 Take the last argument from standard input.
  -e                 Exit with status 1 when the server answers an error.

Output
  --raw              Bare values (the default when stdout is not a terminal).
  --no-raw           Formatted values even when stdout is not a terminal.
  --csv              Comma-separated values.
  -d <delimiter>     Raw mode: between elements of a reply (default newline).
  -D <delimiter>     Raw mode: after each reply (default newline).

  --help             This text.
  -v, --version      The version.

Examples
  cinnabar cli -p 6380 set greeting hello
  cat picture.png | cinnabar cli -x set picture
  cinnabar cli -r 5 -i 1 info memory
  cinnabar cli -u redis://alice:secret@localhost:6379/0 ping

Without a command, an interactive prompt starts; type "help" there.
`;
