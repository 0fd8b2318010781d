// Command-line options of `cinnabar benchmark`, parsed the way redis-benchmark 7 parses its own: options
// first (numbers read like C atoi, out-of-range values clamped), the first word that does not start
// with a dash begins a custom command, and an unknown option or a missing value is an error.
// Counterpart: parseOptions() in Redis's redis-benchmark.c; --duration, --rate, --percentiles and
// --json are additions.
import { parseRedisUrl, UrlError } from '../../client/url.js';
import { atoi } from '../cli/options.js';

export interface BenchmarkOptions {
  host: string;
  port: number;
  socket?: string;
  password?: string;
  user?: string;
  clients: number;
  requests: number;
  dataSize: number;
  dbnum: number;
  resp3: boolean;
  /** Worker threads (--threads); 0 means the default. */
  threads: number;
  threadsGiven: boolean;
  keepalive: boolean;
  /** -r given: __rand_int__ is replaced. */
  randomKeys: boolean;
  keyspacelen: number;
  pipeline: number;
  /** -e: accepted for compatibility; redis-benchmark 7 always stops at the first error reply. */
  showErrors: boolean;
  quiet: boolean;
  csv: boolean;
  json: boolean;
  loop: boolean;
  /** Lower-case names from -t, or null for all. */
  tests: string[] | null;
  idle: boolean;
  /** HdrHistogram significant digits (redis-benchmark's --precision). */
  precision: number;
  stdinLastArg: boolean;
  enableTracking: boolean;
  seed?: number;
  /** --duration in seconds (replaces -n). */
  durationSec?: number;
  /** --rate requests per second. */
  rate?: number;
  /** Extra percentiles to report (--percentiles). */
  percentiles?: number[];
  showHelp: boolean;
  showVersion: boolean;
  /** A custom command (arguments after the options). */
  command: string[];
  /** Lines redis-benchmark prints on stdout while parsing (a clamped --threads). */
  warnings: string[];
}

export class OptionError extends Error {
  override name = 'OptionError';
  constructor(
    message: string,
    /** Print the usage text after the message, as redis-benchmark does for a bad option. */
    readonly withUsage = false,
  ) {
    super(message);
  }
}

const MAX_THREADS = 500;
const MAX_PRECISION = 4;
const DEFAULT_PRECISION = 3;

export function defaultOptions(): BenchmarkOptions {
  return {
    host: '127.0.0.1',
    port: 6379,
    clients: 50,
    requests: 100000,
    dataSize: 3,
    dbnum: 0,
    resp3: false,
    threads: 0,
    threadsGiven: false,
    keepalive: true,
    randomKeys: false,
    keyspacelen: 0,
    pipeline: 1,
    showErrors: false,
    quiet: false,
    csv: false,
    json: false,
    loop: false,
    tests: null,
    idle: false,
    precision: DEFAULT_PRECISION,
    stdinLastArg: false,
    enableTracking: false,
    showHelp: false,
    showVersion: false,
    command: [],
    warnings: [],
  };
}

/** Options that Redis builds accept only with TLS support compiled in; this tool has none yet. */
const TLS_OPTIONS = new Set(['--tls', '--sni', '--cacert', '--cacertdir', '--insecure', '--cert', '--key', '--tls-ciphers', '--tls-ciphersuites']);

export function parseOptions(argv: string[]): BenchmarkOptions {
  const o = defaultOptions();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const lastArg = i === argv.length - 1;
    const value = (): string => {
      if (lastArg) throw invalid(a);
      return argv[++i]!;
    };
    switch (a) {
      case '-c':
        o.clients = atoi(value());
        break;
      case '-n':
        o.requests = atoi(value());
        break;
      case '-k':
        o.keepalive = atoi(value()) !== 0;
        break;
      case '-h':
        o.host = value();
        break;
      case '-p':
        o.port = atoi(value());
        if (o.port <= 0 || o.port > 65535) throw new OptionError(`Invalid server port.`);
        break;
      case '-s':
        o.socket = value();
        break;
      case '-x':
        o.stdinLastArg = true;
        break;
      case '-a':
        o.password = value();
        break;
      case '-u':
        applyUrl(o, value());
        break;
      case '--user':
        o.user = value();
        break;
      case '-3':
        o.resp3 = true;
        break;
      case '-d': {
        const d = atoi(value());
        o.dataSize = d < 1 ? 1 : d > 1024 * 1024 * 1024 ? 1024 * 1024 * 1024 : d;
        break;
      }
      case '-P': {
        const p = atoi(value());
        o.pipeline = p <= 0 ? 1 : p;
        break;
      }
      case '-r': {
        const next = value();
        if (next.startsWith('-') && !/^-[0-9]/.test(next)) throw invalid(a);
        o.randomKeys = true;
        const r = atoi(next);
        o.keyspacelen = r < 0 ? 0 : r;
        break;
      }
      case '-q':
        o.quiet = true;
        break;
      case '--csv':
        o.csv = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '-l':
        o.loop = true;
        break;
      case '-I':
        o.idle = true;
        break;
      case '-e':
        o.showErrors = true;
        break;
      case '-t':
        o.tests = value()
          .toLowerCase()
          .split(',')
          .filter((t) => t !== '');
        break;
      case '--dbnum':
        o.dbnum = atoi(value());
        break;
      case '--precision': {
        const p = atoi(value());
        o.precision = p < 0 ? DEFAULT_PRECISION : p > MAX_PRECISION ? MAX_PRECISION : p;
        // The histogram needs at least one significant digit; redis-benchmark cannot run with 0 either.
        if (o.precision < 1) o.precision = 1;
        break;
      }
      case '--threads': {
        const t = atoi(value());
        if (t > MAX_THREADS) o.warnings.push(`WARNING: too many threads, limiting threads to ${MAX_THREADS}.\n`);
        o.threads = t > MAX_THREADS ? MAX_THREADS : t < 0 ? 0 : t;
        o.threadsGiven = true;
        break;
      }
      case '--seed':
        o.seed = atoi(value()) >>> 0;
        break;
      case '--enable-tracking':
        o.enableTracking = true;
        break;
      case '--duration': {
        const v = value();
        const d = Number(v);
        if (!Number.isFinite(d) || d <= 0) throw new OptionError(`Invalid --duration value "${v}": expected a positive number of seconds`);
        o.durationSec = d;
        break;
      }
      case '--rate': {
        const v = value();
        const r = Number(v);
        if (!Number.isFinite(r) || r <= 0) throw new OptionError(`Invalid --rate value "${v}": expected a positive number of requests per second`);
        o.rate = r;
        break;
      }
      case '--percentiles':
        o.percentiles = parsePercentiles(value());
        break;
      case '--cluster':
        throw new OptionError('Cluster mode (--cluster) is not supported yet.');
      case '--help':
        o.showHelp = true;
        return o;
      case '--version':
      case '-v':
        o.showVersion = true;
        return o;
      default:
        if (TLS_OPTIONS.has(a)) throw new OptionError(`TLS options (${a}) are not supported by this build.`);
        if (a.startsWith('-')) throw invalid(a);
        o.command = argv.slice(i);
        return finish(o);
    }
  }
  return finish(o);
}

function finish(o: BenchmarkOptions): BenchmarkOptions {
  if (o.user !== undefined && o.password === undefined) {
    // redis-benchmark silently ignores --user without -a; AUTH needs both.
    o.user = undefined;
  }
  return o;
}

function invalid(option: string): OptionError {
  return new OptionError(`Invalid option "${option}" or option argument missing`, true);
}

export function parsePercentiles(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',')) {
    const t = part.trim();
    const p = Number(t);
    if (t === '' || !Number.isFinite(p) || p < 0 || p > 100) {
      throw new OptionError(`Invalid --percentiles value "${text}": expected comma-separated numbers from 0 to 100`);
    }
    out.push(p);
  }
  return out;
}

function applyUrl(o: BenchmarkOptions, url: string): void {
  let parsed;
  try {
    parsed = parseRedisUrl(url);
  } catch (err) {
    if (err instanceof UrlError) throw new OptionError(`${err.message}: ${url}`);
    throw err;
  }
  if (parsed.tls) throw new OptionError('TLS (rediss://) is not supported by this build.');
  if (parsed.host !== undefined) o.host = parsed.host;
  if (parsed.port !== undefined) o.port = parsed.port;
  if (parsed.db !== undefined) o.dbnum = parsed.db;
  if (parsed.user !== undefined) o.user = parsed.user;
  if (parsed.password !== undefined) o.password = parsed.password;
}

export const USAGE = `Usage: cinnabar benchmark [OPTIONS] [COMMAND ARGS...]

Options:
 -h <hostname>      Server hostname (default 127.0.0.1)
 -p <port>          Server port (default 6379)
 -s <socket>        Server socket (overrides host and port)
 -a <password>      Password for Redis Auth
 --user <username>  Used to send ACL style 'AUTH username pass'. Needs -a.
 -u <uri>           Server URI: redis://[user:password@]host[:port][/db]
 -c <clients>       Number of parallel connections (default 50)
 -n <requests>      Total number of requests (default 100000)
 -d <size>          Data size of SET/GET value in bytes (default 3)
 --dbnum <db>       SELECT the specified db number (default 0)
 -3                 Start session in RESP3 protocol mode.
 --threads <num>    Run the connections on <num> worker threads.
 --enable-tracking  Send CLIENT TRACKING on before starting benchmark.
 -k <boolean>       1=keep alive 0=reconnect (default 1)
 -r <keyspacelen>   Use random keys for SET/GET/INCR, random values for SADD,
                    random members and scores for ZADD.
                    Using this option the benchmark will expand the string
                    __rand_int__ inside an argument with a 12 digits number in
                    the specified range from 0 to keyspacelen-1. The
                    substitution changes every time a command is executed.
                    Default tests use this to hit random keys in the specified
                    range.
                    Note: If -r is omitted, all commands in a benchmark will
                    use the same key.
 -P <numreq>        Pipeline <numreq> requests. Default 1 (no pipeline).
 -e                 Accepted for compatibility: any error reply now ends the
                    benchmark ("Error from server: ..." on stderr, exit 1).
 -q                 Quiet. Just show query/sec values
 --precision <n>    Significant digits of the latency histogram (1-4, default 3)
 --csv              Output in CSV format
 -l                 Loop. Run the tests forever
 -t <tests>         Only run the comma separated list of tests. The test
                    names are the same as the ones produced as output.
                    The -t option is ignored if a specific command is supplied
                    on the command line.
 -I                 Idle mode. Just open N idle connections and wait.
 -x                 Read last argument from STDIN.
 --seed <num>       Seed for the random numbers of __rand_int__ (default: time based).
 --help             Output this help and exit.
 --version          Output version and exit.

Beyond redis-benchmark:
 --duration <sec>   Run each test for this many seconds instead of -n requests.
 --rate <n>         Send at most <n> requests per second in total. Latency is
                    measured from when each request was due, so a slow server
                    is not hidden by a waiting load generator.
 --percentiles <l>  Report these latency percentiles, e.g. 50,99,99.9
                    (adds p<x> columns to --csv and values to --json and -q).
 --json             Output one JSON document with every test's results.

Examples:

 Run the benchmark with the default configuration against 127.0.0.1:6379:
   $ cinnabar benchmark

 Use 20 parallel clients, for a total of 100k requests, against 192.168.1.1:
   $ cinnabar benchmark -h 192.168.1.1 -p 6379 -n 100000 -c 20

 Fill 127.0.0.1:6379 with about 1 million keys only using the SET test:
   $ cinnabar benchmark -t set -n 1000000 -r 100000000

 Benchmark 127.0.0.1:6379 for a few commands producing CSV output:
   $ cinnabar benchmark -t ping,set,get -n 100000 --csv

 Benchmark a specific command line:
   $ cinnabar benchmark -r 10000 -n 10000 eval 'return redis.call("ping")' 0

 Fill a list with 10000 random elements:
   $ cinnabar benchmark -r 10000 -n 10000 lpush mylist __rand_int__

 Hold 20000 GETs per second for 10 seconds and report p99.9:
   $ cinnabar benchmark -t get --rate 20000 --duration 10 --percentiles 50,99,99.9

 On user specified command lines __rand_int__ is replaced with a random integer
 with a range of values selected by the -r option.
`;
