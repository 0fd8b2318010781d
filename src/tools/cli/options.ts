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

export const USAGE = `Usage: cinnabar cli [OPTIONS] [cmd [arg [arg ...]]]
  -h <hostname>      Server hostname (default: 127.0.0.1).
  -p <port>          Server port (default: 6379).
  -s <socket>        Server socket (overrides hostname and port).
  -a <password>      Password to use when connecting to the server.
                     You can also use the REDISCLI_AUTH environment
                     variable to pass this password more safely.
  --user <username>  Used to send ACL style 'AUTH username pass'. Needs -a.
  --pass <password>  Alias of -a for consistency with the new --user option.
  --no-auth-warning  Don't show warning message when using password on command
                     line interface.
  -u <uri>           Server URI: redis://[user:password@]host[:port][/db].
  -r <repeat>        Execute specified command N times.
  -i <interval>      When -r is used, waits <interval> seconds per command.
                     It is possible to specify sub-second times like -i 0.1.
  -n <db>            Database number.
  -2                 Start session in RESP2 protocol mode.
  -3                 Start session in RESP3 protocol mode.
  -x                 Read last argument from STDIN.
  -d <delimiter>     Delimiter between response bulks for raw formatting (default: \\n).
  -D <delimiter>     Delimiter between responses for raw formatting (default: \\n).
  -e                 Return exit error code when command execution fails.
  --raw              Use raw formatting for replies (default when STDOUT is
                     not a tty).
  --no-raw           Force formatted output even when STDOUT is not a tty.
  --csv              Output in CSV format.
  --help             Output this help and exit.
  -v, --version      Output version and exit.

Examples:
  cinnabar cli -p 6380 set mykey myvalue
  cat /etc/passwd | cinnabar cli -x set mypasswd
  cinnabar cli -r 100 lpush mylist x
  cinnabar cli -r 100 -i 1 info | grep used_memory_human:
  cinnabar cli -u redis://user:pass@localhost:6379/0 ping

When no command is given, cinnabar cli starts in interactive mode.
Type "help" in interactive mode for information on available commands.
`;
