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
});
