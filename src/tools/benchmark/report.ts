// What the benchmark prints about a finished test: redis-benchmark's full report, its -q line, its CSV
// row, plus this tool's JSON document and terminal summary table. Numbers are formatted like C's printf
// (%.2f / %.3f round exact ties to even; NaN prints as -nan), so the text matches redis-benchmark's.
// Counterpart: showLatencyReport() in Redis's redis-benchmark.c.
import type { LatencyHistogram } from './latency.js';

export interface TestSummary {
  title: string;
  /** Replies received (may exceed -n by part of a pipeline, as in redis-benchmark). */
  requests: number;
  elapsedSec: number;
  rps: number;
  /** Milliseconds. */
  avg: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** --percentiles: [percentile, ms]. */
  extra: Array<[number, number]>;
  interrupted: boolean;
}

export interface ReportContext {
  clients: number;
  dataSize: number;
  keepalive: boolean;
  serverConfig: { save: string; appendonly: string } | null;
  threads: number;
}

/** C printf's %.<digits>f: exact decimal rounding, ties to even, -nan/inf spelled like glibc. */
export function cfixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return '-nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const rounded = x.toFixed(digits);
  // toFixed rounds an exact tie up; glibc rounds it to even. Look at the exact expansion for a tie.
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 60));
  const point = exact.indexOf('.');
  const rest = exact.slice(point + 1 + digits);
  if (/^50*$/.test(rest)) {
    const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
    const last = truncated.charCodeAt(truncated.length - 1) - 48;
    if (last % 2 === 0) return (x < 0 ? '-' : '') + truncated;
  }
  return rounded;
}

export function summarize(
  title: string,
  h: LatencyHistogram,
  requests: number,
  elapsedMs: number,
  percentiles: number[],
  interrupted: boolean,
): TestSummary {
  const ms = (us: number): number => us / 1000;
  return {
    title,
    requests,
    elapsedSec: elapsedMs / 1000,
    rps: requests / (elapsedMs / 1000),
    avg: h.mean() / 1000,
    min: ms(h.min()),
    p50: ms(h.valueAtPercentile(50)),
    p95: ms(h.valueAtPercentile(95)),
    p99: ms(h.valueAtPercentile(99)),
    max: ms(h.max()),
    extra: percentiles.map((p) => [p, ms(h.valueAtPercentile(p))]),
    interrupted,
  };
}

/** Label of an extra percentile: 99.9 -> "p99.9". */
export function percentileLabel(p: number): string {
  return `p${String(p)}`;
}

/** The full report of one test. */
export function fullReport(s: TestSummary, h: LatencyHistogram, ctx: ReportContext): string {
  const lines: string[] = [];
  lines.push(`====== ${s.title} ======`);
  lines.push(`  ${s.requests} requests completed in ${cfixed(s.elapsedSec, 2)} seconds`);
  lines.push(`  ${ctx.clients} parallel clients`);
  lines.push(`  ${ctx.dataSize} bytes payload`);
  lines.push(`  keep alive: ${ctx.keepalive ? 1 : 0}`);
  if (ctx.serverConfig) {
    lines.push(`  host configuration "save": ${ctx.serverConfig.save}`);
    lines.push(`  host configuration "appendonly": ${ctx.serverConfig.appendonly}`);
  }
  lines.push(`  multi-thread: ${ctx.threads > 0 ? 'yes' : 'no'}`);
  if (ctx.threads > 0) lines.push(`  threads: ${ctx.threads}`);
  lines.push('');
  lines.push('Latency by percentile distribution:');
  for (const l of h.percentileDistribution()) {
    lines.push(`${cfixed(l.percentile, 3)}% <= ${cfixed(l.valueMs, 3)} milliseconds (cumulative count ${l.cumulativeCount})`);
  }
  lines.push('');
  lines.push('Cumulative distribution of latencies:');
  for (const l of h.cumulativeDistribution()) {
    lines.push(`${cfixed(l.percentile, 3)}% <= ${cfixed(l.valueMs, 3)} milliseconds (cumulative count ${l.cumulativeCount})`);
  }
  lines.push('');
  lines.push('Summary:');
  lines.push(`  throughput summary: ${cfixed(s.rps, 2)} requests per second`);
  lines.push('  latency summary (msec):');
  lines.push(`    ${['avg', 'min', 'p50', 'p95', 'p99', 'max'].map((t) => t.padStart(9)).join(' ')}`);
  lines.push(`    ${[s.avg, s.min, s.p50, s.p95, s.p99, s.max].map((v) => cfixed(v, 3).padStart(9)).join(' ')}`);
  if (s.extra.length > 0) {
    lines.push(`  percentiles (msec): ${s.extra.map(([p, v]) => `${percentileLabel(p)}=${cfixed(v, 3)}`).join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

/** The -q line. */
export function quietLine(s: TestSummary): string {
  const extra = s.extra.map(([p, v]) => `, ${percentileLabel(p)}=${cfixed(v, 3)} msec`).join('');
  return `${s.title}: ${cfixed(s.rps, 2)} requests per second, p50=${cfixed(s.p50, 3)} msec${extra}\n`;
}

export function csvHeader(percentiles: number[]): string {
  const extra = percentiles.map((p) => `,"${percentileLabel(p)}_latency_ms"`).join('');
  return `"test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"${extra}\n`;
}

export function csvRow(s: TestSummary): string {
  const cells = [s.title, cfixed(s.rps, 2), ...[s.avg, s.min, s.p50, s.p95, s.p99, s.max].map((v) => cfixed(v, 3))];
  for (const [, v] of s.extra) cells.push(cfixed(v, 3));
  // Quoted but not escaped, byte for byte what redis-benchmark writes.
  return cells.map((c) => `"${c}"`).join(',') + '\n';
}

/** One test as a JSON object (numbers as numbers, rounded like the text output). */
export function jsonTest(s: TestSummary): Record<string, unknown> {
  const r3 = (v: number): number | null => (Number.isFinite(v) ? Number(cfixed(v, 3)) : null);
  const out: Record<string, unknown> = {
    test: s.title,
    requests: s.requests,
    elapsed_sec: Number(s.elapsedSec.toFixed(6)),
    rps: Number.isFinite(s.rps) ? Number(cfixed(s.rps, 2)) : null,
    avg_latency_ms: r3(s.avg),
    min_latency_ms: r3(s.min),
    p50_latency_ms: r3(s.p50),
    p95_latency_ms: r3(s.p95),
    p99_latency_ms: r3(s.p99),
    max_latency_ms: r3(s.max),
  };
  if (s.extra.length > 0) {
    const p: Record<string, number | null> = {};
    for (const [k, v] of s.extra) p[percentileLabel(k)] = r3(v);
    out.percentiles_ms = p;
  }
  if (s.interrupted) out.interrupted = true;
  return out;
}

/** The cli-table3 summary shown on a terminal after several tests. */
export async function summaryTable(results: TestSummary[]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const extraHeads = results[0]?.extra.map(([p]) => percentileLabel(p)) ?? [];
  const table = new Table({
    head: ['test', 'requests/s', 'avg ms', 'min ms', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', ...extraHeads.map((h) => `${h} ms`)],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', ...extraHeads.map(() => 'right' as const)],
    style: { head: [], border: [] },
  });
  for (const s of results) {
    table.push([s.title, cfixed(s.rps, 2), ...[s.avg, s.min, s.p50, s.p95, s.p99, s.max, ...s.extra.map(([, v]) => v)].map((v) => cfixed(v, 3))]);
  }
  return table.toString() + '\n';
}
