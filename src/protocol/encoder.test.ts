import { describe, expect, it } from 'vitest';
import { encodeReply, OutputBuffer } from './encoder.js';
import { BoolReply, DoubleReply, ErrorReply, MapReply, MutableString, NullArray, OK, SetReply, Status, VerbatimReply, BigNumberReply } from './reply.js';

const e2 = (r: Parameters<typeof encodeReply>[0]) => encodeReply(r, 2).toString('latin1');
const e3 = (r: Parameters<typeof encodeReply>[0]) => encodeReply(r, 3).toString('latin1');

describe('encoder', () => {
  it('encodes the RESP2 basics', () => {
    expect(e2(OK)).toBe('+OK\r\n');
    expect(e2(new Status('PONG'))).toBe('+PONG\r\n');
    expect(e2(new ErrorReply('ERR x\r\ny'))).toBe('-ERR x  y\r\n');
    expect(e2(0)).toBe(':0\r\n');
    expect(e2(-5)).toBe(':-5\r\n');
    expect(e2(123456789012)).toBe(':123456789012\r\n');
    expect(e2(9223372036854775807n)).toBe(':9223372036854775807\r\n');
    expect(e2('a\r\n\xff')).toBe('$4\r\na\r\n\xff\r\n');
    expect(e2(null)).toBe('$-1\r\n');
    expect(e2(NullArray.instance)).toBe('*-1\r\n');
    expect(e2([])).toBe('*0\r\n');
    expect(e2(['a', 1, null, ['b']])).toBe('*4\r\n$1\r\na\r\n:1\r\n$-1\r\n*1\r\n$1\r\nb\r\n');
    expect(e2(new MutableString('hello'))).toBe('$5\r\nhello\r\n');
    expect(e2(Buffer.from('xy'))).toBe('$2\r\nxy\r\n');
  });

  it('encodes RESP3 types and their RESP2 fallbacks', () => {
    expect(e3(null)).toBe('_\r\n');
    expect(e3(new MapReply(['a', 1]))).toBe('%1\r\n$1\r\na\r\n:1\r\n');
    expect(e2(new MapReply(['a', 1]))).toBe('*2\r\n$1\r\na\r\n:1\r\n');
    expect(e3(new SetReply(['a']))).toBe('~1\r\n$1\r\na\r\n');
    expect(e3(new BoolReply(true))).toBe('#t\r\n');
    expect(e2(new BoolReply(false))).toBe(':0\r\n');
    expect(e3(new DoubleReply(1.5))).toBe(',1.5\r\n');
    expect(e3(new DoubleReply(Infinity))).toBe(',inf\r\n');
    expect(e2(new DoubleReply(-Infinity))).toBe('$4\r\n-inf\r\n');
    expect(e3(new VerbatimReply('txt', 'hi'))).toBe('=6\r\ntxt:hi\r\n');
    expect(e2(new VerbatimReply('txt', 'hi'))).toBe('$2\r\nhi\r\n');
    expect(e3(new BigNumberReply('123'))).toBe('(123\r\n');
  });

  it('grows the buffer for large replies and long strings', () => {
    const o = new OutputBuffer(16);
    const big = 'z'.repeat(100000);
    o.write(big, 2);
    o.write(big, 2);
    const out = o.take().toString('latin1');
    expect(out.length).toBe(2 * (100000 + 11));
    expect(out.startsWith('$100000\r\nzzz')).toBe(true);
  });
});
