// In-process engine for fast command tests: commands run through the same processCommand as over
// the network, without sockets. `h.run(['set','k','v'])` returns the reply value; `h.resp(...)` the
// RESP2 bytes as a latin1 string. Counterpart: Dragonfly's Run({...}) test fixture.
import { Config } from './config.js';
import { CinnabarServer } from './server.js';
import { Client } from './client.js';
import { encodeReply } from '../protocol/encoder.js';
import type { Reply } from '../protocol/reply.js';

export interface Harness {
  server: CinnabarServer;
  client: Client;
  /** Runs one command as the harness client and returns its reply value. */
  run(argv: string[]): Reply;
  /** Runs one command and returns the RESP2 encoding of the reply (latin1 text). */
  resp(argv: string[]): string;
  /** Same, RESP3. */
  resp3(argv: string[]): string;
  /** A second client on the same engine. */
  newClient(): Client;
  runAs(c: Client, argv: string[]): Reply;
  /** Moves the clock forward by ms (Date.now is patched while the harness lives). */
  advanceTime(ms: number): void;
  close(): void;
}

let clockOffset = 0;
const realNow = Date.now;
let patched = 0;

export function createHarness(directives: Record<string, string> = {}): Harness {
  const config = new Config();
  for (const [k, v] of Object.entries(directives)) {
    const err = config.set(k, v);
    if (err !== null) config.setRaw(k, v);
  }
  const server = new CinnabarServer({ config });
  server.log.silent = true;
  if (patched++ === 0) Date.now = () => realNow() + clockOffset;
  let nextId = 1000;
  const newClient = () => {
    const c = new Client(nextId++, server, null, '127.0.0.1:1', '127.0.0.1:6379', -1);
    server.clients.set(c.id, c);
    return c;
  };
  const client = newClient();
  const runAs = (c: Client, argv: string[]) => {
    server.engine.beginBatch();
    return server.engine.processCommand(c, argv);
  };
  return {
    server,
    client,
    run: (argv) => runAs(client, argv),
    resp: (argv) => encodeReply(runAs(client, argv), 2).toString('latin1'),
    resp3: (argv) => encodeReply(runAs(client, argv), 3).toString('latin1'),
    newClient,
    runAs,
    advanceTime: (ms) => {
      clockOffset += ms;
    },
    close: () => {
      if (--patched === 0) {
        Date.now = realNow;
        clockOffset = 0;
      }
    },
  };
}

/**
 * A harness with keyspace notifications on, recording what commands propagate (argv lists) and the
 * keyevent notifications they fire ("event:key").
 */
export function harnessWithEffects(): { h: Harness; propagated: string[][]; events: string[] } {
  const h = createHarness({ 'notify-keyspace-events': 'KEA' });
  const propagated: string[][] = [];
  const events: string[] = [];
  h.server.engine.onPropagate((_db, argv) => propagated.push(argv));
  h.server.engine.onKeyspaceEvent((channel, message) => {
    if (channel.startsWith('__keyevent')) events.push(`${channel.slice(channel.indexOf(':') + 1)}:${message}`);
  });
  return { h, propagated, events };
}
