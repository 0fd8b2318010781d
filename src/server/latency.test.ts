import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LATENCY_TS_LEN, LatencyMonitor, formatPercentile, parsePercentiles } from './latency.js';
import { createHarness } from './harness.js';
import { MapReply, VerbatimReply, type Reply } from '../protocol/reply.js';

const SETTINGS = { slowlogLogSlowerThan: 10000, hz: 10, appendfsync: 'everysec' };

describe('LatencyMonitor events', () => {
  it('keeps one sample per second (the worst) and the all-time maximum', () => {
    const m = new LatencyMonitor();
    m.setThreshold(10);
    m.addSample('command', 20, 1000);
    m.addSample('command', 50, 1000);
    m.addSample('command', 30, 1000);
    m.addSample('command', 15, 1001);
    expect(m.history('command')).toEqual([
      [1000, 50],
      [1001, 15],
    ]);
    expect(m.latest()).toEqual([['command', 1001, 15, 50]]);
  });

  it('keeps the last 160 seconds of samples, oldest first', () => {
    const m = new LatencyMonitor();
    for (let s = 1; s <= LATENCY_TS_LEN + 5; s++) m.addSample('expire-cycle', s, 5000 + s);
    const h = m.history('expire-cycle') as number[][];
    expect(h.length).toBe(LATENCY_TS_LEN);
    expect(h[0]).toEqual([5006, 6]);
    expect(h[h.length - 1]).toEqual([5000 + LATENCY_TS_LEN + 5, LATENCY_TS_LEN + 5]);
    expect(m.latest()).toEqual([['expire-cycle', 5165, 165, 165]]);
  });

  it('records only at or above the threshold, and nothing when it is 0', () => {
    const m = new LatencyMonitor();
    m.addSampleIfNeeded('command', 500);
    expect(m.eventCount).toBe(0);
    m.setThreshold(100);
    m.addSampleIfNeeded('command', 99);
    expect(m.eventCount).toBe(0);
    m.addSampleIfNeeded('command', 100);
    expect(m.history('command')).toHaveLength(1);
    expect(m.thresholdUs).toBe(100_000);
  });

  it('resets events by name without regard to case, or all of them', () => {
    const m = new LatencyMonitor();
    m.addSample('command', 20, 1);
    m.addSample('fast-command', 20, 1);
    m.addSample('expire-cycle', 20, 1);
    expect(m.reset('COMMAND')).toBe(1);
    expect(m.reset('nosuch')).toBe(0);
    expect(m.history('command')).toEqual([]);
    expect(m.reset()).toBe(2);
    expect(m.latest()).toEqual([]);
  });

  it('draws the graph: header, ruler, 4 rows of marks and the ages written vertically', () => {
    const m = new LatencyMonitor();
    m.addSample('command', 50, 100);
    m.addSample('command', 20, 101);
    expect(m.graph('nosuch', 102)).toBeNull();
    expect(m.graph('command', 102)).toBe(
      'command - high 50 ms, low 20 ms (all time high 50 ms)\n' + '-'.repeat(80) + '\n' + '# \n| \n| \n|_\n  \n21\nss\n',
    );
    // Ages in minutes, hours and days; more than 80 samples wrap onto another block.
    const w = new LatencyMonitor();
    for (let k = 0; k < 81; k++) w.addSample('aof-write', 10 + k, 100 + k);
    const g = w.graph('aof-write', 100 + 80 + 7200)!;
    const blocks = g.split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(g.split('\n')[6]).toBe(' '.repeat(80));
    expect(g).toContain('2\n');
    expect(g.split('\n').slice(-3)).toEqual(['2', 'h', '']);
  });

  it('writes the doctor report with statistics per event and advice', () => {
    const m = new LatencyMonitor();
    expect(m.doctor(SETTINGS)).toMatch(/^Latency monitoring is off/);
    m.setThreshold(10);
    expect(m.doctor(SETTINGS)).toMatch(/^No latency spike/);
    m.addSample('command', 50, 1000);
    m.addSample('command', 20, 1001);
    m.addSample('expire-cycle', 12, 1001);
    const r = m.doctor(SETTINGS, 1002);
    expect(r).toContain('1. command: 2 spikes, average 35 ms, mean deviation 15 ms, one every 1.00 s on average; worst ever 50 ms.\n');
    expect(r).toContain('2. expire-cycle: 1 spike, average 12 ms, mean deviation 0 ms, one every 1.00 s on average; worst ever 12 ms.\n');
    expect(r).toContain('SLOWLOG GET');
    expect(r).toContain("'CONFIG SET hz 100'");
    // The slow log threshold above the monitor's: advice to lower it, with the value in microseconds.
    expect(m.doctor({ ...SETTINGS, slowlogLogSlowerThan: 50000 }, 1002)).toContain("'CONFIG SET slowlog-log-slower-than 10000'");
    expect(m.doctor({ ...SETTINGS, slowlogLogSlowerThan: -1 }, 1002)).toContain('The slow log is off');
    const b = new LatencyMonitor();
    b.addSample('bgsave-slice', 30, 5);
    expect(b.doctor(SETTINGS, 6)).toContain('Background saves run in slices');
    const u = new LatencyMonitor();
    u.addSample('something-else', 30, 5);
    expect(u.doctor(SETTINGS, 6)).toContain('No simple remedy');
  });
});

describe('latency-tracking-info-percentiles', () => {
  it('formats and validates percentiles as Redis does', () => {
    expect(formatPercentile(50)).toBe('50');
    expect(formatPercentile(99.9)).toBe('99.9');
    expect(formatPercentile(0)).toBe('0');
    expect(formatPercentile(99.9999999)).toBe('100');
    expect(parsePercentiles('0 50.50 100 99.99900')).toBe('0 50.5 100 99.999');
    expect(parsePercentiles('')).toBe('');
    expect(parsePercentiles('50 abc')).toEqual({ error: 'Invalid latency-tracking-info-percentiles parameters' });
    expect(parsePercentiles('50  99')).toEqual({ error: 'Invalid latency-tracking-info-percentiles parameters' });
    expect(parsePercentiles('101')).toEqual({ error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' });
    expect(parsePercentiles('-1')).toEqual({ error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' });
    expect(parsePercentiles('inf')).toEqual({ error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' });
    expect(parsePercentiles('1e1')).toBe('10');
  });
});

function flat(r: Reply): unknown {
  if (r instanceof MapReply) return r.flat.map(flat);
  if (Array.isArray(r)) return r.map(flat);
  return r;
}

describe('through the engine', () => {
  it('counts every call in its command histogram and reports LATENCY HISTOGRAM in both protocols', () => {
    const h = createHarness();
    try {
      h.run(['set', 'a', 'b']);
      h.run(['get', 'a']);
      h.run(['get', 'a']);
      h.run(['config', 'get', 'maxmemory']);
      const all = flat(h.run(['latency', 'histogram'])) as unknown[];
      expect(all).toContain('set');
      expect(all).toContain('get');
      expect(all).toContain('config|get');
      const get = flat(h.run(['latency', 'histogram', 'GET', 'nosuch'])) as unknown[];
      expect(get[0]).toBe('get');
      const body = get[1] as unknown[];
      expect(body.slice(0, 3)).toEqual(['calls', 2, 'histogram_usec']);
      const buckets = body[3] as number[];
      expect(buckets.length % 2).toBe(0);
      expect(buckets[buckets.length - 1]).toBe(2);
      // A container names its subcommands; "config|get" names one.
      expect((flat(h.run(['latency', 'histogram', 'config'])) as unknown[])[0]).toBe('config|get');
      expect((flat(h.run(['latency', 'histogram', 'CONFIG|GET'])) as unknown[])[0]).toBe('config|get');
      expect(h.resp(['latency', 'histogram', 'nosuch'])).toBe('*0\r\n');
      expect(h.resp3(['latency', 'histogram', 'nosuch'])).toBe('%0\r\n');
      expect(h.resp3(['latency', 'histogram', 'set'])).toMatch(/^%1\r\n\$3\r\nset\r\n%2\r\n\$5\r\ncalls\r\n:1\r\n\$14\r\nhistogram_usec\r\n%1\r\n:\d+\r\n:1\r\n$/);
      expect(h.resp(['latency', 'histogram', 'set'])).toMatch(/^\*2\r\n\$3\r\nset\r\n\*4\r\n\$5\r\ncalls\r\n:1\r\n\$14\r\nhistogram_usec\r\n\*2\r\n:\d+\r\n:1\r\n$/);
    } finally {
      h.close();
    }
  });

  it('reports INFO latencystats per command, follows the configuration and CONFIG RESETSTAT', () => {
    const h = createHarness();
    try {
      h.run(['set', 'a', 'b']);
      const info = (h.run(['info', 'latencystats']) as VerbatimReply).text;
      expect(info).toMatch(/^# Latencystats\r\n/);
      expect(info).toMatch(/\r\nlatency_percentiles_usec_set:p50=\d+\.\d{3},p99=\d+\.\d{3},p99\.9=\d+\.\d{3}\r\n/);
      expect((h.run(['info']) as VerbatimReply).text).not.toContain('Latencystats');
      expect((h.run(['info', 'everything']) as VerbatimReply).text).toContain('# Latencystats\r\n');
      h.run(['config', 'set', 'latency-tracking-info-percentiles', '0 100']);
      expect((h.run(['info', 'latencystats']) as VerbatimReply).text).toMatch(/latency_percentiles_usec_set:p0=\d+\.\d{3},p100=\d+\.\d{3}\r\n/);
      h.run(['config', 'set', 'latency-tracking-info-percentiles', '']);
      expect((h.run(['info', 'latencystats']) as VerbatimReply).text).toContain('latency_percentiles_usec_set:\r\n');
      expect(h.resp(['config', 'get', 'latency-tracking-info-percentiles'])).toBe('*2\r\n$33\r\nlatency-tracking-info-percentiles\r\n$0\r\n\r\n');
      h.run(['config', 'set', 'latency-tracking', 'no']);
      expect((h.run(['info', 'latencystats']) as VerbatimReply).text).toBe('# Latencystats\r\n');
      h.run(['config', 'set', 'latency-tracking', 'yes']);
      h.run(['config', 'resetstat']);
      const after = flat(h.run(['latency', 'histogram'])) as unknown[];
      expect(after.filter((x) => typeof x === 'string')).toEqual(['config|resetstat']);
      expect(h.resp(['config', 'set', 'latency-tracking-info-percentiles', '50 abc'])).toBe(
        "-ERR CONFIG SET failed (possibly related to argument 'latency-tracking-info-percentiles') - Invalid latency-tracking-info-percentiles parameters\r\n",
      );
    } finally {
      h.close();
    }
  });

  it('records slow commands as command events (fast ones as fast-command) above the threshold', () => {
    const h = createHarness({ 'enable-debug-command': 'yes' });
    try {
      h.run(['debug', 'sleep', '0.02']);
      expect(h.run(['latency', 'latest'])).toEqual([]);
      h.run(['config', 'set', 'latency-monitor-threshold', '10']);
      h.run(['debug', 'sleep', '0.02']);
      const latest = h.run(['latency', 'latest']) as Reply[][];
      expect(latest).toHaveLength(1);
      expect(latest[0][0]).toBe('command');
      expect(latest[0][2]).toBeGreaterThanOrEqual(20);
      const e = h.server.engine;
      const get = e.registry.lookup('get')!;
      e.latency.setThreshold(1);
      // A fast command's event, as if a GET had taken 5 ms.
      e.latency.addSampleIfNeeded(get.isFast ? 'fast-command' : 'command', 5);
      // No more events from here: a LATENCY call slowed by the host past 1 ms would be one.
      e.latency.setThreshold(60_000);
      expect((h.run(['latency', 'latest']) as Reply[][]).map((x) => x[0]).sort()).toEqual(['command', 'fast-command']);
      expect(h.resp(['latency', 'graph', 'nosuch'])).toBe("-ERR No samples available for event 'nosuch'\r\n");
      expect(h.run(['latency', 'graph', 'command'])).toBeInstanceOf(VerbatimReply);
      expect(h.run(['latency', 'reset', 'command', 'FAST-COMMAND', 'x'])).toBe(2);
      expect(h.resp(['latency', 'history', 'command'])).toBe('*0\r\n');
      expect(h.resp(['latency', 'foo'])).toBe("-ERR unknown subcommand 'foo'. Try LATENCY HELP.\r\n");
      expect(h.resp(['latency', 'history'])).toBe("-ERR wrong number of arguments for 'latency|history' command\r\n");
    } finally {
      h.close();
    }
  });

  it('records AOF writes and fsyncs (alone or during a rewrite) as aof-* events', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cinnabar-latency-aof-'));
    const h = createHarness({ dir });
    const realNow = performance.now.bind(performance);
    try {
      const e = h.server.engine;
      const aof = h.server.aof;
      h.run(['config', 'set', 'appendonly', 'yes']);
      h.run(['config', 'set', 'appendfsync', 'always']);
      e.latency.setThreshold(5);
      // A clock that moves 7 ms at every read makes every timed step "slow".
      let fake = realNow();
      performance.now = () => (fake += 7);
      h.run(['set', 'k', 'v']);
      aof.flush();
      performance.now = realNow;
      const names = (e.latency.latest() as Reply[][]).map((x) => x[0]).sort();
      expect(names).toContain('aof-write');
      expect(names).toContain('aof-fsync-always');
      expect(names.some((n) => n === 'aof-write-alone' || n === 'aof-write-active-child')).toBe(true);
      // Below the threshold (a real fsync can take several ms here), nothing new.
      e.latency.reset();
      e.latency.setThreshold(5000);
      h.run(['set', 'k', 'w']);
      aof.flush();
      expect(e.latency.latest()).toEqual([]);
      aof.stop();
    } finally {
      performance.now = realNow;
      h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records a long active expiry round as an expire-cycle event', () => {
    const h = createHarness();
    try {
      const e = h.server.engine;
      // A key whose deletion notifies a slow subscriber stands in for a slow cycle.
      h.run(['set', 'k', 'v', 'px', '1']);
      h.advanceTime(10);
      e.latency.setThreshold(1);
      e.modifiedKeyHooks.push(() => {
        const until = performance.now() + 3;
        while (performance.now() < until);
      });
      e.activeExpireCycle(25);
      expect((e.latency.latest() as Reply[][]).map((x) => x[0])).toEqual(['expire-cycle']);
    } finally {
      h.close();
    }
  });
});
