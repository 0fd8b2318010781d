import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from './config.js';
import { REWRITE_SIGNATURE, formatMemory, rewriteConfigFile, rewriteConfigText, type RewriteSources } from './config-rewrite.js';

const USER = 'user default on nopass sanitize-payload ~* &* +@all';

function sources(config: Config, extra: Partial<RewriteSources> = {}): RewriteSources {
  return { config, userLines: [USER], cwd: '/data', ...extra };
}

/** A Config loaded from text, then changed as CONFIG SET would. */
function configFrom(text: string, sets: Record<string, string> = {}): Config {
  const c = new Config();
  c.loadText(text);
  for (const [k, v] of Object.entries(sets)) expect(c.set(k, v)).toBeNull();
  return c;
}

/** The lines Redis always writes on a rewrite (dir, save points, percentiles, users). */
const ALWAYS = ['latency-tracking-info-percentiles 50 99 99.9', 'save 3600 1', 'save 300 100', 'save 60 10000', 'dir "/data"', USER];

describe('formatMemory', () => {
  it('writes sizes in the largest exact unit', () => {
    expect(formatMemory(0)).toBe('0');
    expect(formatMemory(1000)).toBe('1000');
    expect(formatMemory(1024)).toBe('1kb');
    expect(formatMemory(100 * 1024 * 1024)).toBe('100mb');
    expect(formatMemory(3 * 1024 ** 3)).toBe('3gb');
    expect(formatMemory(1536 * 1024)).toBe('1536kb');
  });
});

describe('rewriteConfigText', () => {
  it('keeps comments and order, rewrites in place, blanks duplicates and appends non-defaults', () => {
    const text = '# my config\nport 23111\n\n\n\nmaxmemory 100mb\nsave 900 1\nsave 300 10\n  appendonly no\nhz 10\nhz 12\n';
    const c = configFrom(text, { 'maxmemory-policy': 'allkeys-lru', maxmemory: '1000000', hz: '15', loglevel: 'warning' });
    const out = rewriteConfigText(text, sources(c));
    const lines = out.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      '# my config',
      'port 23111',
      '',
      'maxmemory 1000000',
      'save 900 1',
      'save 300 10',
      'appendonly no',
      'hz 15',
      '',
      REWRITE_SIGNATURE,
    ]);
    expect(lines.slice(10, -1).sort()).toEqual(
      ['loglevel warning', 'latency-tracking-info-percentiles 50 99 99.9', 'maxmemory-policy allkeys-lru', 'dir "/data"', USER].sort(),
    );
    expect(out.endsWith(`${USER}\n`)).toBe(true);
  });

  it('writes only what is not default for a file without directives; a second run adds one final blank line, as Redis', () => {
    const c = configFrom('', { timeout: '5', 'maxmemory-policy': 'allkeys-lru' });
    const out = rewriteConfigText('', sources(c));
    expect(out.startsWith(`${REWRITE_SIGNATURE}\n`)).toBe(true);
    expect(out.split('\n').slice(1, -1).sort()).toEqual([...ALWAYS, 'timeout 5', 'maxmemory-policy allkeys-lru'].sort());
    // The newline ending the file leaves an empty last line, kept (runs of blank lines shrink to one).
    const again = rewriteConfigText(out, sources(c));
    expect(again).toBe(out + '\n');
    expect(rewriteConfigText(again, sources(c))).toBe(again);
  });

  it('writes save "" when there are no save points; keeps a bind line, adds none for the default', () => {
    const text = 'bind 127.0.0.1 -::1\nsave 60 1\n';
    const c = configFrom(text, { save: '' });
    const out = rewriteConfigText(text, sources(c));
    expect(out.split('\n')[0]).toBe('bind 127.0.0.1 -::1');
    expect(out.split('\n')[1]).toBe('save ""');
    const b = configFrom('bind 127.0.0.1 ::1\n');
    expect(rewriteConfigText('bind 127.0.0.1 ::1\n', sources(b)).split('\n')[0]).toBe('bind 127.0.0.1 ::1');
    expect(rewriteConfigText('', sources(new Config()))).not.toContain('bind');
    const all = configFrom('', { 'oom-score-adj-values': '10 200 800' });
    expect(rewriteConfigText('', sources(all))).toContain('\noom-score-adj-values 10 200 800\n');
  });

  it('quotes strings, formats memory and output-buffer limits, notify flags and octal permissions', () => {
    const c = configFrom('unixsocketperm 700\n', {
      dbfilename: 'my "dump".rdb',
      'client-output-buffer-limit': 'pubsub 64mb 16mb 120 normal 1gb 0 0',
      'notify-keyspace-events': 'KEA',
      'hash-max-listpack-value': '128',
      'repl-backlog-size': '2mb',
      requirepass: 'se\ncret',
    });
    const out = rewriteConfigText('unixsocketperm 700\n', sources(c));
    const lines = out.split('\n');
    expect(lines[0]).toBe('unixsocketperm 700');
    expect(lines).toContain('dbfilename "my \\"dump\\".rdb"');
    expect(lines).toContain('client-output-buffer-limit normal 1gb 0 0');
    expect(lines).toContain('client-output-buffer-limit pubsub 64mb 16mb 120');
    expect(lines.some((l) => l.startsWith('client-output-buffer-limit replica'))).toBe(false);
    expect(lines).toContain('notify-keyspace-events "AKE"');
    expect(lines).toContain('hash-max-listpack-value 128');
    expect(lines).toContain('repl-backlog-size 2mb');
    expect(lines).toContain('requirepass "se\\ncret"');
  });

  it('removes a directive whose value became "not set", keeps what it does not know as comments', () => {
    const text = 'requirepass foo\ninclude other.conf\nrename-command KEYS ""\nloadmodule /x.so\nsentinel monitor m 1 2 3\nbad "quote\n';
    const c = new Config();
    c.loadText('requirepass foo\n');
    expect(c.set('requirepass', '')).toBeNull();
    const out = rewriteConfigText(text, sources(c));
    expect(out.split('\n').slice(0, 6)).toEqual(['', 'include other.conf', 'rename-command KEYS ""', '', 'sentinel monitor m 1 2 3', '# ??? bad "quote']);
  });

  it('rewrites alias lines under their directive and user lines from ACL, or drops them with an aclfile', () => {
    const text = 'slave-read-only no\nhash-max-ziplist-entries 64\nuser alice on >pw ~* +@all\nuser bob off\n';
    const c = configFrom(text);
    const out = rewriteConfigText(text, sources(c, { userLines: ['user alice on #abc ~* +@all', USER] }));
    expect(out.split('\n').slice(0, 4)).toEqual(['replica-read-only no', 'hash-max-listpack-entries 64', 'user alice on #abc ~* +@all', USER]);
    const a = configFrom('aclfile /etc/users.acl\n' + text);
    const withFile = rewriteConfigText('aclfile /etc/users.acl\n' + text, sources(a)).split('\n');
    expect(withFile[0]).toBe('aclfile "/etc/users.acl"');
    expect(withFile.some((l) => l.startsWith('user '))).toBe(false);
  });

  it('keeps an existing signature and does not add a second one', () => {
    const text = `port 7000\n${REWRITE_SIGNATURE}\ntimeout 5\n`;
    const c = configFrom(text, { timeout: '6', hz: '20' });
    const out = rewriteConfigText(text, sources(c));
    expect(out.split(REWRITE_SIGNATURE).length).toBe(2);
    expect(out.startsWith(`port 7000\n${REWRITE_SIGNATURE}\ntimeout 6\n`)).toBe(true);
    expect(out).toContain('\nhz 20\n');
  });
});

describe('rewriteConfigFile', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('refuses without a config file, replaces the file atomically and reports errors as Redis', () => {
    dir = mkdtempSync(join(tmpdir(), 'cinnabar-rewrite-'));
    const c = new Config();
    expect(rewriteConfigFile(sources(c))).toBe('ERR The server is running without a config file');
    const path = join(dir, 'r.conf');
    writeFileSync(path, '# hello\nport 7000\n');
    c.configFile = path;
    c.loadText('port 7000\n');
    expect(c.set('timeout', '9')).toBeNull();
    expect(rewriteConfigFile(sources(c))).toBeNull();
    const text = readFileSync(path, 'latin1');
    expect(text.startsWith('# hello\nport 7000\n\n# Generated by CONFIG REWRITE\n')).toBe(true);
    expect(text).toContain('\ntimeout 9\n');
    expect(readdirSync(dir)).toEqual(['r.conf']);
    expect(statSync(path).mode & 0o777).toBe(0o644 & ~process.umask());
    // A deleted file is written anew; an unwritable directory is an error with the C library's words.
    rmSync(path);
    expect(rewriteConfigFile(sources(c))).toBeNull();
    expect(readFileSync(path, 'latin1').startsWith(`${REWRITE_SIGNATURE}\n`)).toBe(true);
    if (process.getuid?.() !== 0) {
      chmodSync(dir, 0o500);
      expect(rewriteConfigFile(sources(c))).toBe('ERR Rewriting config file: Permission denied');
      chmodSync(dir, 0o700);
    }
    c.configFile = join(dir, 'missing', 'r.conf');
    expect(rewriteConfigFile(sources(c))).toBe('ERR Rewriting config file: No such file or directory');
  });
});
