// On a terminal (run under `script`): the live progress line in redis-benchmark's format, blanked
// before each report, and the summary table at the end. Piped output has neither.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, startRedis, type RunningServer } from '../helpers/servers.js';
import { ours } from './harness.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function underTty(argv: string[]): string {
  const r = spawnSync('script', ['-qec', argv.map(shellQuote).join(' '), '/dev/null'], { encoding: 'utf8', timeout: 120000 });
  return r.stdout.replace(/\r\n/g, '\n') + (r.status === 0 ? '' : `\n[exit ${r.status ?? r.signal}: ${r.stderr}]`);
}

describe.skipIf(!hasScript)('on a terminal', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows progress lines while a test runs, then the report and a summary table', () => {
    // Enough requests at a modest rate that the run spans several progress ticks.
    const out = underTty([process.execPath, BIN, 'benchmark', '-p', String(server.port), '-c', '4', '-n', '3000', '--rate', '2000', '-t', 'set,get']);
    // Before the first reply the averages are 0/0, printed as glibc prints them: -nan.
    const progress = out.match(/(SET|GET): rps=\d+\.\d \(overall: \d+\.\d\) avg_msec=(\d+\.\d{3}|-nan) \(overall: (\d+\.\d{3}|-nan)\)\r/g) ?? [];
    expect(progress.length, out).toBeGreaterThanOrEqual(2);
    // The progress line is blanked with spaces and a carriage return before the report starts.
    expect(out).toMatch(/\r +\r====== SET ======\n/);
    const tail = out.slice(-2500);
    // Columns widen with the numbers, so the header's padding varies.
    expect(tail).toMatch(/│ test +│ +requests\/s +│ +avg ms +│ +min ms +│ +p50 ms +│ +p95 ms +│ +p99 ms +│ +max ms +│/);
    expect(tail).toMatch(/│ SET  │ +\d+\.\d\d │/);
  });

  it('writes neither when piped', async () => {
    const r = await ours(['-p', String(server.port), '-c', '4', '-n', '3000', '--rate', '2000', '-t', 'set,get']);
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).not.toContain('rps=');
    expect(r.stdout).not.toContain('│');
    expect(r.stdout.startsWith('====== SET ======\n')).toBe(true);
  });
});
