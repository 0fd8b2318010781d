import { describe, expect, it } from 'vitest';
import { cFixed, cPercent } from './printf.js';
import { bytesToHuman, infoField, infoLong, statLine } from './stat.js';
import { typeOrder } from './big-keys.js';
import { evalArgv, EvalFileError } from './eval.js';

describe('printf helpers', () => {
  it('rounds exact ties to even like glibc, other values to nearest', () => {
    expect(cFixed(2.125, 2)).toBe('2.12');
    expect(cFixed(2.375, 2)).toBe('2.38');
    expect(cFixed(0.125, 2)).toBe('0.12');
    expect(cFixed(1 / 3, 2)).toBe('0.33');
    expect(cFixed(2.5, 0)).toBe('2');
    expect(cFixed(Number.POSITIVE_INFINITY, 0)).toBe('inf');
  });

  it('pads percentages to five characters', () => {
    expect(cPercent(0)).toBe('00.00%');
    expect(cPercent(3.846)).toBe('03.85%');
    expect(cPercent(100)).toBe('100.00%');
  });
});

describe('--stat helpers', () => {
  const info = '# Server\r\nused_memory:1668984\r\nused_memory_human:1.59M\r\nconnected_clients:3\r\n' +
    'blocked_clients:0\r\ntotal_commands_processed:351\r\ntotal_connections_received:66\r\nloading:0\r\n' +
    'async_loading:0\r\nrdb_bgsave_in_progress:1\r\naof_rewrite_in_progress:0\r\n# Keyspace\r\ndb0:keys=30,expires=0,avg_ttl=0\r\ndb11:keys=3,expires=0,avg_ttl=0\r\n';

  it('reads fields the way strstr finds them', () => {
    expect(infoField(info, 'used_memory')).toBe('1668984');
    expect(infoField(info, 'db0:keys')).toBe('30');
    expect(infoLong(info, 'bgsave_in_progress')).toBe(1);
    expect(infoLong(info, 'missing')).toBeNull();
  });

  it('formats memory like bytesToHuman', () => {
    expect(bytesToHuman(512)).toBe('512B');
    expect(bytesToHuman(1668984)).toBe('1.59M');
    expect(bytesToHuman(2048)).toBe('2.00K');
    expect(bytesToHuman(-2048)).toBe('-2.00K');
  });

  it('lays out a line in redis-cli\'s columns', () => {
    const { line, requests } = statLine(info, 340);
    expect(requests).toBe(351);
    expect(line).toBe('33         1.59M    3       0       351 (+11)           66          SAVE\n');
  });
});

describe('--bigkeys type order', () => {
  it('follows redis-cli\'s table as its rehash advances', () => {
    expect(typeOrder(0)).toEqual(['hash', 'list', 'string', 'stream', 'set', 'zset']);
    expect(typeOrder(1)).toEqual(['string', 'list', 'hash', 'stream', 'set', 'zset']);
    expect(typeOrder(2)).toEqual(['list', 'hash', 'string', 'stream', 'set', 'zset']);
    expect(typeOrder(1000)).toEqual(typeOrder(2));
  });
});

describe('--eval arguments', () => {
  it('splits keys from arguments at a lone comma', () => {
    const argv = evalArgv(new URL(import.meta.url).pathname, ['k1', 'k2', ',', 'a1', ',']);
    expect(argv[0]).toBe('EVAL');
    expect(argv.slice(2)).toEqual(['2', 'k1', 'k2', 'a1', ',']);
  });

  it('reports a missing file like redis-cli', () => {
    expect(() => evalArgv('/nonexistent/x.lua', [])).toThrow(EvalFileError);
    expect(() => evalArgv('/nonexistent/x.lua', [])).toThrow("Can't open file '/nonexistent/x.lua': No such file or directory\n");
  });
});
