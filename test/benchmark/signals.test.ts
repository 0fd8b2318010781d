// Signals: a looping benchmark stopped with Ctrl-C prints what it measured and exits 130; idle mode
// holds its connections until stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RunningServer } from '../helpers/servers.js';
import { cleanLines, command, QUIET_LINE, spawnOurs } from './harness.js';

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('signals', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('-l loops until SIGINT, then prints the interrupted test and exits 130', async () => {
    const proc = spawnOurs(['-p', String(server.port), '-l', '-q', '-c', '4', '-n', '2000', '-t', 'ping_mbulk']);
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.split('\n').length > 3);
    proc.kill('SIGINT');
    const r = await proc;
    expect(r.exitCode).toBe(130);
    const lines = cleanLines(out).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(QUIET_LINE);
  });

  it('a long full report interrupted by SIGINT still has its summary', async () => {
    const proc = spawnOurs(['-p', String(server.port), '-c', '4', '-n', '100000000', '-t', 'get']);
    // Once its 4 connections are open (plus ours for INFO), let it run a moment.
    await waitFor(async () => {
      const info = await command(server.port, ['INFO', 'clients']);
      return info.type === 'bulk' && /connected_clients:5\r/.test(info.value.toString());
    });
    await new Promise((r) => setTimeout(r, 500));
    proc.kill('SIGINT');
    const r = await proc;
    expect(r.exitCode).toBe(130);
    const lines = cleanLines(r.stdout);
    expect(lines[0]).toBe('====== GET ======');
    expect(lines[1]).toMatch(/^  \d+ requests completed in \d+\.\d\d seconds$/);
    expect(lines).toContain('Summary:');
  });

  it('-I opens idle connections and waits', async () => {
    const proc = spawnOurs(['-p', String(server.port), '-I', '-c', '7']);
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => out.includes('\n'));
    expect(out).toBe('Creating 7 idle connections and waiting forever (Ctrl+C when done)\n');
    await waitFor(async () => {
      const info = await command(server.port, ['INFO', 'clients']);
      return info.type === 'bulk' && /connected_clients:8\r/.test(info.value.toString());
    });
    proc.kill('SIGINT');
    expect((await proc).exitCode).toBe(130);
  });
});
