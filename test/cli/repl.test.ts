// The interactive mode: commands piped on stdin (compared byte for byte with redis-cli), and a real
// terminal session driven through tmux (prompt, database and MULTI markers, hints, history).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type RunningServer } from '../helpers/servers.js';
import { TARGETS, runOurs, runRedisCli, setup, startTarget } from './harness.js';

const strip = (b: Buffer) => b.toString('latin1').replace(/\x1b\[[0-9;]*m/g, '');

const SCRIPT_FULL = [
  'ping',
  'set a "b c"',
  'get a',
  '"unbalanced',
  "set q 'it\\'s'",
  'get q',
  'nosuchcommand',
  'select 2',
  '3 incr x',
  '0 incr x',
  'lrange nol 0 -1',
  '   ',
  'help get',
  'multi',
  'incr x',
  'exec',
  'quit',
  'ping',
].join('\n');

const SCRIPT_BASIC = ['ping', 'set a "b c"', 'get a', '"bad', 'select 2', '2 incr x', 'quit', 'ping'].join('\n');

for (const target of TARGETS) {
  describe(`cli with commands on stdin, ${target} server`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTarget(target);
    }, 30000);
    afterAll(async () => {
      await server?.stop();
    });

    it('prints what redis-cli prints', async () => {
      const script = target === 'redis' ? SCRIPT_FULL : SCRIPT_BASIC;
      const reset = [['select', '2'], ['del', 'x'], ['select', '0'], ['del', 'a', 'q']];
      await setup(server.port, reset);
      const expected = await runRedisCli(['-p', String(server.port)], { stdin: script + '\n' });
      await setup(server.port, reset);
      const actual = await runOurs(['-p', String(server.port)], { stdin: script + '\n' });
      expect(strip(actual.stdout)).toBe(strip(expected.stdout));
      expect(actual.stderr.toString()).toBe(expected.stderr.toString());
      expect(actual.code).toBe(expected.code);
    }, 120000);
  });
}

describe('cli with commands on stdin and no server', () => {
  it('reports each failed connection like redis-cli', async () => {
    const stdin = 'ping\nget a\n';
    const expected = await runRedisCli(['-p', '1'], { stdin });
    const actual = await runOurs(['-p', '1'], { stdin });
    expect(actual.stdout.toString()).toBe(expected.stdout.toString());
    expect(actual.stderr.toString()).toBe(expected.stderr.toString());
    expect(actual.code).toBe(expected.code);
  }, 120000);
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.runIf(hasTmux)('cli on a terminal (tmux)', () => {
  let server: RunningServer;
  let dir: string;
  const session = `cinnabar-cli-test-${process.pid}`;
  // A tmux server of this file's own: another file's sessions ending must not take it down.
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
  const screen = () =>
    tmux('capture-pane', '-p', '-t', session)
      .stdout.split('\n')
      .filter((l) => l.trim() !== '');
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** Waits until the last screen line satisfies `test` (the machine may be slow). */
  async function waitFor(test: (lines: string[]) => boolean, ms = 30000): Promise<string[]> {
    const end = Date.now() + ms;
    for (;;) {
      const lines = screen();
      if (test(lines) || Date.now() > end) return lines;
      await pause(100);
    }
  }
  const last = (lines: string[]) => lines[lines.length - 1] ?? '';

  beforeAll(async () => {
    server = await startTarget('redis');
    dir = mkdtempSync(join(tmpdir(), 'cli-tty-'));
    const cmd = `CINNABARCLI_HISTFILE=${join(dir, 'history')} HOME=${dir} ${process.execPath} ${BIN} cli -p ${server.port}`;
    const r = tmux('new-session', '-d', '-s', session, '-x', '150', '-y', '50', cmd);
    if (r.status !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
  }, 30000);
  afterAll(async () => {
    tmux('kill-server');
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prompts, tracks the database and MULTI, hints, and keeps secrets out of history', async () => {
    const prompt = `127.0.0.1:${server.port}>`;
    expect(last(await waitFor((l) => last(l).startsWith(prompt)))).toBe(prompt);
    await setup(server.port, [['del', 'k']]);

    tmux('send-keys', '-t', session, 'select 5', 'Enter');
    expect(last(await waitFor((l) => last(l).includes('[5]>')))).toBe(`127.0.0.1:${server.port}[5]>`);

    tmux('send-keys', '-t', session, 'multi', 'Enter');
    expect(last(await waitFor((l) => last(l).includes('(TX)>')))).toBe(`127.0.0.1:${server.port}[5](TX)>`);
    tmux('send-keys', '-t', session, 'discard', 'Enter');
    await waitFor((l) => last(l).endsWith('[5]>'));

    tmux('send-keys', '-t', session, 'auth secret', 'Enter');
    await waitFor((l) => l.some((x) => x.startsWith('(error) ERR AUTH')));
    tmux('send-keys', '-t', session, 'lrange nol 0 -1', 'Enter');
    const lines = await waitFor((l) => l.includes('(empty array)'));
    expect(lines).toContain('(empty array)');
    // Type only once the next prompt is drawn: a prompt redrawn after typing would hide the hint.
    await waitFor((l) => last(l) === `127.0.0.1:${server.port}[5]>`);

    tmux('send-keys', '-t', session, 'set k');
    const hinted = await waitFor((l) => last(l).includes('value [NX|XX]'));
    expect(last(hinted)).toBe(`127.0.0.1:${server.port}[5]> set k value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]`);
    tmux('send-keys', '-t', session, ' v', 'Enter');
    const submitted = `127.0.0.1:${server.port}[5]> set k v`;
    const after = await waitFor((l) => l.some((x) => x.startsWith(submitted)) && last(l) === `127.0.0.1:${server.port}[5]>`);
    // The hint is gone from the submitted line.
    expect(after).toContain(submitted);

    tmux('send-keys', '-t', session, 'quit', 'Enter');
    await pause(1000);
    const history = readFileSync(join(dir, 'history'), 'utf8');
    expect(history).toBe('select 5\nmulti\ndiscard\nlrange nol 0 -1\nset k v\nquit\n');
  }, 120000);
});
