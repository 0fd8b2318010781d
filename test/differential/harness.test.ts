// Checks of the differential harness itself: reply framing across arbitrary chunk boundaries, the comparison
// modes, and that a real divergence between the two servers is reported (with command, both replies, seed).
import { describe, expect, it } from 'vitest';
import { ReplyScanner, decodeReply, encodeCommand, escapeBytes } from '../helpers/resp.js';
import { DiffSession, compareReplies, formatMismatch, useDiffPair } from '../helpers/differential.js';
import { RespConnection } from '../helpers/resp.js';
import { Rng } from '../helpers/random-commands.js';

const REPLIES = [
  '+OK\r\n',
  '-ERR bad\r\n',
  ':-42\r\n',
  '$-1\r\n',
  '$0\r\n\r\n',
  '$5\r\na\r\nb\x00\r\n',
  '*-1\r\n',
  '*0\r\n',
  '*3\r\n:1\r\n$1\r\nx\r\n*2\r\n+a\r\n_\r\n',
  '%2\r\n$1\r\nk\r\n:1\r\n+x\r\n*1\r\n#t\r\n',
  '~2\r\n,1.5\r\n(123456789012345678901\r\n',
  '>2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n',
  '|1\r\n+ttl\r\n:3\r\n$1\r\nv\r\n',
  '*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n:2\r\n',
  '=8\r\ntxt:abcd\r\n',
  '!3\r\nERR\r\n',
];

describe('reply framing', () => {
  it('finds reply ends across every chunk split', () => {
    const stream = Buffer.from(REPLIES.join(''), 'latin1');
    const rng = new Rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const scanner = new ReplyScanner();
      let pending = Buffer.alloc(0);
      const got: string[] = [];
      let pos = 0;
      while (pos < stream.length) {
        const n = 1 + rng.int(trial % 2 ? 3 : 40);
        pending = Buffer.concat([pending, stream.subarray(pos, pos + n)]);
        pos += n;
        for (let end = scanner.scan(pending); end >= 0; end = scanner.scan(pending)) {
          got.push(pending.subarray(0, end).toString('latin1'));
          pending = pending.subarray(end);
        }
      }
      expect(got).toEqual(REPLIES);
    }
  });

  it('decodes values and attributes', () => {
    const v = decodeReply(Buffer.from('*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n:2\r\n', 'latin1'));
    expect(v.items?.[0].attributes?.length).toBe(2);
    expect(v.items?.[0].data?.toString()).toBe('1');
    expect(decodeReply(Buffer.from('$-1\r\n')).data).toBeUndefined();
  });

  it('rejects a bad type byte', () => {
    expect(() => new ReplyScanner().scan(Buffer.from('?x\r\n'))).toThrow(/type byte/);
  });

  it('encodes argv binary-safely and escapes for reports', () => {
    expect(encodeCommand(['SET', 'k\x00', Buffer.from([0xff])]).toString('latin1')).toBe(
      '*3\r\n$3\r\nSET\r\n$2\r\nk\x00\r\n$1\r\n\xff\r\n',
    );
    expect(encodeCommand(['é']).toString('latin1')).toBe('*1\r\n$1\r\n\xe9\r\n');
    expect(encodeCommand(['☃']).length).toBe('*1\r\n$3\r\n\r\n'.length + 3);
    expect(escapeBytes(Buffer.from('a"\\\r\n\x00\xff', 'latin1'))).toBe('"a\\"\\\\\\r\\n\\x00\\xff"');
  });
});

describe('comparison modes', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  it('exact, type, sorted, approx, normalize', () => {
    expect(compareReplies(b(':1\r\n'), b(':1\r\n'), 'exact')[0]).toBe(true);
    expect(compareReplies(b(':1\r\n'), b(':2\r\n'), 'exact')[0]).toBe(false);
    expect(compareReplies(b('$1\r\na\r\n'), b('$2\r\nbb\r\n'), 'type')[0]).toBe(true);
    expect(compareReplies(b('$1\r\na\r\n'), b('$-1\r\n'), 'type')[0]).toBe(true);
    expect(compareReplies(b('$1\r\na\r\n'), b('*0\r\n'), 'type')[0]).toBe(false);
    expect(compareReplies(b('*2\r\n$1\r\na\r\n$1\r\nb\r\n'), b('*2\r\n$1\r\nb\r\n$1\r\na\r\n'), 'sorted')[0]).toBe(true);
    expect(compareReplies(b('*2\r\n$1\r\na\r\n$1\r\na\r\n'), b('*2\r\n$1\r\nb\r\n$1\r\na\r\n'), 'sorted')[0]).toBe(false);
    expect(compareReplies(b(':100\r\n'), b(':99\r\n'), { approx: 1 })[0]).toBe(true);
    expect(compareReplies(b(':100\r\n'), b(':97\r\n'), { approx: 1 })[0]).toBe(false);
    expect(compareReplies(b(':-1\r\n'), b(':0\r\n'), { approx: 2 })[0]).toBe(false);
    expect(compareReplies(b(':-2\r\n'), b(':-2\r\n'), { approx: 2 })[0]).toBe(true);
    const len = { normalize: (v: { raw: Buffer }) => String(v.raw.length) };
    expect(compareReplies(b('+ab\r\n'), b('+cd\r\n'), len)[0]).toBe(true);
  });
});

describe('divergence is reported', () => {
  // Two real redis-servers, so this check of the harness does not depend on cinnabar.
  const pair = useDiffPair({ subject: 'redis' });
  it('reports the command, both replies and the seed', async () => {
    const session = new DiffSession(pair(), { seed: 1234, label: 'self-check' });
    await session.open();
    try {
      await session.run({ argv: ['FLUSHALL'], cmp: 'skip' });
      // Make the oracle differ behind the session's back.
      const side = await RespConnection.open(pair().oracle.port);
      await side.call(['SET', 'diverged', 'only-on-redis']);
      side.close();
      expect(await session.run(['SET', 'same', 'v'])).toBeUndefined();
      const m = await session.run(['GET', 'diverged']);
      expect(m).toBeDefined();
      const text = formatMismatch(m!);
      expect(text).toContain('"GET" "diverged"');
      expect(text).toContain('"$13\\r\\nonly-on-redis\\r\\n"');
      expect(text).toContain('"$-1\\r\\n"');
      expect(text).toContain('seed 1234');
      expect(text).toContain('"SET" "same" "v"');
      expect(session.compared).toBe(2);
    } finally {
      session.close();
    }
  });
});
