import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { connect, ConnectionError, HandshakeError } from './client.js';
import { encodeCommand } from './encode-command.js';
import { decodeAll } from '../protocol/reply-decoder.js';

/** A scripted server: answers each received command with `reply(argv)`, written in odd-sized pieces. */
function fakeServer(reply: (argv: string[], sock: Socket) => string): Promise<{ server: Server; port: number; seen: string[][] }> {
  const seen: string[][] = [];
  return new Promise((resolve) => {
    const server = createServer((sock) => {
      let buf = Buffer.alloc(0);
      sock.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        // Commands are complete multibulks; decode them as replies (the framing is the same).
        let out = '';
        for (;;) {
          const end = completeFrameEnd(buf);
          if (end < 0) break;
          const [node] = decodeAll(buf.subarray(0, end));
          buf = buf.subarray(end);
          const argv = (node as { items: { value: Buffer }[] }).items.map((i) => i.value.toString());
          seen.push(argv);
          out += reply(argv, sock);
        }
        const bytes = Buffer.from(out);
        for (let i = 0; i < bytes.length; i += 3) sock.write(bytes.subarray(i, i + 3));
      });
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, seen }));
  });
}

function completeFrameEnd(buf: Buffer): number {
  for (let end = 1; end <= buf.length; end++) {
    try {
      decodeAll(buf.subarray(0, end));
      return end;
    } catch {
      // not complete yet
    }
  }
  return -1;
}

let servers: Server[] = [];
afterEach(() => {
  for (const s of servers) s.close();
  servers = [];
});

describe('encodeCommand', () => {
  it('writes a multibulk, strings as UTF-8 and buffers as is', () => {
    expect(encodeCommand(['SET', 'k', Buffer.from([0, 255]), 'é']).toString('latin1')).toBe(
      '*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n\x00\xff\r\n$2\r\n\xc3\xa9\r\n',
    );
  });
});

describe('Client', () => {
  it('matches pipelined replies to commands in order, error replies as values', async () => {
    const { server, port } = await fakeServer((argv) => (argv[0] === 'BAD' ? '-ERR nope\r\n' : `$${argv[1]!.length}\r\n${argv[1]}\r\n`));
    servers.push(server);
    const c = await connect({ port });
    const replies = await c.pipeline([['ECHO', 'one'], ['BAD'], ['ECHO', 'three']]);
    expect(replies).toEqual([
      { type: 'bulk', value: Buffer.from('one') },
      { type: 'error', value: 'ERR nope' },
      { type: 'bulk', value: Buffer.from('three') },
    ]);
    await c.close();
  });

  it('runs AUTH, SELECT and HELLO on connect and reports handshake errors', async () => {
    const { server, port, seen } = await fakeServer((argv) => (argv[0] === 'SELECT' ? '-ERR DB index is out of range\r\n' : argv[0] === 'HELLO' ? '%1\r\n+proto\r\n:3\r\n' : '+OK\r\n'));
    servers.push(server);
    const lenient = await connect({ port, user: 'u', password: 'p', db: 99, resp: 3, strictHandshake: false });
    expect(seen).toEqual([['AUTH', 'u', 'p'], ['SELECT', '99'], ['HELLO', '3']]);
    expect(lenient.resp).toBe(3);
    expect(lenient.db).toBe(0);
    expect(lenient.handshake.map((h) => h.reply.type)).toEqual(['status', 'error', 'map']);
    lenient.destroy();
    await expect(connect({ port, db: 99 })).rejects.toBeInstanceOf(HandshakeError);
  });

  it('delivers push frames and unrequested replies as events', async () => {
    const { server, port } = await fakeServer(() => '>2\r\n$7\r\nmessage\r\n$2\r\nhi\r\n+OK\r\n');
    servers.push(server);
    const c = await connect({ port });
    const pushes: unknown[] = [];
    c.on('push', (p) => pushes.push(p));
    expect(await c.call(['PING'])).toEqual({ type: 'status', value: 'OK' });
    expect(pushes).toHaveLength(1);
    c.destroy();
  });

  it('rejects pending calls when the connection drops, and reports refused connections', async () => {
    const { server, port } = await fakeServer((_argv, sock) => {
      sock.destroy();
      return '';
    });
    servers.push(server);
    const c = await connect({ port });
    await expect(c.call(['PING'])).rejects.toBeInstanceOf(ConnectionError);
    expect(c.connected).toBe(false);
    await expect(connect({ port: 1 })).rejects.toMatchObject({ reason: 'Connection refused' });
  });
});
