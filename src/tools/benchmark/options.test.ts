import { describe, expect, it } from 'vitest';
import { defaultThreads } from './index.js';
import { OptionError, parseOptions } from './options.js';

describe('parseOptions', () => {
  it("has redis-benchmark's defaults", () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ host: '127.0.0.1', port: 6379, clients: 50, requests: 100000, dataSize: 3, pipeline: 1, keepalive: true, precision: 3, tests: null, command: [] });
  });

  it('reads numbers like atoi and clamps as redis-benchmark does', () => {
    const o = parseOptions(['-c', '10x', '-n', '5k', '-d', '0', '-P', '-3', '-r', '-5', '--precision', '9', '--threads', '900', '-k', '0']);
    expect(o).toMatchObject({ clients: 10, requests: 5, dataSize: 1, pipeline: 1, randomKeys: true, keyspacelen: 0, precision: 4, threads: 500, threadsGiven: true, keepalive: false });
    expect(parseOptions(['--precision', '0']).precision).toBe(1);
  });

  it('-h is the host, -t is lower-cased, the first non-option starts the command', () => {
    const o = parseOptions(['-h', 'db.local', '-t', 'SET,Get', '-q', 'lpush', 'mylist', '-x']);
    expect(o.host).toBe('db.local');
    expect(o.tests).toEqual(['set', 'get']);
    expect(o.quiet).toBe(true);
    expect(o.command).toEqual(['lpush', 'mylist', '-x']);
  });

  it('-u fills host, port, credentials and database', () => {
    expect(parseOptions(['-u', 'redis://bob:pw@10.0.0.1:7000/5'])).toMatchObject({ host: '10.0.0.1', port: 7000, user: 'bob', password: 'pw', dbnum: 5 });
  });

  it('reads the extensions', () => {
    const o = parseOptions(['--duration', '2.5', '--rate', '1000', '--percentiles', '50, 99.9', '--json', '--seed', '42']);
    expect(o).toMatchObject({ durationSec: 2.5, rate: 1000, percentiles: [50, 99.9], json: true, seed: 42 });
  });

  it('refuses unknown options and missing values with redis-benchmark wording', () => {
    for (const argv of [['--bogus'], ['-c'], ['-r', '-x']]) {
      const e = (() => {
        try {
          parseOptions(argv);
        } catch (err) {
          return err as OptionError;
        }
        throw new Error('no error');
      })();
      expect(e).toBeInstanceOf(OptionError);
      expect(e.withUsage).toBe(true);
      expect(e.message).toMatch(/^Invalid option "-.*" or option argument missing$/);
    }
    expect(() => parseOptions(['--rate', 'fast'])).toThrow(/--rate/);
    expect(() => parseOptions(['--percentiles', '50,101'])).toThrow(/--percentiles/);
    expect(() => parseOptions(['--cluster'])).toThrow(/not supported/);
    expect(() => parseOptions(['--tls'])).toThrow(/not supported/);
  });

  it('--help and --version stop parsing', () => {
    expect(parseOptions(['--help', '--bogus']).showHelp).toBe(true);
    expect(parseOptions(['-v']).showVersion).toBe(true);
  });
});

describe('defaultThreads', () => {
  it('uses two threads only for unpipelined runs with enough connections and cores', () => {
    expect(defaultThreads({ pipeline: 1, clients: 50, idle: false }, 2)).toBe(2);
    expect(defaultThreads({ pipeline: 16, clients: 50, idle: false }, 2)).toBe(0);
    expect(defaultThreads({ pipeline: 1, clients: 2, idle: false }, 2)).toBe(0);
    expect(defaultThreads({ pipeline: 1, clients: 50, idle: false }, 1)).toBe(0);
    expect(defaultThreads({ pipeline: 1, clients: 50, idle: true }, 4)).toBe(0);
  });
});
