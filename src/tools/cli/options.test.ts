import { describe, expect, it } from 'vitest';
import { parseOptions, OptionError, atoi } from './options.js';

describe('parseOptions', () => {
  it('reads connection options and stops at the command', () => {
    const o = parseOptions(['-h', 'db.local', '-p', '7000', '-n', '3', '-3', 'get', '-x', 'k']);
    expect(o).toMatchObject({ host: 'db.local', port: 7000, db: 3, resp: 3, stdinLastArg: false, command: ['get', '-x', 'k'] });
  });

  it('-h is the host, never help', () => {
    expect(parseOptions(['-h', 'x']).host).toBe('x');
  });

  it('takes repeat, interval, delimiters and output modes', () => {
    const o = parseOptions(['-r', '5', '-i', '0.5', '-d', ',', '-D', ';', '--raw', '-x', '-e', 'ping']);
    expect(o).toMatchObject({ repeat: 5, interval: 0.5, mbDelim: ',', cmdDelim: ';', output: 'raw', stdinLastArg: true, exitOnError: true });
    expect(parseOptions(['--no-raw']).output).toBe('standard');
    expect(parseOptions(['--csv']).output).toBe('csv');
  });

  it('reads credentials and notes when they came from the command line', () => {
    expect(parseOptions(['--user', 'u', '--pass', 'p'])).toMatchObject({ user: 'u', password: 'p', passwordOnCommandLine: true });
    expect(parseOptions([], { REDISCLI_AUTH: 'secret' })).toMatchObject({ password: 'secret', passwordOnCommandLine: false });
  });

  it('reads a URL, keeping what it does not set', () => {
    const o = parseOptions(['-p', '7000', '-u', 'redis://alice:s%40cret@example.org/5']);
    expect(o).toMatchObject({ host: 'example.org', port: 7000, db: 5, user: 'alice', password: 's@cret' });
  });

  it('rejects unknown options and options missing a value', () => {
    expect(() => parseOptions(['--bogus'])).toThrow(OptionError);
    expect(() => parseOptions(['-p'])).toThrow("Unrecognized option or bad number of args for: '-p'");
  });

  it('parses numbers like C atoi', () => {
    expect(atoi('12abc')).toBe(12);
    expect(atoi('abc')).toBe(0);
    expect(atoi(' -3')).toBe(-3);
  });

  it('reads the modes and their settings', () => {
    expect(parseOptions(['--scan', '--pattern', 'a*', '--count', '50'])).toMatchObject({ mode: 'scan', pattern: 'a*', count: 50 });
    expect(parseOptions(['--quoted-pattern', '"a\\x00*"']).pattern).toBe('a\x00*');
    expect(() => parseOptions(['--quoted-pattern', '"open'])).toThrow('Invalid quoted string specified for --quoted-pattern.');
    expect(parseOptions(['--memkeys-samples', '5'])).toMatchObject({ mode: 'memkeys', memkeysSamples: 5 });
    expect(parseOptions(['--intrinsic-latency', '3'])).toMatchObject({ mode: 'intrinsic-latency', intrinsicSeconds: 3 });
    expect(parseOptions(['--pipe', '--pipe-timeout', '0'])).toMatchObject({ mode: 'pipe', pipeTimeout: 0 });
    expect(parseOptions(['--latency-history', '-i', '0.5'])).toMatchObject({ mode: 'latency-history', interval: 0.5 });
  });

  it('--json switches to RESP3 unless -2 is given', () => {
    expect(parseOptions(['--json'])).toMatchObject({ output: 'json', resp: 3 });
    expect(parseOptions(['--json', '-2'])).toMatchObject({ output: 'json', resp: 2 });
    expect(parseOptions(['-2', '--quoted-json'])).toMatchObject({ output: 'quoted-json', resp: 2 });
  });

  it('reads TLS, cluster and input options', () => {
    const o = parseOptions(['--tls', '--cacert', 'ca.crt', '--cert', 'c.crt', '--key', 'c.key', '--sni', 'h', '--insecure', '-c', '--quoted-input', '-X', 'T', 'get', 'T']);
    expect(o.tls).toEqual({ enabled: true, cacert: 'ca.crt', cert: 'c.crt', key: 'c.key', sni: 'h', insecure: true });
    expect(o).toMatchObject({ clusterMode: true, quotedInput: true, stdinTag: 'T', command: ['get', 'T'] });
    expect(parseOptions(['-u', 'rediss://h:7000']).tls.enabled).toBe(true);
  });

  it('notes options that cannot work yet, and bad --show-pushes values', () => {
    expect(parseOptions(['--replica']).unsupported).toMatch(/replication/);
    expect(parseOptions(['--rdb', 'x.rdb']).unsupported).toMatch(/replication/);
    expect(parseOptions(['--show-pushes', 'n']).showPushes).toBe(false);
    expect(parseOptions(['--show-pushes', 'perhaps']).warnings).toEqual(["Unknown --show-pushes value 'perhaps' (valid: '[y]es', '[n]o')"]);
  });
});
