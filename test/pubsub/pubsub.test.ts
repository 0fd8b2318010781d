// Pub/Sub over the wire: differential cases against redis-server, delivery across connections and
// keyspace notifications, and a subscriber that never reads being cut off by its output buffer limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { diffCases, useDiffPair } from '../helpers/differential.js';
import { startCinnabar, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';

const text = (b: Buffer) => b.toString('latin1');

describe('pubsub: one connection', () => {
  const pair = useDiffPair();
  diffCases('subscribe and the subscribed context', pair, [
    { raw: 'SUBSCRIBE a b\r\n', replies: 2 },
    ['GET', 'x'],
    ['PING'],
    ['PING', 'hi'],
    ['PSUBSCRIBE', 'p*'],
    ['UNSUBSCRIBE', 'a'],
    ['UNSUBSCRIBE', 'nope'],
    ['PUNSUBSCRIBE', 'p*'],
    ['UNSUBSCRIBE', 'b'],
    ['UNSUBSCRIBE'],
    ['PUNSUBSCRIBE'],
    ['GET', 'x'],
    ['PUBLISH', 'a', 'm'],
    ['PUBSUB', 'NUMPAT'],
    ['PUBSUB', 'NUMSUB', 'a', 'b'],
    ['PUBSUB', 'CHANNELS'],
    ['PUBSUB', 'SHARDNUMSUB', 's'],
    ['PUBSUB', 'BOGUS'],
    ['PUBLISH', 'a'],
    ['SUBSCRIBE'],
  ]);
});

describe('pubsub: several connections', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startCinnabar(['--notify-keyspace-events', 'KEA']);
  });
  afterAll(async () => srv?.stop());

  it('delivers messages and pattern messages to every subscriber, RESP2 and RESP3', async () => {
    const s2 = await RespConnection.open(srv.port);
    const s3 = await RespConnection.open(srv.port, { separatePushes: false });
    const pub = await RespConnection.open(srv.port);
    try {
      expect(text(await s2.call(['SUBSCRIBE', 'news']))).toBe('*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n');
      await s3.call(['HELLO', '3']);
      expect(text(await s3.call(['PSUBSCRIBE', 'n*']))).toBe('>3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:1\r\n');
      expect(text(await pub.call(['PUBLISH', 'news', 'hello']))).toBe(':2\r\n');
      expect(text(await s2.read())).toBe('*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n');
      expect(text(await s3.read())).toBe('>4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$5\r\nhello\r\n');
      // RESP3 subscribers keep running ordinary commands.
      expect(text(await s3.call(['SET', 'k', 'v']))).toBe('+OK\r\n');
      expect(text(await pub.call(['PUBSUB', 'NUMSUB', 'news']))).toBe('*2\r\n$4\r\nnews\r\n:1\r\n');
      expect(text(await pub.call(['CLIENT', 'LIST', 'TYPE', 'pubsub']))).toMatch(/flags=P .*sub=1 psub=0/);
    } finally {
      s2.close();
      s3.close();
      pub.close();
    }
  });

  it('publishes keyspace notifications', async () => {
    const sub = await RespConnection.open(srv.port);
    const w = await RespConnection.open(srv.port);
    try {
      await sub.call(['PSUBSCRIBE', '__key*__:*']);
      await w.call(['SET', 'nk', '1']);
      expect(text(await sub.read())).toBe('*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$17\r\n__keyspace@0__:nk\r\n$3\r\nset\r\n');
      expect(text(await sub.read())).toBe('*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyevent@0__:set\r\n$2\r\nnk\r\n');
    } finally {
      sub.close();
      w.close();
    }
  });

  it('disconnects a subscriber that never reads once it passes the pubsub output limit', async () => {
    const pub = await RespConnection.open(srv.port);
    await pub.call(['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 4mb 1mb 60']);
    const sock = connect(srv.port, '127.0.0.1', () => {
      sock.write('SUBSCRIBE firehose\r\n');
      // Read the subscribe confirmation, then stop reading until the server has given up on us.
      sock.once('data', () => sock.pause());
    });
    const closed = new Promise<boolean>((resolve) => {
      sock.on('close', () => resolve(true));
      sock.on('error', () => resolve(true));
      setTimeout(() => resolve(false), 20000).unref();
    });
    await new Promise((r) => setTimeout(r, 200));
    const payload = 'x'.repeat(512 * 1024);
    let delivered = -1;
    for (let i = 0; i < 200; i++) {
      delivered = Number(text(await pub.call(['PUBLISH', 'firehose', payload])).slice(1));
      if (delivered === 0) break;
    }
    expect(delivered).toBe(0);
    expect(text(await pub.call(['CLIENT', 'LIST', 'TYPE', 'pubsub']))).toBe('$0\r\n\r\n');
    sock.resume();
    expect(await closed).toBe(true);
    expect(text(await pub.call(['PING']))).toBe('+PONG\r\n');
    pub.close();
  });
});
