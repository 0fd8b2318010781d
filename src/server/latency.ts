// The latency monitor and per-command latency histograms.
//
// - Events: with latency-monitor-threshold set (ms, 0 = off), an operation that took at least that long
//   is recorded under an event name in a 160-sample circular history (one sample per event per second,
//   the worst of that second), with the all-time maximum kept apart. LATENCY LATEST / HISTORY / GRAPH /
//   RESET / DOCTOR read it. Event names are Redis's where Cinnabar has the same step (command,
//   fast-command, expire-cycle, eviction-cycle, eviction-del, rdb-unlink-temp-file, aof-write,
//   aof-fsync-always, aof-write-pending-fsync...), plus `bgsave-slice`: the longest serialisation slice
//   of a background save (Cinnabar saves in slices on the event loop instead of forking, so a slice is
//   what stalls other clients).
// - Histograms: with latency-tracking on, every command call adds its duration to the command's HDR
//   histogram (src/util/hdr-histogram.ts, allocated on its first call); LATENCY HISTOGRAM and INFO
//   latencystats report them.
// Counterpart: latency.c (and the histogram parts of server.c / INFO) in Redis.
import type { Config } from './config.js';
import type { Command } from '../spec/types.js';
import { HdrHistogram } from '../util/hdr-histogram.js';
import { MapReply, type Reply } from '../protocol/reply.js';
import type { LatencyApi } from '../spec/context.js';

export const LATENCY_TS_LEN = 160;
const GRAPH_COLUMNS = 80;
const GRAPH_ROWS = 4;

/** One event's samples: unix seconds (0 = unused slot) and milliseconds, in a ring. */
class TimeSeries {
  readonly times = new Float64Array(LATENCY_TS_LEN);
  readonly latencies = new Float64Array(LATENCY_TS_LEN);
  /** Next slot to write. */
  idx = 0;
  max = 0;

  add(sec: number, ms: number): void {
    if (ms > this.max) this.max = ms;
    const prev = (this.idx + LATENCY_TS_LEN - 1) % LATENCY_TS_LEN;
    // One sample per second: a later spike in the same second only raises that second's sample.
    if (this.times[prev] === sec) {
      if (ms > this.latencies[prev]) this.latencies[prev] = ms;
      return;
    }
    this.times[this.idx] = sec;
    this.latencies[this.idx] = ms;
    this.idx = (this.idx + 1) % LATENCY_TS_LEN;
  }

  /** Samples oldest first as [unix seconds, ms]. */
  samples(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let j = 0; j < LATENCY_TS_LEN; j++) {
      const i = (this.idx + j) % LATENCY_TS_LEN;
      if (this.times[i] !== 0) out.push([this.times[i], this.latencies[i]]);
    }
    return out;
  }

  latest(): [number, number] {
    const last = (this.idx + LATENCY_TS_LEN - 1) % LATENCY_TS_LEN;
    return [this.times[last], this.latencies[last]];
  }
}

/** What the DOCTOR advice depends on besides the samples. */
export interface DoctorSettings {
  slowlogLogSlowerThan: number;
  hz: number;
  appendfsync: string;
}

/** Redis prints percentiles with %f and trims trailing zeros ("99.9", "50", "0"). */
export function formatPercentile(p: number): string {
  let s = p.toFixed(6);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/**
 * latency-tracking-info-percentiles: space-separated numbers in [0, 100] (a single "" for none), kept
 * in the %f-trimmed form CONFIG GET shows. Errors in Redis's words.
 */
export function parsePercentiles(v: string): string | { error: string } {
  if (v === '') return '';
  const out: string[] = [];
  for (const part of v.split(' ')) {
    if (/^[+-]?(inf|infinity)$/i.test(part)) return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(part)) return { error: 'Invalid latency-tracking-info-percentiles parameters' };
    const n = Number(part);
    if (n > 100 || n < 0) return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    out.push(formatPercentile(n));
  }
  return out.join(' ');
}

function elapsedLabel(s: number): string {
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

export class LatencyMonitor {
  /** latency-monitor-threshold in ms (0 = off). */
  thresholdMs = 0;
  /** The same in microseconds for the dispatcher's comparison (Infinity when off). */
  thresholdUs = Infinity;
  /** latency-tracking: per-command histograms on. */
  tracking = true;
  /** latency-tracking-info-percentiles. */
  percentiles: number[] = [50, 99, 99.9];
  private readonly events = new Map<string, TimeSeries>();
  /** Commands whose histogram exists (INFO and LATENCY HISTOGRAM list them; RESETSTAT drops them). */
  private readonly tracked = new Set<Command>();

  constructor(config?: Config) {
    if (!config) return;
    this.setThreshold(config.getNumber('latency-monitor-threshold'));
    this.tracking = config.getBool('latency-tracking');
    this.setPercentiles(config.get('latency-tracking-info-percentiles') ?? '');
    config.onChange('latency-monitor-threshold', (_n, v) => {
      this.setThreshold(Number(v));
      return null;
    });
    config.onChange('latency-tracking', (_n, v) => {
      this.tracking = v === 'yes';
      return null;
    });
    config.onChange('latency-tracking-info-percentiles', (_n, v) => {
      this.setPercentiles(v);
      return null;
    });
  }

  setThreshold(ms: number): void {
    this.thresholdMs = ms;
    this.thresholdUs = ms > 0 ? ms * 1000 : Infinity;
  }

  setPercentiles(v: string): void {
    this.percentiles = v === '' ? [] : v.split(' ').map(Number);
  }

  /** Records a sample when monitoring is on and it reaches the threshold (latencyAddSampleIfNeeded). */
  addSampleIfNeeded(event: string, ms: number): void {
    if (this.thresholdMs > 0 && ms >= this.thresholdMs) this.addSample(event, ms);
  }

  addSample(event: string, ms: number, nowSec = Math.floor(Date.now() / 1000)): void {
    let ts = this.events.get(event);
    if (ts === undefined) {
      ts = new TimeSeries();
      this.events.set(event, ts);
    }
    ts.add(nowSec, Math.floor(ms));
  }

  /** Drops one event's history (matched without regard to case) or all; returns how many. */
  reset(event?: string): number {
    let n = 0;
    const want = event?.toLowerCase();
    for (const name of [...this.events.keys()]) {
      if (want === undefined || name.toLowerCase() === want) {
        this.events.delete(name);
        n++;
      }
    }
    return n;
  }

  get eventCount(): number {
    return this.events.size;
  }

  /** LATENCY LATEST: [event, unix time, latest ms, all-time max ms] per event. */
  latest(): Reply[] {
    const out: Reply[] = [];
    for (const [name, ts] of this.events) {
      const [t, ms] = ts.latest();
      out.push([name, t, ms, ts.max]);
    }
    return out;
  }

  /** LATENCY HISTORY: [unix time, ms] pairs oldest first; empty for an unknown event. */
  history(event: string): Reply[] {
    const ts = this.events.get(event);
    return ts ? ts.samples().map(([t, ms]) => [t, ms]) : [];
  }

  /** LATENCY GRAPH: the ASCII chart of an event's samples, or null when it has none. */
  graph(event: string, nowSec = Math.floor(Date.now() / 1000)): string | null {
    const ts = this.events.get(event);
    if (ts === undefined) return null;
    const samples = ts.samples();
    let min = 0;
    let max = 0;
    samples.forEach(([, ms], k) => {
      if (k === 0 || ms > max) max = ms;
      if (k === 0 || ms < min) min = ms;
    });
    let out = `${event} - high ${max} ms, low ${min} ms (all time high ${ts.max} ms)\n${'-'.repeat(GRAPH_COLUMNS)}\n`;
    const points = samples.map(([t, ms]) => ({ value: ms, label: elapsedLabel(nowSec - t) }));
    for (let start = 0; start < points.length; start += GRAPH_COLUMNS) {
      if (start !== 0) out += '\n';
      out += sparkline(points.slice(start, start + GRAPH_COLUMNS), min, max);
    }
    return out;
  }

  /** LATENCY DOCTOR: a human report on the recorded events with advice. */
  doctor(settings: DoctorSettings, nowSec = Math.floor(Date.now() / 1000)): string {
    if (this.events.size === 0 && this.thresholdMs === 0) {
      return (
        'Latency monitoring is off on this Cinnabar server, so there is nothing to report. Turn it on with ' +
        '"CONFIG SET latency-monitor-threshold <milliseconds>": operations slower than the threshold are then ' +
        'recorded and analysed here.\n'
      );
    }
    const advice = new Set<string>();
    let report = '';
    let n = 0;
    for (const [name, ts] of this.events) {
      n++;
      if (n === 1) report += 'These latency spikes were recorded on this Cinnabar server:\n\n';
      const s = analyse(ts, nowSec);
      report +=
        `${n}. ${name}: ${s.samples} spike${s.samples === 1 ? '' : 's'}, average ${s.avg} ms, mean deviation ${s.mad} ms, ` +
        `one every ${(s.period / s.samples).toFixed(2)} s on average; worst ever ${ts.max} ms.\n`;
      for (const a of adviceFor(name.toLowerCase(), settings, this.thresholdMs)) advice.add(a);
    }
    if (n === 0) return 'No latency spike has been recorded since this Cinnabar server started (or since LATENCY RESET). Nothing to worry about.\n';
    if (advice.size === 0) return report + '\nNo simple remedy is known for these events; the history (LATENCY HISTORY) may show a pattern.\n';
    report += '\nSuggestions:\n\n';
    for (const a of ADVICE_ORDER) if (advice.has(a)) report += `- ${ADVICE[a](settings, this.thresholdMs)}\n`;
    return report;
  }

  /** The LATENCY command's view of this monitor. */
  makeApi(registry: { all(): Iterable<Command>; lookup(name: string): Command | undefined }, config: Config): LatencyApi {
    return {
      latest: () => this.latest(),
      history: (event) => this.history(event),
      graph: (event) => this.graph(event),
      doctor: () =>
        this.doctor({
          slowlogLogSlowerThan: config.getNumber('slowlog-log-slower-than'),
          hz: config.getNumber('hz'),
          appendfsync: config.get('appendfsync') ?? 'everysec',
        }),
      reset: (events) => (events.length === 0 ? this.reset() : events.reduce((n, e) => n + this.reset(e), 0)),
      histogram: (names) => this.histogramReply(registry.all(), (n) => registry.lookup(n), names),
    };
  }

  // ---- per-command histograms ----

  /** Adds one call of `micros` to the command's histogram (the dispatcher calls this when tracking). */
  recordCommand(cmd: Command, micros: number): void {
    let h = cmd.latencyHist;
    if (h === null) {
      h = cmd.latencyHist = new HdrHistogram();
      this.tracked.add(cmd);
    }
    // Whole microseconds, as Redis measures them (ustime), in nanoseconds.
    h.record(Math.floor(micros) * 1000);
  }

  /** CONFIG RESETSTAT: histograms start again from nothing. */
  resetHistograms(): void {
    for (const c of this.tracked) c.latencyHist = null;
    this.tracked.clear();
  }

  /** The INFO latencystats lines (none while tracking is off). */
  infoLines(commands: Iterable<Command>): string[] {
    if (!this.tracking) return [];
    const out: string[] = [];
    for (const c of commands) {
      const h = c.latencyHist;
      if (h === null) continue;
      const parts = this.percentiles.map((p) => `p${formatPercentile(p)}=${(h.valueAtPercentile(p) / 1000).toFixed(3)}`);
      out.push(`latency_percentiles_usec_${c.fullName}:${parts.join(',')}`);
    }
    return out;
  }

  /**
   * LATENCY HISTOGRAM: a map of command name -> {calls, histogram_usec: {bucket usec -> cumulative
   * calls}}, for every command with a histogram (`commands`) or for the named ones (`names`; a
   * container names its subcommands too, unknown names are skipped).
   */
  histogramReply(commands: Iterable<Command>, lookup: (name: string) => Command | undefined, names: string[] | null): Reply {
    const flat: Reply[] = [];
    const add = (c: Command) => {
      const h = c.latencyHist;
      if (h === null) return;
      const dist: Reply[] = [];
      for (const [ns, count] of h.logDistribution()) dist.push(Math.floor(ns / 1000), count);
      flat.push(c.fullName, new MapReply(['calls', h.total, 'histogram_usec', new MapReply(dist)]));
    };
    if (names === null) {
      for (const c of commands) add(c);
    } else {
      for (const name of names) {
        const c = lookupByFullName(lookup, name);
        if (c === undefined) continue;
        add(c);
        if (c.subcommands) for (const sub of c.subcommands.values()) add(sub);
      }
    }
    return new MapReply(flat);
  }
}

/** "get" or "config|get" (any case) to its command. */
function lookupByFullName(lookup: (name: string) => Command | undefined, name: string): Command | undefined {
  const bar = name.indexOf('|');
  if (bar < 0) return lookup(name);
  const parent = lookup(name.slice(0, bar));
  if (parent?.subcommands === undefined || name.indexOf('|', bar + 1) >= 0) return undefined;
  return parent.subcommands.get(name.slice(bar + 1).toLowerCase());
}

/** Records an event sample if the monitor is on and the time reaches its threshold (for callers such as eviction). */
export function latencyAddSampleIfNeeded(monitor: LatencyMonitor, event: string, ms: number): void {
  monitor.addSampleIfNeeded(event, ms);
}

/** Starts timing an operation for the monitor: a clock read only while monitoring is on (else 0). */
export function latencyStartMonitor(monitor: LatencyMonitor): number {
  return monitor.thresholdMs > 0 ? performance.now() : 0;
}

/** Ends a timing started by latencyStartMonitor and records it under `event` if it is long enough. */
export function latencyEndMonitor(monitor: LatencyMonitor, event: string, start: number): void {
  if (start === 0 || monitor.thresholdMs === 0) return;
  monitor.addSampleIfNeeded(event, Math.floor(performance.now() - start));
}

interface EventStats {
  samples: number;
  avg: number;
  mad: number;
  period: number;
}

function analyse(ts: TimeSeries, nowSec: number): EventStats {
  const s = ts.samples();
  if (s.length === 0) return { samples: 0, avg: 0, mad: 0, period: 0 };
  let sum = 0;
  let oldest = s[0][0];
  for (const [t, ms] of s) {
    sum += ms;
    if (t < oldest) oldest = t;
  }
  const avg = Math.floor(sum / s.length);
  let dev = 0;
  for (const [, ms] of s) dev += Math.abs(avg - ms);
  const period = nowSec - oldest || 1;
  return { samples: s.length, avg, mad: Math.floor(dev / s.length), period };
}

/**
 * The sparkline: each column one sample, scaled between the lowest and highest sample over 4 rows of
 * 3 levels each ('_', 'o', '#', with '|' filling under the mark), then the samples' age labels written
 * vertically under an empty row.
 */
function sparkline(points: Array<{ value: number; label: string }>, min: number, max: number): string {
  const levels = GRAPH_ROWS * 3;
  const range = max - min === 0 ? 1 : max - min;
  const steps = points.map((p) => Math.min(levels - 1, Math.max(0, Math.floor(((p.value - min) * levels) / range))));
  let out = '';
  for (let row = 0; row < GRAPH_ROWS; row++) {
    const base = (GRAPH_ROWS - 1 - row) * 3;
    let line = '';
    for (const step of steps) {
      const k = step - base;
      line += k < 0 ? ' ' : k < 3 ? '_o#'[k] : '|';
    }
    out += line + '\n';
  }
  out += ' '.repeat(points.length) + '\n';
  const height = Math.max(0, ...points.map((p) => p.label.length));
  for (let k = 0; k < height; k++) {
    let line = '';
    for (const p of points) line += p.label[k] ?? ' ';
    out += line + '\n';
  }
  return out;
}

type AdviceKey =
  | 'slowlogOn' | 'slowlogTune' | 'slowlogRead' | 'cpu' | 'localDisk' | 'ssd' | 'writeback' | 'diskContention'
  | 'fsyncAlways' | 'hz' | 'bigValues' | 'massEviction' | 'snapshotSlices';

const ADVICE_ORDER: AdviceKey[] = [
  'slowlogOn', 'slowlogTune', 'slowlogRead', 'cpu', 'localDisk', 'ssd', 'writeback', 'diskContention',
  'fsyncAlways', 'hz', 'bigValues', 'massEviction', 'snapshotSlices',
];

const ADVICE: Record<AdviceKey, (s: DoctorSettings, thresholdMs: number) => string> = {
  slowlogOn: (_s, t) =>
    `The slow log is off, so the slow commands behind these spikes are not kept. Turn it on with 'CONFIG SET slowlog-log-slower-than ${t * 1000}'.`,
  slowlogTune: (_s, t) =>
    `The slow log only keeps commands slower than the latency monitor's threshold would need. Lower it with 'CONFIG SET slowlog-log-slower-than ${t * 1000}'.`,
  slowlogRead: () => 'SLOWLOG GET lists the slowest recent commands with their arguments: look there for the commands to change.',
  cpu: () =>
    'Even fast commands were slow: the process did not get the CPU when it needed it. Reduce the load on the machine, give the ' +
    'server a machine (or VM) of its own, and check how much latency the system itself adds (cinnabar cli --intrinsic-latency 100).',
  localDisk: () => 'Keep the persistence files on a local disk: network disks make every write and fsync slower.',
  ssd: () => 'A faster disk (an SSD) shortens fsync and snapshot writes; with normal write loads it should not be needed, so try it last.',
  writeback: () =>
    'Mounting an ext3/4 file system with data=writeback can make writes faster, at the price of a possibly half-written last command in the AOF after a crash (cinnabar aof-check --fix repairs it).',
  diskContention: () => 'Other processes writing to the same disk slow this one down: lower their disk use or move the files.',
  fsyncAlways: (s) =>
    s.appendfsync === 'always'
      ? "appendfsync is 'always': every write waits for the disk. 'everysec' loses at most a second of writes and is much faster."
      : '',
  hz: (s) => (s.hz < 100 ? "Expiring keys in smaller steps helps: 'CONFIG SET hz 100' runs the expiry cycle more often with less work each time." : ''),
  bigValues: () =>
    'Deleting, expiring or evicting a very large value takes time in one piece. Splitting such values into several smaller keys spreads the cost.',
  massEviction: () =>
    'Lowering maxmemory suddenly, or commands that create very large values (SORT ... STORE, big set operations, RESTORE of large keys), make the server evict many keys at once.',
  snapshotSlices: () =>
    'Background saves run in slices between commands; a slice that serialises one very large value cannot be cut short. Splitting very large values into smaller keys shortens the longest slice.',
};

function adviceFor(event: string, s: DoctorSettings, thresholdMs: number): AdviceKey[] {
  const out: AdviceKey[] = [];
  switch (event) {
    case 'command':
      if (s.slowlogLogSlowerThan < 0) out.push('slowlogOn');
      else if (s.slowlogLogSlowerThan / 1000 > thresholdMs) out.push('slowlogTune');
      out.push('slowlogRead', 'bigValues');
      break;
    case 'fast-command':
      out.push('cpu');
      break;
    case 'aof-write-pending-fsync':
      out.push('localDisk', 'diskContention', 'ssd', 'writeback');
      break;
    case 'aof-write':
    case 'aof-write-alone':
    case 'aof-write-active-child':
      out.push('localDisk', 'ssd', 'writeback');
      break;
    case 'aof-fsync-always':
      if (s.appendfsync === 'always') out.push('fsyncAlways');
      break;
    case 'aof-fstat':
    case 'rdb-unlink-temp-file':
      out.push('diskContention', 'localDisk');
      break;
    case 'aof-rename':
    case 'aof-rewrite-diff-write':
      out.push('localDisk', 'ssd', 'writeback');
      break;
    case 'expire-cycle':
      if (s.hz < 100) out.push('hz');
      out.push('bigValues');
      break;
    case 'eviction-del':
      out.push('bigValues');
      break;
    case 'eviction-cycle':
      out.push('massEviction');
      break;
    case 'bgsave-slice':
      out.push('snapshotSlices');
      break;
  }
  return out;
}
