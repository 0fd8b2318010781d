// `cinnabar benchmark` over the wire, against a started cinnabar server and the real redis-server, with
// the real redis-benchmark as the reference for test names, order and output structure. Small -n keeps
// each case to a second or two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCinnabar, startRedis, type RunningServer } from '../helpers/servers.js';
import { cleanLines, command, ours, QUIET_LINE, quietTitles, structure, theirs } from './harness.js';

const FAST = ['-n', '200', '-c', '5'];

for (const kind of ['redis', 'cinnabar'] as const) {
  describe(`against ${kind}`, () => {
    let server: RunningServer;
    let p: string[];
    beforeAll(async () => {
      server = kind === 'redis' ? await startRedis() : await startCinnabar();
      p = ['-p', String(server.port)];
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('runs the default tests in redis-benchmark order with -q', async () => {
      const [a, b] = [await ours([...p, ...FAST, '-q']), await theirs([...p, ...FAST, '-q'])];
      expect(a.exitCode).toBe(0);
      expect(quietTitles(a.stdout)).toEqual(quietTitles(b.stdout));
      expect(quietTitles(a.stdout)).toEqual([
        'PING_INLINE',
        'PING_MBULK',
        'SET',
        'GET',
        'INCR',
        'LPUSH',
        'RPUSH',
        'LPOP',
        'RPOP',
        'SADD',
        'HSET',
        'SPOP',
        'ZADD',
        'ZPOPMIN',
        'LPUSH (needed to benchmark LRANGE)',
        'LRANGE_100 (first 100 elements)',
        'LRANGE_300 (first 300 elements)',
        'LRANGE_500 (first 500 elements)',
        'LRANGE_600 (first 600 elements)',
        'MSET (10 keys)',
      ]);
      // A blank line ends the suite, as in redis-benchmark.
      expect(a.stdout.endsWith('msec\n\n')).toBe(true);
      for (const l of cleanLines(a.stdout).filter((x) => x !== '')) expect(l).toMatch(QUIET_LINE);
    });

    it('-t selects tests by name, ping and lrange selecting groups', async () => {
      const args = [...p, ...FAST, '-q', '-t', 'ping,SET,lrange_300,mset'];
      const a = await ours(args);
      expect(quietTitles(a.stdout)).toEqual(['PING_INLINE', 'PING_MBULK', 'SET', 'LPUSH (needed to benchmark LRANGE)', 'LRANGE_300 (first 300 elements)', 'MSET (10 keys)']);
      expect(quietTitles(a.stdout)).toEqual(quietTitles((await theirs(args)).stdout));
    });

    it('a custom command with -r hits distinct random keys', async () => {
      await command(server.port, ['FLUSHALL']);
      const a = await ours([...p, '-n', '3000', '-c', '10', '-r', '100', '-q', 'set', 'bench:__rand_int__', 'v']);
      expect(a.exitCode).toBe(0);
      expect(cleanLines(a.stdout)).toEqual([expect.stringMatching(/^set bench:__rand_int__ v: \d+\.\d{2} requests per second, p50=\d+\.\d{3} msec$/)]);
      // 3000 draws from 100 keys leave (almost surely) every key set, and only those.
      expect(await command(server.port, ['DBSIZE'])).toEqual({ type: 'integer', value: 100n });
      expect(await command(server.port, ['EXISTS', 'bench:000000000099', 'bench:000000000000'])).toEqual({ type: 'integer', value: 2n });
      expect(await command(server.port, ['EXISTS', 'bench:000000000100'])).toEqual({ type: 'integer', value: 0n });
    });

    it('without -r every request uses the literal key; -P pipelines exactly -n requests', async () => {
      await command(server.port, ['FLUSHALL']);
      for (const extra of [[], ['-P', '16']]) {
        await command(server.port, ['DEL', 'counter:__rand_int__']);
        const a = await ours([...p, '-n', '1600', '-c', '10', '-q', '-t', 'incr', ...extra]);
        expect(a.exitCode).toBe(0);
        expect(await command(server.port, ['GET', 'counter:__rand_int__'])).toEqual({ type: 'bulk', value: Buffer.from('1600') });
      }
    });

    it('-d sets the value size, with the bytes redis-benchmark writes', async () => {
      await command(server.port, ['FLUSHALL']);
      expect((await ours([...p, '-n', '50', '-c', '2', '-q', '-t', 'set', '-d', '100'])).exitCode).toBe(0);
      const ourValue = await command(server.port, ['GET', 'key:__rand_int__']);
      expect(await command(server.port, ['STRLEN', 'key:__rand_int__'])).toEqual({ type: 'integer', value: 100n });
      await command(server.port, ['FLUSHALL']);
      await theirs([...p, '-n', '50', '-c', '2', '-q', '-t', 'set', '-d', '100']);
      expect(await command(server.port, ['GET', 'key:__rand_int__'])).toEqual(ourValue);
    });

    it('--csv writes the same header and row shape', async () => {
      const args = [...p, ...FAST, '--csv', '-t', 'set,get'];
      const [a, b] = [await ours(args), await theirs(args)];
      const [ha, ...ra] = cleanLines(a.stdout);
      const [hb, ...rb] = cleanLines(b.stdout);
      expect(ha).toBe('"test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"');
      expect(ha).toBe(hb);
      expect(ra.map((l) => l.replace(/"\d+\.\d+"/g, '"N"'))).toEqual(rb.map((l) => l.replace(/"\d+\.\d+"/g, '"N"')));
      for (const row of ra) expect(row).toMatch(/^"(SET|GET)","\d+\.\d{2}"(,"\d+\.\d{3}"){6}$/);
    });

    it('prints the full report in redis-benchmark structure', async () => {
      // Pipelined runs stay on the main thread, like redis-benchmark without --threads.
      const args = [...p, '-n', '2000', '-c', '10', '-P', '2', '-t', 'set,get'];
      const [a, b] = [await ours(args), await theirs(args)];
      expect(a.exitCode).toBe(0);
      expect(structure(a.stdout)).toEqual(structure(b.stdout));
      expect(cleanLines(a.stdout)).toContain('====== SET ======');
      expect(cleanLines(a.stdout)).toContain('  multi-thread: no');
      expect(cleanLines(a.stdout)).toContain('          avg       min       p50       p95       p99       max');
    });

    it('unpipelined runs use two threads by default and say so as redis-benchmark --threads 2 does', async () => {
      const args = [...p, '-n', '2000', '-c', '10', '-t', 'get'];
      const [a, b] = [await ours(args), await theirs([...args, '--threads', '2'])];
      expect(structure(a.stdout)).toEqual(structure(b.stdout));
      expect(cleanLines(a.stdout)).toEqual(expect.arrayContaining(['  multi-thread: yes', '  threads: 2']));
      expect(cleanLines((await ours([...args, '--threads', '0'])).stdout)).toContain('  multi-thread: no');
    });

    it('--json is one valid document with every test', async () => {
      const a = await ours([...p, ...FAST, '--json', '-t', 'ping_mbulk,get', '--percentiles', '50,99.9']);
      expect(a.exitCode).toBe(0);
      const doc = JSON.parse(a.stdout) as { tests: Array<Record<string, unknown>>; clients: number };
      expect(doc.clients).toBe(5);
      expect(doc.tests.map((t) => t.test)).toEqual(['PING_MBULK', 'GET']);
      for (const t of doc.tests) {
        expect(t.requests).toBe(200);
        for (const k of ['rps', 'avg_latency_ms', 'min_latency_ms', 'p50_latency_ms', 'p95_latency_ms', 'p99_latency_ms', 'max_latency_ms']) {
          expect(typeof t[k]).toBe('number');
        }
        expect(Object.keys(t.percentiles_ms as object)).toEqual(['p50', 'p99.9']);
      }
    });

    it('--duration runs for that long instead of -n', async () => {
      const a = await ours([...p, '-c', '5', '--json', '-t', 'get', '--duration', '1']);
      const t = (JSON.parse(a.stdout) as { tests: Array<{ elapsed_sec: number; requests: number }> }).tests[0]!;
      expect(t.elapsed_sec).toBeGreaterThanOrEqual(0.99);
      expect(t.elapsed_sec).toBeLessThan(1.8);
      expect(t.requests).toBeGreaterThan(100);
    });

    it('--rate holds the requested throughput', async () => {
      const a = await ours([...p, '-c', '10', '--json', '-t', 'ping_mbulk', '--duration', '2', '--rate', '1000']);
      const t = (JSON.parse(a.stdout) as { tests: Array<{ rps: number; requests: number }> }).tests[0]!;
      expect(t.rps).toBeGreaterThan(800);
      expect(t.rps).toBeLessThan(1100);
    });

    it('--dbnum and -u select the database', async () => {
      await command(server.port, ['FLUSHALL']);
      await ours([...p, '-n', '10', '-c', '1', '-q', '-t', 'incr', '--dbnum', '3']);
      await ours(['-u', `redis://127.0.0.1:${server.port}/4`, '-n', '5', '-c', '1', '-q', '-t', 'incr']);
      const c = await command(server.port, ['INFO', 'keyspace']);
      const text = c.type === 'bulk' ? c.value.toString() : '';
      expect(text).toMatch(/db3:keys=1,/);
      expect(text).toMatch(/db4:keys=1,/);
      expect(text).not.toMatch(/db0:/);
    });

    it('-x takes the last argument from stdin; the title is the command line', async () => {
      const a = await ours([...p, '-n', '20', '-c', '2', '-q', '-x', 'set', 'fromstdin'], 'payload bytes');
      expect(cleanLines(a.stdout)[0]).toMatch(/^set fromstdin: /);
      expect(await command(server.port, ['GET', 'fromstdin'])).toEqual({ type: 'bulk', value: Buffer.from('payload bytes') });
    });

    it('--threads spreads the connections over worker threads', async () => {
      await command(server.port, ['DEL', 'counter:__rand_int__']);
      const a = await ours([...p, '-n', '1000', '-c', '8', '--threads', '2', '-t', 'incr']);
      expect(a.exitCode).toBe(0);
      const lines = cleanLines(a.stdout);
      expect(lines).toEqual(expect.arrayContaining(['  multi-thread: yes', '  threads: 2']));
      expect(lines[1]).toMatch(/^  1000 requests completed in \d+\.\d\d seconds$/);
      expect(await command(server.port, ['GET', 'counter:__rand_int__'])).toEqual({ type: 'bulk', value: Buffer.from('1000') });
    });

    it('-3 speaks RESP3 and -k 0 reconnects for every request', async () => {
      await command(server.port, ['DEL', 'counter:__rand_int__']);
      expect((await ours([...p, '-n', '100', '-c', '4', '-q', '-3', '-t', 'hset,incr'])).exitCode).toBe(0);
      const a = await ours([...p, '-n', '100', '-c', '4', '-q', '-k', '0', '-t', 'incr']);
      expect(a.stdout.split('\n')[0]).toMatch(/^WARNING: keepalive disabled/);
      expect(await command(server.port, ['GET', 'counter:__rand_int__'])).toEqual({ type: 'bulk', value: Buffer.from('200') });
    });

    it('an error reply ends the run like redis-benchmark 7 (-e only warns)', async () => {
      await command(server.port, ['SET', 'notalist', 'x']);
      for (const e of [[], ['-e']]) {
        const args = [...p, '-n', '20', '-c', '1', '-q', ...e, 'lpush', 'notalist', 'v'];
        const [a, b] = [await ours(args), await theirs(args)];
        expect(a.stderr).toBe(b.stderr);
        expect([a.exitCode, b.exitCode]).toEqual([1, 1]);
      }
      const bad = await ours([...p, '-n', '20', '-c', '1', '-q', '--dbnum', '99', '-t', 'incr']);
      expect(bad.stderr).toBe('Error from server: ERR DB index is out of range\n');
      expect(bad.exitCode).toBe(1);
    });
  });
}

describe('errors', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startRedis(['--requirepass', 'sesame']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a wrong password: the server error on stderr, exit 1, like redis-benchmark', async () => {
    const args = ['-p', String(server.port), '-a', 'wrong', '-n', '10', '-q'];
    const [a, b] = [await ours(args), await theirs(args)];
    expect(a.stderr).toBe(`Node 127.0.0.1:${server.port} replied with error:\nWRONGPASS invalid username-password pair or user is disabled.\n`);
    expect(a.stderr).toBe(b.stderr);
    expect([a.exitCode, b.exitCode]).toEqual([1, 1]);
    expect(a.stdout).toBe('');
  });

  it('no password where one is required', async () => {
    const args = ['-p', String(server.port), '-n', '10', '-q'];
    const [a, b] = [await ours(args), await theirs(args)];
    expect(a.stderr).toBe(b.stderr);
    expect(a.exitCode).toBe(1);
  });

  it('the right password works', async () => {
    const a = await ours(['-p', String(server.port), '-a', 'sesame', '-n', '100', '-c', '2', '-q', '-t', 'ping']);
    expect(a.exitCode).toBe(0);
    expect(quietTitles(a.stdout)).toEqual(['PING_INLINE', 'PING_MBULK']);
  });

  it('a server that is down: the connect error, exit 1', async () => {
    // redis-benchmark 7.0 prints the same first line and then spins; it is not run here.
    const a = await ours(['-p', '1', '-n', '10', '-q']);
    expect(a.stderr).toBe('Could not connect to Redis at 127.0.0.1:1: Connection refused\n');
    expect(a.exitCode).toBe(1);
  });

  it('an unknown option: redis-benchmark message and the usage, exit 1', async () => {
    const [a, b] = [await ours(['--bogus']), await theirs(['--bogus'])];
    expect(a.exitCode).toBe(1);
    expect(b.exitCode).toBe(1);
    expect(a.stdout.split('\n').slice(0, 3)).toEqual(['Invalid option "--bogus" or option argument missing', '', 'Usage: cinnabar benchmark [OPTIONS] [COMMAND ARGS...]']);
    expect(b.stdout.split('\n')[0]).toBe(a.stdout.split('\n')[0]);
    expect((await ours(['-c'])).stdout.split('\n')[0]).toBe('Invalid option "-c" or option argument missing');
  });

  it('--help lists every redis-benchmark option (and -h is the host)', async () => {
    const a = await ours(['--help']);
    expect(a.exitCode).toBe(0);
    for (const flag of ['-h <hostname>', '-p <port>', '-s <socket>', '-a <password>', '--user', '-u <uri>', '-c <clients>', '-n <requests>', '-d <size>', '--dbnum', ' -3 ', '--threads', ' -k ', ' -r ', ' -P ', ' -e ', ' -q ', '--precision', '--csv', ' -l ', ' -t ', ' -I ', ' -x ', '--seed', '--version', '--duration', '--rate', '--percentiles', '--json']) {
      expect(a.stdout).toContain(flag);
    }
    const h = await ours(['-h', '127.0.0.1', '-p', '1', '-q']);
    expect(h.stderr).toMatch(/^Could not connect/);
  });
});
