// LATENCY and INFO latencystats over the wire on cinnabar and redis-server 7.0 side by side. Replies that
// do not depend on timing are compared byte for byte; those that do (samples, histogram buckets,
// percentiles) are compared by shape: reply types, event and command names, field names and formats.
// DOCTOR and HELP are prose (Cinnabar words its own): compared by reply type and, for HELP, by the
// subcommand lines.
import { describe, expect, it } from 'vitest';
import { as, diffCases, skip, typeOnly, useDiffPair, type Step } from '../helpers/differential.js';
import { RespConnection, decodeReply, type RespValue } from '../helpers/resp.js';

const pair = useDiffPair({ subjectArgs: ['--enable-debug-command', 'yes'], oracleArgs: ['--enable-debug-command', 'yes'] });

const text = (v: RespValue | undefined): string => v?.data?.toString('latin1') ?? '';

/** A normaliser that keeps only what timing cannot change. */
const shape = (label: string, f: (v: RespValue) => unknown): Step['cmp'] => ({ label, normalize: (v) => JSON.stringify(f(v)) });

/** LATENCY LATEST: event names, and for each sample whether its values are integers at least `min` ms. */
const latestShape = (min: number) =>
  shape('latest', (v) =>
    (v.items ?? []).map((e) => {
      const f = e.items ?? [];
      return [e.type, text(f[0]), f.slice(1).map((x) => x.type), Number(text(f[2])) >= min, Number(text(f[3])) >= min];
    }),
  );

/** LATENCY HISTORY: how many samples, all [integer time, integer ms >= min]. */
const historyShape = (min: number) =>
  shape('history', (v) => [v.type, (v.items ?? []).map((p) => [p.type, (p.items ?? []).map((x) => x.type), Number(text(p.items?.[1])) >= min])]);

/** LATENCY GRAPH: the header with the numbers masked, the ruler, and the number of lines. */
const graphShape = shape('graph', (v) => {
  const lines = text(v).replace(/^txt:/, '').split('\n');
  return [v.type, lines[0].replace(/\d+/g, 'N'), lines[1], lines.length];
});

/**
 * LATENCY HISTOGRAM: per command its name, calls, the field names and whether the buckets are consistent;
 * commands sorted by name (Redis lists them in its command hash table's order).
 */
const histogramShape = shape('histogram', (v) => {
  const items = v.items ?? [];
  const out: unknown[] = [];
  for (let k = 0; k + 1 < items.length; k += 2) {
    const body = items[k + 1].items ?? [];
    const buckets = (body[3]?.items ?? []).map((x) => Number(text(x)));
    const counts = buckets.filter((_, j) => j % 2 === 1);
    const bounds = buckets.filter((_, j) => j % 2 === 0);
    out.push([
      text(items[k]),
      items[k + 1].type,
      text(body[0]),
      text(body[1]),
      text(body[2]),
      body[3]?.type,
      counts.length > 0 && counts[counts.length - 1] <= Number(text(body[1])),
      counts.every((c, j) => j === 0 || c > counts[j - 1]),
      bounds.every((b, j) => j === 0 || b > bounds[j - 1]),
    ]);
  }
  return [v.type, ...out.sort((a, b) => String((a as unknown[])[0]).localeCompare(String((b as unknown[])[0])))];
});

/** HELP: the reply type and the lines that are not indented (the subcommand forms). */
const helpShape = shape('help', (v) => [v.type, (v.items ?? []).map((x) => text(x)).filter((l) => !l.startsWith(' ')).slice(1)]);

const RESET: Step[] = [skip('LATENCY', 'RESET'), skip('CONFIG', 'SET', 'latency-monitor-threshold', '0'), skip('CONFIG', 'RESETSTAT')];

describe('LATENCY without samples', () => {
  diffCases('empty monitor, errors and arity', pair, [
    ...RESET,
    ['LATENCY', 'LATEST'],
    ['LATENCY', 'HISTORY', 'command'],
    ['LATENCY', 'GRAPH', 'command'],
    ['LATENCY', 'RESET'],
    ['LATENCY', 'RESET', 'command', 'nosuch'],
    ['LATENCY', 'HISTOGRAM', 'nosuch'],
    ['LATENCY', 'HISTOGRAM', 'nosuch', 'alsonot'],
    ['LATENCY', 'foo'],
    ['LATENCY'],
    ['LATENCY', 'HISTORY'],
    ['LATENCY', 'HISTORY', 'a', 'b'],
    ['LATENCY', 'GRAPH'],
    ['LATENCY', 'LATEST', 'x'],
    ['LATENCY', 'DOCTOR', 'x'],
    ['LATENCY', 'HELP', 'x'],
    typeOnly('LATENCY', 'DOCTOR'),
    as(helpShape, ['LATENCY', 'HELP']),
  ]);
});

describe('latency monitor events', () => {
  diffCases(
    'a slow command recorded above the threshold',
    pair,
    [
      ...RESET,
      ['CONFIG', 'SET', 'latency-monitor-threshold', '40'],
      ['CONFIG', 'GET', 'latency-monitor-threshold'],
      ['DEBUG', 'SLEEP', '0'],
      ['LATENCY', 'LATEST'],
      ['DEBUG', 'SLEEP', '0.08'],
      as(latestShape(80), ['LATENCY', 'LATEST']),
      as(historyShape(80), ['LATENCY', 'HISTORY', 'command']),
      ['LATENCY', 'HISTORY', 'fast-command'],
      as(graphShape, ['LATENCY', 'GRAPH', 'command']),
      typeOnly('LATENCY', 'DOCTOR'),
      ['LATENCY', 'GRAPH', 'COMMAND'],
      ['LATENCY', 'RESET', 'COMMAND', 'command'],
      ['LATENCY', 'LATEST'],
      ['CONFIG', 'SET', 'latency-monitor-threshold', '0'],
    ],
    { timeout: 20000 },
  );

  it('writes a doctor report with one numbered line per event and its statistics', async () => {
    const c = await RespConnection.open(pair().subject.port);
    try {
      await c.call(['LATENCY', 'RESET']);
      await c.call(['CONFIG', 'SET', 'latency-monitor-threshold', '10']);
      await c.call(['DEBUG', 'SLEEP', '0.03']);
      const report = text(decodeReply(await c.call(['LATENCY', 'DOCTOR'])));
      expect(report).toMatch(/^1\. command: 1 spike, average \d+ ms, mean deviation 0 ms, one every \d+\.\d\d s on average; worst ever \d+ ms\.$/m);
      expect(report).toContain('SLOWLOG GET');
      await c.call(['CONFIG', 'SET', 'latency-monitor-threshold', '0']);
      await c.call(['LATENCY', 'RESET']);
    } finally {
      c.close();
    }
  });
});

describe('persistence events', () => {
  it('records a long background-save slice as bgsave-slice', async () => {
    const c = await RespConnection.open(pair().subject.port, { readTimeoutMs: 20000 });
    try {
      await c.call(['LATENCY', 'RESET']);
      // One 48 MB value is serialised (and compressed) in one slice: far above 1 ms.
      await c.call(['SETRANGE', 'big', '50000000', 'x']);
      await c.call(['CONFIG', 'SET', 'latency-monitor-threshold', '1']);
      expect(text(decodeReply(await c.call(['BGSAVE'])))).toBe('Background saving started');
      const deadline = Date.now() + 15000;
      while (Date.now() < deadline && /rdb_bgsave_in_progress:1/.test(text(decodeReply(await c.call(['INFO', 'persistence']))))) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const latest = decodeReply(await c.call(['LATENCY', 'LATEST']));
      const events = (latest.items ?? []).map((e) => text(e.items?.[0]));
      expect(events).toContain('bgsave-slice');
      const history = decodeReply(await c.call(['LATENCY', 'HISTORY', 'bgsave-slice']));
      expect(Number(text(history.items?.[0]?.items?.[1]))).toBeGreaterThanOrEqual(1);
    } finally {
      await c.call(['CONFIG', 'SET', 'latency-monitor-threshold', '0']);
      await c.call(['DEL', 'big']);
      await c.call(['LATENCY', 'RESET']);
      c.close();
    }
  }, 30000);
});

describe('LATENCY HISTOGRAM and INFO latencystats', () => {
  diffCases('per-command histograms', pair, [
    ...RESET,
    ['SET', 'a', '1'],
    ['GET', 'a'],
    ['GET', 'a'],
    ['CONFIG', 'GET', 'maxmemory'],
    as(histogramShape, ['LATENCY', 'HISTOGRAM', 'get']),
    as(histogramShape, ['LATENCY', 'HISTOGRAM', 'SET', 'nosuch', 'get']),
    as(histogramShape, ['LATENCY', 'HISTOGRAM', 'config']),
    as(histogramShape, ['LATENCY', 'HISTOGRAM', 'config|get']),
    ['LATENCY', 'HISTOGRAM', 'config|nosuch'],
    skip('CONFIG', 'RESETSTAT'),
    as(histogramShape, ['LATENCY', 'HISTOGRAM']),
    skip('CONFIG', 'SET', 'latency-tracking', 'no'),
    ['GET', 'a'],
    as(histogramShape, ['LATENCY', 'HISTOGRAM', 'get']),
    ['CONFIG', 'SET', 'latency-tracking', 'yes'],
  ]);

  /** INFO latencystats with every number masked, lines sorted (Redis lists commands in hash-table order). */
  const infoShape = shape('latencystats', (v) =>
    text(v)
      .replace(/^txt:/, '')
      .split('\r\n')
      .map((l) => l.replace(/=\d+\.\d{3}/g, '=N'))
      .sort(),
  );

  diffCases('INFO latencystats lines and the percentiles directive', pair, [
    ...RESET,
    ['SET', 'a', '1'],
    ['GET', 'a'],
    as(infoShape, ['INFO', 'LATENCYSTATS']),
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '0 50.50 100 99.99900'],
    ['CONFIG', 'GET', 'latency-tracking-info-percentiles'],
    as(infoShape, ['INFO', 'latencystats']),
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50 abc'],
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '101'],
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '-0.5'],
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '1e1 99'],
    ['CONFIG', 'GET', 'latency-tracking-info-percentiles'],
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', ''],
    ['CONFIG', 'GET', 'latency-tracking-info-percentiles'],
    as(infoShape, ['INFO', 'latencystats']),
    ['CONFIG', 'SET', 'latency-tracking', 'no'],
    ['INFO', 'latencystats'],
    ['CONFIG', 'SET', 'latency-tracking', 'yes'],
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50 99 99.9'],
  ]);

  it('lists latencystats in INFO ALL and EVERYTHING but not in the default INFO, on both servers', async () => {
    for (const port of [pair().subject.port, pair().oracle.port]) {
      const c = await RespConnection.open(port);
      try {
        const sections = async (...args: string[]) =>
          text(decodeReply(await c.call(['INFO', ...args])))
            .split('\r\n')
            .filter((l) => l.startsWith('# '));
        expect(await sections()).not.toContain('# Latencystats');
        expect(await sections('all')).toContain('# Latencystats');
        expect(await sections('everything')).toContain('# Latencystats');
        const all = await sections('everything');
        expect(all.indexOf('# Latencystats')).toBe(all.indexOf('# Errorstats') + 1);
      } finally {
        c.close();
      }
    }
  });
});
