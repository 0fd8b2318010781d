// Multi-connection scenarios for client-side caching and CLIENT PAUSE: the same steps run against
// cinnabar and redis-server, and what every connection received after each step (replies, pushes,
// redirected messages) is compared byte for byte. Client ids differ between the servers, so `@N` in an
// argument stands for connection N's id and ids in the output are written back as `@N`.
import { connect, type Socket } from 'node:net';
import { encodeCommand, type Arg } from '../helpers/resp.js';

/**
 * [connection index, argv] (with 'held' when no reply is expected yet: a paused client), a pause in ms,
 * or closing a connection.
 */
export type ScenarioStep = [number, Arg[]] | [number, Arg[], 'held'] | { sleep: number } | { close: number };

class Conn {
  data = '';
  id = '';
  constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => (this.data += d.toString('latin1')));
    socket.on('error', () => {});
  }
  static open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1');
      s.once('error', reject);
      s.once('connect', () => resolve(new Conn(s)));
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until connection `c` received something and no connection received anything for quietMs. */
async function settle(conns: Conn[], c: Conn | null, quietMs: number, maxMs = 3000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = conns.map((x) => x.data.length).join();
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(5);
    const now = conns.map((x) => x.data.length).join();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if ((c === null || c.data.length > 0) && Date.now() - since >= quietMs) return;
  }
}

/** Runs the steps against one server; returns one line per step and connection that received bytes. */
export async function runScenario(port: number, steps: readonly ScenarioStep[], quietMs = 30): Promise<string[]> {
  const conns: Conn[] = [];
  const out: string[] = [];
  const get = async (i: number): Promise<Conn> => {
    if (conns[i] === undefined) {
      const c = await Conn.open(port);
      c.socket.write(encodeCommand(['CLIENT', 'ID']));
      await settle([c], c, 5);
      c.id = c.data.slice(1, -2);
      c.data = '';
      conns[i] = c;
    }
    return conns[i];
  };
  // A reply that is only an id is rewritten only for commands that answer with one (GETREDIR, CLIENT ID).
  const ids = (s: string, whole: boolean) =>
    s.replace(whole ? /(^:)(\d+)/g : /(tracking-redir-broken\r\n:|redirect\r\n:|redir=)(\d+)/g, (m, pre: string, id: string) => {
      const i = conns.findIndex((c) => c?.id === id);
      return i >= 0 ? `${pre}@${i}` : m;
    });
  try {
    for (const st of steps) {
      if ('sleep' in st) {
        await sleep(st.sleep);
        continue;
      }
      let label: string;
      let sender: Conn | null = null;
      let held: 'held' | undefined;
      let answersId = false;
      let isHello = false;
      if ('close' in st) {
        conns[st.close].socket.destroy();
        label = `close ${st.close}`;
        await sleep(30);
      } else {
        const [i, argv] = st;
        held = st[2];
        sender = await get(i);
        const args = argv.map((a) => (typeof a === 'string' && /^@\d+$/.test(a) ? conns[Number(a.slice(1))]?.id ?? a : a));
        sender.socket.write(encodeCommand(args));
        label = `[${i}] ${argv.join(' ')}`;
        answersId = /^CLIENT (GETREDIR|ID)$/i.test(argv.join(' '));
        isHello = String(argv[0]).toUpperCase() === 'HELLO';
      }
      await settle(conns.filter(Boolean), sender !== null && held !== 'held' ? sender : null, quietMs);
      conns.forEach((c, i) => {
        if (c && c.data.length > 0) {
          let got = ids(c.data, false);
          if (answersId && c === sender) got = ids(got, true);
          // HELLO's map names the server's version and the connection id, which differ by design.
          if (isHello && c === sender) got = got.replace(/version\r\n\$\d+\r\n[^\r]*\r\n/, 'version\r\n?\r\n').replace(/id\r\n:\d+\r\n/, 'id\r\n?\r\n');
          out.push(`${label} -> ${i}: ${JSON.stringify(got)}`);
          c.data = '';
        }
      });
    }
  } finally {
    for (const c of conns) c?.socket.destroy();
  }
  return out;
}
