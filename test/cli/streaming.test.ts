// Streaming commands in one-shot mode: SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE (RESP2 and RESP3 pushes, every
// output format) and MONITOR. redis-cli and `cinnabar cli` listen at the same time on the same server;
// once both are subscribed, messages are published, both are stopped, and their outputs compared.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type RunningServer } from '../helpers/servers.js';
import { connect } from '../../src/client/client.js';
import { TARGETS, startTarget, supports } from './harness.js';

interface Listener {
  proc: ChildProcess;
  out: () => string;
  done: Promise<number | null>;
}

function listen(cmd: string, args: string[]): Listener {
  const { NO_COLOR: _unused, ...env } = process.env;
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString('latin1')));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString('latin1')));
  const done = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  return { proc, out: () => out, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(test: () => Promise<boolean>, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting for the listeners');
    await sleep(50);
  }
}

const CASES: Array<{ name: string; args: string[]; kind: 'channel' | 'pattern' | 'shard' | 'monitor'; needs: string[] }> = [
  { name: 'subscribe, raw', args: ['subscribe', 'ch1', 'ch2'], kind: 'channel', needs: ['subscribe', 'publish'] },
  { name: 'subscribe, formatted', args: ['--no-raw', 'subscribe', 'ch1'], kind: 'channel', needs: ['subscribe', 'publish'] },
  { name: 'subscribe, resp3 pushes formatted', args: ['-3', '--no-raw', 'subscribe', 'ch1'], kind: 'channel', needs: ['subscribe', 'publish', 'hello'] },
  { name: 'subscribe, resp3 raw', args: ['-3', 'subscribe', 'ch1'], kind: 'channel', needs: ['subscribe', 'publish', 'hello'] },
  { name: 'subscribe, csv', args: ['--csv', 'subscribe', 'ch1'], kind: 'channel', needs: ['subscribe', 'publish'] },
  { name: 'subscribe, json', args: ['--json', 'subscribe', 'ch1'], kind: 'channel', needs: ['subscribe', 'publish', 'hello'] },
  { name: 'psubscribe', args: ['psubscribe', 'ch*'], kind: 'pattern', needs: ['psubscribe', 'publish'] },
  { name: 'psubscribe, formatted', args: ['--no-raw', 'psubscribe', 'ch*'], kind: 'pattern', needs: ['psubscribe', 'publish'] },
  { name: 'ssubscribe', args: ['ssubscribe', 'ch1'], kind: 'shard', needs: ['ssubscribe', 'spublish'] },
  { name: 'monitor, raw', args: ['monitor'], kind: 'monitor', needs: ['monitor'] },
  { name: 'monitor, formatted', args: ['--no-raw', 'monitor'], kind: 'monitor', needs: ['monitor'] },
];

/** MONITOR lines carry a time stamp and the client's address; those differ between the two runs. */
const normalise = (text: string) => text.replace(/^\d+\.\d+ \[(\d+) [^\]]+\]/gm, 'TIME [$1 ADDR]');

for (const target of TARGETS) {
  describe(`streaming commands vs redis-cli, ${target} server`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startTarget(target);
    }, 30000);
    afterAll(async () => {
      await server?.stop();
    });

    for (const c of CASES) {
      it(c.name, async () => {
        if (!(await supports(server.port, c.needs))) {
          console.warn(`streaming: ${target} server lacks ${c.needs.join(', ')}; "${c.name}" not run there`);
          return;
        }
        const args = ['-p', String(server.port), ...c.args];
        const theirs = listen('redis-cli', args);
        const ours = listen(process.execPath, [BIN, 'cli', ...args]);
        const client = await connect({ port: server.port });
        try {
          await until(async () => {
            if (c.kind === 'monitor' || c.kind === 'pattern') {
              // NUMPAT counts distinct patterns, so count the subscribed clients instead.
              const r = await client.call(['CLIENT', 'LIST']);
              const mark = c.kind === 'monitor' ? /flags=O/g : /psub=1/g;
              return r.type === 'bulk' && (r.value.toString().match(mark) ?? []).length === 2;
            }
            const [cmd, arg] =
              c.kind === 'channel' ? ['NUMSUB', 'ch1'] : ['SHARDNUMSUB', 'ch1'];
            const r = await client.call(['PUBSUB', cmd!, arg!]);
            if (r.type === 'integer') return r.value === 2n;
            return r.type === 'array' && r.items[1]?.type === 'integer' && r.items[1].value === 2n;
          });
          const publish = c.kind === 'shard' ? 'SPUBLISH' : 'PUBLISH';
          if (c.kind === 'monitor') {
            await client.call(['SET', 'watched', 'a "quoted"\nvalue']);
            await client.call(['GET', 'watched']);
          } else {
            await client.call([publish, 'ch1', 'hello']);
            await client.call([publish, 'ch1', Buffer.from([0x00, 0xff, 0x0a])]);
            if (c.args.includes('ch2')) await client.call([publish, 'ch2', 'two']);
          }
          // Both print within a moment; wait until the outputs stop changing.
          let before = '';
          await until(async () => {
            const now = theirs.out() + '\0' + ours.out();
            const stable = now === before && theirs.out().length > 0;
            before = now;
            await sleep(300);
            return stable;
          });
        } finally {
          await client.close();
          theirs.proc.kill('SIGTERM');
          ours.proc.kill('SIGTERM');
          await Promise.all([theirs.done, ours.done]);
        }
        expect(normalise(ours.out())).toBe(normalise(theirs.out()));
      }, 90000);
    }
  });
}
