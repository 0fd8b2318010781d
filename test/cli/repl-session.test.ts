// Interactive sessions on a real terminal (tmux), redis-cli and `cinnabar cli` driven with the same
// keys, screens compared: the server going away and coming back ("not connected>"), Ctrl-C and Ctrl-D,
// leaving SUBSCRIBE with Ctrl-C, CONNECT, the rc file (:set nohints) and "-c" redirections.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, startRedis, type RunningServer } from '../helpers/servers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * A tmux server of this file's own (-L): test files running at the same time must not share one, and
 * a keeper session holds it up between panes (a server whose last session ends exits, and a session
 * started at that moment fails).
 */
const SOCKET = `cinnabar-repl-session-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

let sessions = 0;

/** One program in a tmux pane: type keys, wait for the screen, read it. */
class Pane {
  readonly name = `cli-repl-${process.pid}-${++sessions}`;
  constructor(command: string) {
    const r = tmux('new-session', '-d', '-s', this.name, '-x', '160', '-y', '40', command);
    if (r.status !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
  }
  keys(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }
  lines(): string[] {
    const r = tmux('capture-pane', '-p', '-t', this.name);
    return r.status === 0 ? r.stdout.split('\n').filter((l) => l.trim() !== '') : ['<exited>'];
  }
  alive(): boolean {
    return tmux('has-session', '-t', this.name).status === 0;
  }
  async waitFor(test: (lines: string[]) => boolean, ms = 30000): Promise<string[]> {
    const end = Date.now() + ms;
    for (;;) {
      const lines = this.lines();
      if (test(lines) || Date.now() > end) return lines;
      await pause(100);
    }
  }
  close(): void {
    tmux('kill-session', '-t', this.name);
  }
}

const last = (lines: string[]) => lines[lines.length - 1] ?? '';
/** Elapsed times printed after slow commands differ from run to run. */
const normalise = (lines: string[]) => lines.map((l) => l.replace(/\(\d+\.\d\ds\)/g, '(TIME)').trimEnd());

describe.runIf(hasTmux)('interactive sessions vs redis-cli (tmux)', () => {
  let dir: string;
  let server: RunningServer;
  let other: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-repl-'));
    tmux('new-session', '-d', '-s', 'keeper', 'sleep 3600');
    server = await startRedis();
    other = await startRedis();
  }, 30000);
  afterAll(async () => {
    tmux('kill-server');
    await server?.stop();
    await other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the same scripted session in redis-cli and in ours; returns both final screens. */
  async function both(args: string[], script: (pane: Pane, prompt: string) => Promise<void>, env: Record<string, string> = {}) {
    const screens: string[][] = [];
    for (const cmd of ['redis-cli', `${process.execPath} ${BIN} cli`]) {
      const vars = Object.entries({ HOME: dir, REDISCLI_HISTFILE: '/dev/null', CINNABARCLI_HISTFILE: '/dev/null', ...env })
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      const pane = new Pane(`env -u NO_COLOR ${vars} ${cmd} ${args.join(' ')}; echo "[exit $?]"; sleep 60`);
      try {
        await script(pane, `127.0.0.1:${server.port}>`);
        screens.push(normalise(pane.lines()));
      } finally {
        pane.close();
      }
    }
    return { theirs: screens[0]!, ours: screens[1]! };
  }

  const atPrompt = (p: string) => (l: string[]) => last(l) === p || last(l) === 'not connected>';

  it('the server goes away and comes back: error, "not connected>", reconnection', async () => {
    const port = server.port;
    const { theirs, ours } = await both(['-p', String(port)], async (pane, prompt) => {
      await pane.waitFor(atPrompt(prompt));
      await server.stop();
      pane.keys('ping', 'Enter');
      await pane.waitFor((l) => last(l) === 'not connected>');
      pane.keys('ping', 'Enter');
      await pane.waitFor((l) => l.filter((x) => x.startsWith('not connected>')).length === 2);
      server = await startRedis([], port);
      pane.keys('ping', 'Enter');
      await pane.waitFor((l) => l.includes('PONG') && last(l) === prompt);
    });
    expect(ours).toEqual(theirs);
    expect(ours).toContain('Error: Server closed the connection');
    expect(ours).toContain(`Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
  }, 120000);

  it('Ctrl-C at the prompt ends the session', async () => {
    const { theirs, ours } = await both(['-p', String(server.port)], async (pane, prompt) => {
      await pane.waitFor(atPrompt(prompt));
      pane.keys('C-c');
      await pane.waitFor((l) => l.some((x) => x.includes('[exit')));
    });
    expect(ours).toEqual(theirs);
  }, 150000);

  it('Ctrl-D on an empty line ends the session', async () => {
    const { theirs, ours } = await both(['-p', String(server.port)], async (pane, prompt) => {
      await pane.waitFor(atPrompt(prompt));
      pane.keys('C-d');
      await pane.waitFor((l) => l.some((x) => x.includes('[exit')));
    });
    expect(ours).toEqual(theirs);
  }, 150000);

  it('Ctrl-C leaves SUBSCRIBE and returns to the prompt', async () => {
    const { theirs, ours } = await both(['-p', String(server.port)], async (pane, prompt) => {
      await pane.waitFor(atPrompt(prompt));
      pane.keys('subscribe news', 'Enter');
      await pane.waitFor((l) => l.includes('3) (integer) 1'));
      // Past half a second, so both print the elapsed time.
      await pause(700);
      pane.keys('C-c');
      await pane.waitFor((l) => last(l) === prompt);
      // A line editor may drop keys that arrive while it switches the terminal back to raw mode.
      await pause(300);
      pane.keys('echo back', 'Enter');
      await pane.waitFor((l) => l.includes('"back"') && last(l) === prompt);
    });
    expect(ours).toEqual(theirs);
  }, 150000);

  it('CONNECT moves the session to another server', async () => {
    const { theirs, ours } = await both(['-p', String(server.port)], async (pane, prompt) => {
      await pane.waitFor(atPrompt(prompt));
      pane.keys(`connect 127.0.0.1 ${other.port}`, 'Enter');
      await pane.waitFor((l) => last(l) === `127.0.0.1:${other.port}>`);
      pane.keys('connect 127.0.0.1 1', 'Enter');
      await pane.waitFor((l) => last(l) === 'not connected>');
    });
    expect(ours).toEqual(theirs);
  }, 150000);

  it('the rc file: :set nohints turns hints off, unknown lines are reported', async () => {
    const rc = join(dir, 'rc');
    writeFileSync(rc, ':set nohints\n:set colours\nbogus line\n');
    const { theirs, ours } = await both(
      ['-p', String(server.port)],
      async (pane, prompt) => {
        await pane.waitFor(atPrompt(prompt));
        pane.keys('set k');
        await pause(1000);
      },
      { REDISCLI_RCFILE: rc },
    );
    expect(ours).toEqual(theirs);
    expect(ours).toContain('.redisclirc: unknown redis-cli preference \'colours\'');
    expect(last(ours)).toBe(`127.0.0.1:${server.port}> set k`);
  }, 150000);

  it(':set preferences typed at the prompt', async () => {
    const { theirs, ours } = await both(['-p', String(server.port)], async (pane, prompt) => {
      await pane.waitFor(atPrompt(prompt));
      // redis-cli's line editor drops keys typed before its prompt is drawn: wait for each new prompt.
      const prompts = (n: number) => (l: string[]) => l.filter((x) => x.startsWith(prompt)).length === n && last(l) === prompt;
      pane.keys(':set nohints', 'Enter');
      await pane.waitFor(prompts(2));
      pane.keys(':set what', 'Enter');
      await pane.waitFor((l) => l.some((x) => x.includes("unknown redis-cli preference 'what'")) && prompts(3)(l));
      pane.keys(':other', 'Enter');
      await pane.waitFor((l) => l.some((x) => x.includes("internal command ':other'")) && prompts(4)(l));
      pane.keys('get k');
      await pause(1000);
    });
    expect(ours).toEqual(theirs);
  }, 150000);

  describe('-c on a terminal', () => {
    let fake: Server;
    let fakePort = 0;
    beforeAll(async () => {
      fake = createServer((s) => {
        s.on('data', () => s.write(`-MOVED 866 127.0.0.1:${server.port}\r\n`));
        s.on('error', () => {});
      });
      await new Promise<void>((r) => fake.listen(0, '127.0.0.1', () => r()));
      fakePort = (fake.address() as { port: number }).port;
    });
    afterAll(() => {
      fake?.close();
    });

    it('announces the redirection and moves the prompt', async () => {
      const { theirs, ours } = await both(['-c', '-p', String(fakePort)], async (pane) => {
        await pane.waitFor((l) => last(l) === `127.0.0.1:${fakePort}>`);
        pane.keys('set k v', 'Enter');
        await pane.waitFor((l) => last(l) === `127.0.0.1:${server.port}>`);
      });
      expect(ours).toEqual(theirs);
      expect(ours).toContain(`-> Redirected to slot [866] located at 127.0.0.1:${server.port}`);
    }, 120000);
  });
});
