// `cinnabar benchmark`: the redis-benchmark counterpart. Parses redis-benchmark's options, checks the
// server (CONFIG GET save/appendonly, which also surfaces connection and AUTH errors), then runs the
// default suite or a custom command, printing the same reports, -q lines and CSV as redis-benchmark,
// or JSON. Counterpart: main() in Redis's redis-benchmark.c.
import { availableParallelism } from 'node:os';
import { connect, ConnectionError } from '../../client/client.js';
import { encodeCommand, type Arg } from '../../client/encode-command.js';
import { cliVersion } from '../cli/help.js';
import type { Target } from './engine.js';
import { InThreadLane, WorkerLane, type Lane } from './lanes.js';
import { histogramOf } from './latency.js';
import { parseOptions, OptionError, USAGE, type BenchmarkOptions } from './options.js';
import { DataGenerator } from './payload.js';
import { csvHeader, csvRow, fullReport, jsonTest, quietLine, summarize, summaryTable, type TestSummary } from './report.js';
import { FatalError, Runner, type RunSettings } from './runner.js';
import { selectTests } from './suite.js';

export interface BenchmarkIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

export type { BenchmarkOptions } from './options.js';

interface ServerConfig {
  save: string;
  appendonly: string;
}

function describeTarget(o: BenchmarkOptions): string {
  return o.socket ?? `${o.host}:${o.port}`;
}

/**
 * Connects once like redis-benchmark's getRedisConfig: a refused connection, a wrong password or a
 * server that refuses CONFIG ends the run here with redis-benchmark's messages.
 */
async function fetchServerConfig(o: BenchmarkOptions): Promise<ServerConfig> {
  let client;
  try {
    client = await connect({
      host: o.host,
      port: o.port,
      path: o.socket,
      password: o.password,
      user: o.password !== undefined ? o.user : undefined,
      strictHandshake: false,
      connectTimeoutMs: 10000,
    });
  } catch (err) {
    if (err instanceof ConnectionError) throw new FatalError(`Could not connect to Redis at ${describeTarget(o)}: ${err.reason}`);
    throw err;
  }
  try {
    for (const h of client.handshake) {
      if (h.reply.type === 'error') throw new FatalError(`Node ${describeTarget(o)} replied with error:\n${h.reply.value}`);
    }
    const replies = await client.pipeline([
      ['CONFIG', 'GET', 'save'],
      ['CONFIG', 'GET', 'appendonly'],
    ]);
    const values: string[] = [];
    for (const r of replies) {
      if (r.type === 'error') throw new FatalError(`Node ${describeTarget(o)} replied with error:\n${r.value}`);
      let v = '';
      if ((r.type === 'array' || r.type === 'map') && r.items.length >= 2) {
        const item = r.items[1]!;
        if (item.type === 'bulk') v = item.value.toString('utf8');
        else if (item.type === 'status') v = item.value;
      }
      values.push(v);
    }
    return { save: values[0]!, appendonly: values[1]! };
  } catch (err) {
    if (err instanceof ConnectionError) throw new FatalError(`Error: ${err.reason}`);
    throw err;
  } finally {
    client.destroy();
  }
}

/** AUTH, HELLO 3, SELECT and CLIENT TRACKING, sent in front of each connection's first batch. */
function prefixCommands(o: BenchmarkOptions): { bytes: Buffer; replies: number } {
  const cmds: Arg[][] = [];
  if (o.password !== undefined) cmds.push(o.user !== undefined ? ['AUTH', o.user, o.password] : ['AUTH', o.password]);
  if (o.resp3) cmds.push(['HELLO', '3']);
  if (o.dbnum !== 0) cmds.push(['SELECT', String(o.dbnum)]);
  if (o.enableTracking) cmds.push(['CLIENT', 'TRACKING', 'on']);
  return { bytes: Buffer.concat(cmds.map((c) => encodeCommand(c))), replies: cmds.length };
}

/**
 * Worker threads to use. --threads decides when given (0: none). Otherwise, measured on a busy 2-core
 * machine (test/bench/results-loadgen.md): without pipelining the run is bound by round trips, and two
 * worker threads kept more requests in flight than one event loop; with pipelining the run is bound by
 * CPU, and the main event loop alone left more of it to the server.
 */
export function defaultThreads(o: Pick<BenchmarkOptions, 'pipeline' | 'clients' | 'idle'>, cores: number): number {
  if (o.idle || o.pipeline > 1 || o.clients < 4 || cores < 2) return 0;
  return 2;
}

function threadCount(o: BenchmarkOptions): number {
  return o.threadsGiven ? o.threads : defaultThreads(o, availableParallelism());
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const EXIT_ON_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** Runs with parsed options; resolves with the exit code. */
export async function run(o: BenchmarkOptions, io: BenchmarkIo): Promise<number> {
  if (o.showHelp) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (o.showVersion) {
    io.stdout.write(`cinnabar benchmark ${cliVersion()}\n`);
    return 0;
  }
  const out = (s: string): void => void io.stdout.write(s);
  for (const w of o.warnings) out(w);
  if (o.showErrors) io.stderr.write('WARNING: -e option has no effect. We now immediately exit on error to avoid false results.\n');
  const tty = io.stdout.isTTY === true;
  let serverConfig: ServerConfig | null;
  try {
    serverConfig = await fetchServerConfig(o);
  } catch (err) {
    if (!(err instanceof FatalError)) throw err;
    io.stderr.write(`${err.message}\n`);
    return 1;
  }
  const threads = threadCount(o);
  const lanes: Lane[] = threads > 0 ? Array.from({ length: threads }, () => new WorkerLane()) : [new InThreadLane()];
  const runner = new Runner(lanes, io);
  let signalCode = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    signalCode = EXIT_ON_SIGNAL[sig] ?? 1;
    runner.interrupt();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const prefix = prefixCommands(o);
  const targets: Target[] = [{ host: o.host, port: o.port, path: o.socket }];
  const settings: RunSettings = {
    targets,
    clients: o.clients,
    pipeline: o.pipeline,
    prefix: prefix.bytes,
    prefixReplies: prefix.replies,
    randomize: o.randomKeys,
    keyspacelen: o.keyspacelen,
    keepalive: o.keepalive,
    requests: o.durationSec !== undefined ? Infinity : o.requests,
    durationMs: o.durationSec !== undefined ? o.durationSec * 1000 : Infinity,
    rate: o.rate ?? 0,
    seed: o.seed ?? ((Date.now() ^ (process.pid << 16)) >>> 0),
    progress: tty && !o.csv && !o.json,
  };
  const percentiles = o.percentiles ?? [];
  const results: TestSummary[] = [];
  const textMode = !o.quiet && !o.csv && !o.json;

  /** Runs one test and prints its report; false when the run must end (signal). */
  const runOne = async (title: string, request: Uint8Array, dataSize: number): Promise<boolean> => {
    const r = await runner.run(title, request, settings);
    const h = histogramOf(r.recorder, o.precision);
    const s = summarize(title, h, r.finished, r.elapsedMs, percentiles, r.interrupted);
    results.push(s);
    const clear = runner.clearLine();
    if (o.csv) out(csvRow(s));
    else if (o.json) {
      // printed once at the end
    } else if (o.quiet) out(clear + quietLine(s));
    else {
      out(
        clear +
          fullReport(s, h, {
            clients: o.clients,
            dataSize,
            keepalive: o.keepalive,
            serverConfig,
            threads,
          }),
      );
    }
    return !r.interrupted;
  };

  let code = 0;
  try {
    if (o.keepalive === false) {
      out(
        "WARNING: keepalive disabled, you probably need 'echo 1 > /proc/sys/net/ipv4/tcp_tw_reuse' for Linux and 'sudo sysctl -w net.inet.tcp.msl=1000' for Mac OS X in order to use a lot of clients/requests\n",
      );
    }
    if (o.idle) {
      out(`Creating ${o.clients} idle connections and waiting forever (Ctrl+C when done)\n`);
      await runner.run('', Buffer.alloc(0), settings, true);
      return signalCode || 0;
    }
    if (o.csv) out(csvHeader(percentiles));
    if (o.command.length > 0) {
      const argv: Arg[] = o.command.map((a) => Buffer.from(a, 'utf8'));
      if (o.stdinLastArg) argv.push(await readAll(io.stdin));
      const title = o.command.join(' ');
      const request = encodeCommand(argv);
      do {
        if (!(await runOne(title, request, request.length))) break;
      } while (o.loop);
    } else {
      const data = new DataGenerator();
      const tests = selectTests(o.tests);
      let going = true;
      do {
        const value = data.next(o.dataSize);
        for (const t of tests) {
          const cmd = t.command(value, o.randomKeys);
          const request = Buffer.isBuffer(cmd) ? cmd : encodeCommand(cmd);
          if (!(await runOne(t.title, request, o.dataSize))) {
            going = false;
            break;
          }
        }
        if (going && !o.csv && !o.json) out('\n');
      } while (going && o.loop);
    }
    if (o.json) {
      out(
        JSON.stringify(
          {
            server: describeTarget(o),
            clients: o.clients,
            pipeline: o.pipeline,
            data_size: o.dataSize,
            threads,
            ...(o.rate !== undefined ? { rate: o.rate } : {}),
            ...(o.durationSec !== undefined ? { duration_sec: o.durationSec } : {}),
            tests: results.map(jsonTest),
          },
          null,
          2,
        ) + '\n',
      );
    } else if (tty && textMode && results.length > 1) {
      out(await summaryTable(results));
    }
    code = signalCode;
  } catch (err) {
    if (!(err instanceof FatalError)) throw err;
    const clear = runner.clearLine();
    if (clear) out(clear);
    io.stderr.write(`${err.message}\n`);
    code = 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await Promise.all(lanes.map((l) => l.dispose()));
  }
  return code;
}

/** Entry point for `cinnabar benchmark ARGS...`. */
export async function runBenchmark(argv: string[], io?: BenchmarkIo): Promise<number> {
  const realIo: BenchmarkIo = io ?? { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  let opts: BenchmarkOptions;
  try {
    opts = parseOptions(argv);
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    if (err.withUsage) realIo.stdout.write(`${err.message}\n\n${USAGE}`);
    else realIo.stderr.write(`${err.message}\n`);
    return 1;
  }
  return run(opts, realIo);
}
