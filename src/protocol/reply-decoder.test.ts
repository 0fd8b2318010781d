import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { ReplyDecoder, decodeAll, ProtocolError, type ReplyNode } from './reply-decoder.js';

const require = createRequire(import.meta.url);
const RedisParser = require('redis-parser') as new (opts: {
  returnReply(r: unknown): void;
  returnError(e: Error): void;
  returnBuffers?: boolean;
}) => { execute(b: Buffer): void };

const b = (s: string) => Buffer.from(s, 'latin1');

/** Converts a node to the shape redis-parser produces with returnBuffers (RESP2 only). */
function toParserShape(n: ReplyNode): unknown {
  switch (n.type) {
    case 'status':
      return b(n.value);
    case 'integer':
      return Number(n.value);
    case 'bulk':
      return n.value;
    case 'null':
      return null;
    case 'array':
      return n.items.map(toParserShape);
    case 'error':
      return { error: n.value };
    default:
      throw new Error(`not RESP2: ${n.type}`);
  }
}

function decodeInChunks(data: Buffer, sizes: number[]): ReplyNode[] {
  const out: ReplyNode[] = [];
  const dec = new ReplyDecoder((r) => out.push(r));
  let pos = 0;
  let i = 0;
  while (pos < data.length) {
    const n = sizes[i++ % sizes.length]!;
    dec.feed(data.subarray(pos, pos + n));
    pos += n;
  }
  expect(dec.busy).toBe(false);
  return out;
}

const RESP2_STREAM = b(
  '+OK\r\n-ERR bad thing\r\n:42\r\n:-9223372036854775808\r\n$5\r\nhello\r\n$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n' +
    '*3\r\n$1\r\na\r\n*2\r\n:1\r\n*1\r\n$4\r\nx\r\ny\r\n+s\r\n' +
    '$4\r\n\x00\xff\r\n\r\n',
);

describe('ReplyDecoder RESP2', () => {
  it('decodes every RESP2 type', () => {
    const r = decodeAll(RESP2_STREAM);
    expect(r[0]).toEqual({ type: 'status', value: 'OK' });
    expect(r[1]).toEqual({ type: 'error', value: 'ERR bad thing' });
    expect(r[2]).toEqual({ type: 'integer', value: 42n });
    expect(r[3]).toEqual({ type: 'integer', value: -9223372036854775808n });
    expect(r[4]).toEqual({ type: 'bulk', value: b('hello') });
    expect(r[5]).toEqual({ type: 'bulk', value: b('') });
    expect(r[6]).toEqual({ type: 'null' });
    expect(r[7]).toEqual({ type: 'null' });
    expect(r[8]).toEqual({ type: 'array', items: [] });
    expect(r[9]).toEqual({
      type: 'array',
      items: [
        { type: 'bulk', value: b('a') },
        { type: 'array', items: [{ type: 'integer', value: 1n }, { type: 'array', items: [{ type: 'bulk', value: b('x\r\ny') }] }] },
        { type: 'status', value: 's' },
      ],
    });
    expect(r[10]).toEqual({ type: 'bulk', value: b('\x00\xff\r\n') });
  });

  it('gives the same replies whatever the chunk boundaries', () => {
    const whole = decodeAll(RESP2_STREAM);
    for (const sizes of [[1], [2], [3], [5, 1, 7], [64]]) {
      expect(decodeInChunks(RESP2_STREAM, sizes)).toEqual(whole);
    }
  });

  it('agrees with redis-parser on the same stream', () => {
    // redis-parser turns integers beyond 2^53 into imprecise numbers; keep to ones it represents exactly.
    const stream = b(RESP2_STREAM.toString('latin1').replace(':-9223372036854775808', ':-9007199254740991'));
    const expected: unknown[] = [];
    const parser = new RedisParser({
      returnReply: (r) => expected.push(r),
      returnError: (e) => expected.push({ error: e.message }),
      returnBuffers: true,
    });
    parser.execute(stream);
    expect(decodeAll(stream).map(toParserShape)).toEqual(expected);
  });

  it('collects a large bulk across many chunks', () => {
    const body = Buffer.alloc(200_000, 0x61);
    const data = Buffer.concat([b(`$${body.length}\r\n`), body, b('\r\n:1\r\n')]);
    const r = decodeInChunks(data, [4096, 333]);
    expect(r).toHaveLength(2);
    expect((r[0] as { value: Buffer }).value.equals(body)).toBe(true);
  });
});

describe('ReplyDecoder RESP3', () => {
  const stream = b(
    '%2\r\n+a\r\n:1\r\n$1\r\nb\r\n#t\r\n~2\r\n,1.5\r\n,inf\r\n_\r\n#f\r\n(3492890328409238509324850943850943825024385\r\n' +
      '=15\r\ntxt:Some string\r\n!11\r\nSYNTAX oops\r\n>3\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n$1\r\nz\r\n' +
      '|1\r\n+ttl\r\n:3600\r\n$3\r\nval\r\n' +
      '*2\r\n|1\r\n+key-popularity\r\n*2\r\n$1\r\na\r\n,0.19\r\n:1\r\n:2\r\n',
  );

  it('decodes maps, sets, doubles, nulls, booleans, big numbers, verbatim, blob errors, pushes, attributes', () => {
    const r = decodeAll(stream);
    expect(r[0]).toEqual({
      type: 'map',
      items: [
        { type: 'status', value: 'a' },
        { type: 'integer', value: 1n },
        { type: 'bulk', value: b('b') },
        { type: 'boolean', value: true },
      ],
    });
    expect(r[1]).toEqual({ type: 'set', items: [{ type: 'double', value: '1.5' }, { type: 'double', value: 'inf' }] });
    expect(r[2]).toEqual({ type: 'null' });
    expect(r[3]).toEqual({ type: 'boolean', value: false });
    expect(r[4]).toEqual({ type: 'bignum', value: '3492890328409238509324850943850943825024385' });
    expect(r[5]).toEqual({ type: 'verbatim', format: 'txt', value: b('Some string') });
    expect(r[6]).toEqual({ type: 'error', value: 'SYNTAX oops' });
    expect(r[7]!.type).toBe('push');
    expect(r[8]).toEqual({
      type: 'attribute',
      items: [{ type: 'status', value: 'ttl' }, { type: 'integer', value: 3600n }],
      value: { type: 'bulk', value: b('val') },
    });
    const nested = r[9] as { type: 'array'; items: ReplyNode[] };
    expect(nested.type).toBe('array');
    expect(nested.items).toHaveLength(2);
    expect(nested.items[0]!.type).toBe('attribute');
    expect((nested.items[0] as { value: ReplyNode }).value).toEqual({ type: 'integer', value: 1n });
    expect(nested.items[1]).toEqual({ type: 'integer', value: 2n });
    expect(r).toHaveLength(10);
  });

  it('is chunk-boundary independent', () => {
    const whole = decodeAll(stream);
    for (const sizes of [[1], [2, 3], [7], [11, 1]]) expect(decodeInChunks(stream, sizes)).toEqual(whole);
  });

  it('annotates an aggregate, not its first element, when an attribute precedes it', () => {
    const [r] = decodeAll(b('|1\r\n+k\r\n+v\r\n*2\r\n:1\r\n:2\r\n'));
    expect(r).toEqual({
      type: 'attribute',
      items: [{ type: 'status', value: 'k' }, { type: 'status', value: 'v' }],
      value: { type: 'array', items: [{ type: 'integer', value: 1n }, { type: 'integer', value: 2n }] },
    });
  });
});

describe('ReplyDecoder errors', () => {
  it('rejects an unknown type byte and stays failed', () => {
    const dec = new ReplyDecoder(() => {});
    expect(() => dec.feed(b('?x\r\n'))).toThrow(ProtocolError);
    expect(() => dec.feed(b('+OK\r\n'))).toThrow(ProtocolError);
    dec.reset();
    const got: ReplyNode[] = [];
    const d2 = new ReplyDecoder((r) => got.push(r));
    d2.feed(b('+OK\r\n'));
    expect(got).toHaveLength(1);
  });

  it('rejects a bad length and a missing CRLF after a bulk', () => {
    expect(() => decodeAll(b('$x\r\n'))).toThrow(ProtocolError);
    expect(() => decodeAll(b('$1\r\nab\r\n'))).toThrow(ProtocolError);
    expect(() => decodeAll(b('+OK\n'))).toThrow(ProtocolError);
  });

  it('reports an incomplete frame', () => {
    expect(() => decodeAll(b('*2\r\n:1\r\n'))).toThrow(/incomplete/);
  });
});
