// Command-line options of `cinnabar cli`, parsed the way redis-cli parses its own: options first,
// the first word that is not an option starts the command, an option missing its value is an error.
// Counterpart: parseOptions in Redis's redis-cli.c.
import { parseRedisUrl, UrlError } from '../../client/url.js';
import { splitArgs } from './split-args.js';

const NO_REPLICATION = (opt: string) =>
  `${opt} needs the replication protocol (SYNC/PSYNC), which Cinnabar does not support yet.`;

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
  output?: 'standard' | 'raw' | 'csv' | 'json' | 'quoted-json';
  /** -2 was given: --json then stays on RESP2. */
  resp2Forced: boolean;
  /** -X <tag>: the argument equal to the tag is replaced by standard input. */
  stdinTag?: string;
  /** --quoted-input: command arguments are unquoted like typed lines ("a\x00b"). */
  quotedInput: boolean;
  /** --show-pushes: print RESP3 pushes that arrive outside a streaming command. */
  showPushes?: boolean;
  askpass: boolean;
  /** -c: follow -MOVED and -ASK redirections. */
  clusterMode: boolean;
  tls: TlsSettings;
  /** The special mode the cli runs in instead of a command or the prompt. */
  mode?: CliMode;
  /** --pattern / --quoted-pattern, as a byte string. */
  pattern?: string;
  /** --count for SCAN in the key-scanning modes (Redis 7.2). */
  count?: number;
  memkeysSamples: number;
  /** --intrinsic-latency duration in seconds. */
  intrinsicSeconds: number;
  pipeTimeout: number;
  /** --eval <file>. */
  evalFile?: string;
  /** Options that need something Cinnabar's cli cannot do yet; reported before anything runs. */
  unsupported?: string;
  verbose: boolean;
  /** --mono: --latency-dist in grey levels. */
  mono?: boolean;
  /** Messages printed to stderr before running (redis-cli prints them while parsing). */
  warnings?: string[];
  mbDelim: string;
  cmdDelim: string;
  noAuthWarning: boolean;
  /** The password came from the command line (-a, --pass, -u), which earns a warning. */
  passwordOnCommandLine: boolean;
  showVersion: boolean;
  showHelp: boolean;
  command: string[];
}

export type CliMode =
  | 'scan'
  | 'bigkeys'
  | 'memkeys'
  | 'hotkeys'
  | 'latency'
  | 'latency-history'
  | 'latency-dist'
  | 'intrinsic-latency'
  | 'stat'
  | 'pipe';

export interface TlsSettings {
  enabled: boolean;
  sni?: string;
  cacert?: string;
  cacertdir?: string;
  cert?: string;
  key?: string;
  ciphers?: string;
  ciphersuites?: string;
  insecure: boolean;
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
    resp2Forced: false,
    quotedInput: false,
    askpass: false,
    clusterMode: false,
    tls: { enabled: false, insecure: false },
    memkeysSamples: 0,
    intrinsicSeconds: 0,
    pipeTimeout: 30,
    verbose: false,
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
  const warnings: string[] = [];
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
    else if (a === '-2') {
      o.resp = 2;
      o.resp2Forced = true;
    } else if (a === '-X' && hasValue) o.stdinTag = value();
    else if (a === '-3') o.resp = 3;
    else if (a === '--raw') o.output = 'raw';
    else if (a === '--no-raw') o.output = 'standard';
    else if (a === '--csv') o.output = 'csv';
    else if (a === '--json') o.output = 'json';
    else if (a === '--quoted-json') o.output = 'quoted-json';
    else if (a === '--quoted-input') o.quotedInput = true;
    else if (a === '--show-pushes' && hasValue) {
      const v = value();
      if (/^n/i.test(v)) o.showPushes = false;
      else if (/^y/i.test(v)) o.showPushes = true;
      else warnings.push(`Unknown --show-pushes value '${v}' (valid: '[y]es', '[n]o')`);
    } else if (a === '--no-auth-warning') o.noAuthWarning = true;
    else if (a === '--askpass') o.askpass = true;
    else if (a === '-c') o.clusterMode = true;
    else if (a === '--tls') o.tls.enabled = true;
    else if (a === '--sni' && hasValue) o.tls.sni = value();
    else if (a === '--cacert' && hasValue) o.tls.cacert = value();
    else if (a === '--cacertdir' && hasValue) o.tls.cacertdir = value();
    else if (a === '--cert' && hasValue) o.tls.cert = value();
    else if (a === '--key' && hasValue) o.tls.key = value();
    else if (a === '--tls-ciphers' && hasValue) o.tls.ciphers = value();
    else if (a === '--tls-ciphersuites' && hasValue) o.tls.ciphersuites = value();
    else if (a === '--insecure') o.tls.insecure = true;
    else if (a === '--scan') o.mode = 'scan';
    else if (a === '--pattern' && hasValue) o.pattern = Buffer.from(value(), 'utf8').toString('latin1');
    else if (a === '--quoted-pattern' && hasValue) {
      const parts = splitArgs(value());
      if (!parts || parts.length !== 1) throw new OptionError('Invalid quoted string specified for --quoted-pattern.');
      o.pattern = parts[0]!;
    } else if (a === '--count' && hasValue) o.count = atoi(value());
    else if (a === '--bigkeys') o.mode = 'bigkeys';
    else if (a === '--memkeys') {
      o.mode = 'memkeys';
      o.memkeysSamples = 0;
    } else if (a === '--memkeys-samples' && hasValue) {
      o.mode = 'memkeys';
      o.memkeysSamples = atoi(value());
    } else if (a === '--hotkeys') o.mode = 'hotkeys';
    else if (a === '--latency') o.mode = 'latency';
    else if (a === '--latency-history') o.mode = 'latency-history';
    else if (a === '--latency-dist') o.mode = 'latency-dist';
    else if (a === '--mono') o.mono = true;
    else if (a === '--intrinsic-latency' && hasValue) {
      o.mode = 'intrinsic-latency';
      o.intrinsicSeconds = atoi(value());
    } else if (a === '--stat') o.mode = 'stat';
    else if (a === '--pipe') o.mode = 'pipe';
    else if (a === '--pipe-timeout' && hasValue) o.pipeTimeout = atoi(value());
    else if (a === '--eval' && hasValue) o.evalFile = value();
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--replica' || a === '--slave') o.unsupported = NO_REPLICATION(a);
    else if ((a === '--rdb' || a === '--functions-rdb') && hasValue) {
      value();
      o.unsupported = NO_REPLICATION(a);
    } else if (a === '--lru-test' && hasValue) {
      value();
      o.unsupported = `${a} is not supported by cinnabar cli.`;
    } else if (a === '--ldb' || a === '--ldb-sync-mode') {
      o.unsupported = `${a} needs the Lua debugger, which Cinnabar does not have yet.`;
    } else if (a === '--cluster' && hasValue) {
      o.unsupported = 'Cluster management is not part of cinnabar cli: use "cinnabar cluster-admin".';
      i = argv.length - 1;
    }
    else if (a === '-v' || a === '--version') o.showVersion = true;
    else if (a === '--help') o.showHelp = true;
    else if (a.startsWith('-') && a.length > 1) {
      throw new OptionError(`Unrecognized option or bad number of args for: '${a}'`);
    } else break;
  }
  o.command = argv.slice(i);
  // --json speaks RESP3 so maps stay maps, unless -2 asked for RESP2.
  if ((o.output === 'json' || o.output === 'quoted-json') && !o.resp2Forced) o.resp = 3;
  o.warnings = warnings;
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
  if (parsed.tls) o.tls.enabled = true;
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
  --askpass          Read the password from standard input (masked on a terminal);
                     -a and REDISCLI_AUTH are then ignored.
  --no-auth-warning  Do not warn about a password on the command line.
  -u <uri>           redis://[user:password@]host[:port][/db] (rediss:// for TLS).
  -n <db>            Database to SELECT.
  -2 | -3            Speak RESP2 (default) or RESP3 (HELLO 3).
  -c                 Cluster mode: follow -MOVED and -ASK redirections.

TLS
  --tls              Connect over TLS.
  --sni <host>       Server name to send (SNI).
  --cacert <file>    CA certificate to verify the server with.
  --cacertdir <dir>  Directory of CA certificates (PEM files).
  --cert <file>      Client certificate.
  --key <file>       Private key of the client certificate.
  --tls-ciphers <list>       Preferred ciphers up to TLSv1.2.
  --tls-ciphersuites <list>  Preferred TLSv1.3 cipher suites.
  --insecure         Do not verify the server certificate.

Running
  -r <count>         Run the command <count> times (negative: forever).
  -i <seconds>       Pause after each run; fractions allowed (-i 0.1). Also the
                     pause of --stat and --scan cycles, and of --bigkeys, --memkeys
                     and --hotkeys per 100 keys.
  -x                 Take the last argument from standard input.
  -X <tag>           Take the argument written as <tag> from standard input.
  -e                 Exit with status 1 when the server answers an error.
  --quoted-input     Arguments are quoted strings ("a\\x00b"), unquoted before sending.
  --eval <file>      EVAL the Lua script in <file>: --eval f.lua key1 key2 , arg1 arg2

Output
  --raw              Bare values (the default when stdout is not a terminal).
  --no-raw           Formatted values even when stdout is not a terminal.
  --csv              Comma-separated values.
  --json             JSON (switches to RESP3 unless -2 is given).
  --quoted-json      Like --json, with strings in ASCII-safe quoted form.
  --show-pushes <yn> Print RESP3 push messages (default: yes on a terminal).
  -d <delimiter>     Raw mode: between elements of a reply (default newline).
  -D <delimiter>     Raw mode: after each reply (default newline).

Modes
  --scan             List keys with SCAN (with --pattern, --count).
  --pattern <pat>    Key pattern for --scan, --bigkeys, --memkeys, --hotkeys.
  --quoted-pattern <pat>  Same, as a quoted string for binary patterns.
  --count <n>        COUNT hint for the SCAN calls of those modes.
  --bigkeys          Report the keys with the most elements, per type.
  --memkeys          Report the keys using the most memory (MEMORY USAGE).
  --memkeys-samples <n>  Same, with MEMORY USAGE ... SAMPLES <n>.
  --hotkeys          Report the most accessed keys (needs an LFU maxmemory-policy).
  --stat             Rolling server statistics: keys, memory, clients, requests.
  --latency          Sample PING latency; without a terminal (or with --raw/--csv)
                     for one -i interval (default 1s), then print one line.
  --latency-history  Like --latency, one line per -i interval (default 15s).
  --latency-dist     Latency spectrum in 256 colours, per -i interval (default 1s).
  --mono             --latency-dist in grey levels.
  --intrinsic-latency <seconds>  Measure this machine's own scheduling latency.
  --pipe             Send the commands on standard input (RESP or inline) as fast as
                     possible and report errors and replies.
  --pipe-timeout <n> In --pipe mode, give up after <n> seconds without replies once
                     all data is sent (default 30; 0 waits forever).
  --replica, --rdb <file>, --functions-rdb <file>
                     Need replication, which Cinnabar does not support yet: refused.

  --verbose          Accepted for compatibility.
  --help             This text.
  -v, --version      The version.

Examples
  cinnabar cli -p 6380 set greeting hello
  cat picture.png | cinnabar cli -x set picture
  cinnabar cli -r 5 -i 1 info memory
  cinnabar cli -u redis://alice:secret@localhost:6379/0 ping
  cinnabar cli --scan --pattern 'user:*'
  cinnabar cli --eval script.lua key1 key2 , arg1
  cat commands.txt | cinnabar cli --pipe

Without a command, an interactive prompt starts; type "help" there.
`;
