import { describe, expect, it } from 'vitest';
import { formatCSV, formatRaw, formatReply, formatTTY, quoteBytes } from './format.js';
import type { ReplyNode } from '../../protocol/reply-decoder.js';

const bulk = (s: string): ReplyNode => ({ type: 'bulk', value: Buffer.from(s, 'latin1') });
const int = (n: number): ReplyNode => ({ type: 'integer', value: BigInt(n) });
const arr = (...items: ReplyNode[]): ReplyNode => ({ type: 'array', items });

describe('quoteBytes', () => {
  it('escapes like redis-cli', () => {
    expect(quoteBytes('a"b\\c\n\r\t\x07\x08\x00\x7f\xc3\xa9 ~')).toBe('"a\\"b\\\\c\\n\\r\\t\\a\\b\\x00\\x7f\\xc3\\xa9 ~"');
  });
});

describe('formatTTY', () => {
  it('renders scalars', () => {
    expect(formatTTY(int(-5))).toBe('(integer) -5\n');
    expect(formatTTY({ type: 'null' })).toBe('(nil)\n');
    expect(formatTTY({ type: 'status', value: 'OK' })).toBe('OK\n');
    expect(formatTTY({ type: 'error', value: 'ERR x' })).toBe('(error) ERR x\n');
    expect(formatTTY({ type: 'double', value: '1.5' })).toBe('(double) 1.5\n');
    expect(formatTTY({ type: 'boolean', value: true })).toBe('(true)\n');
    expect(formatTTY({ type: 'bignum', value: '123456789012345678901234567890' })).toBe('(big number) 123456789012345678901234567890\n');
    expect(formatTTY({ type: 'verbatim', format: 'txt', value: Buffer.from('a\nb') })).toBe('a\nb\n');
  });

  it('indents nested arrays under their index', () => {
    expect(formatTTY(arr(int(1), arr(int(2), arr(int(3), int(4))), bulk('x'), arr()))).toBe(
      '1) (integer) 1\n2) 1) (integer) 2\n   2) 1) (integer) 3\n      2) (integer) 4\n3) "x"\n4) (empty array)\n',
    );
  });

  it('right-aligns indexes to the widest one', () => {
    const items = Array.from({ length: 10 }, (_, i) => bulk(String(i)));
    const out = formatTTY(arr(arr(...items)));
    expect(out.split('\n')[0]).toBe('1)  1) "0"');
    expect(out.split('\n')[9]).toBe('   10) "9"');
  });

  it('renders maps and sets', () => {
    const map: ReplyNode = { type: 'map', items: [bulk('k'), bulk('v'), bulk('n'), arr(int(1), int(2))] };
    // redis-cli indents a map value's continuation lines by the index width only, not past " => ".
    expect(formatTTY(map)).toBe('1# "k" => "v"\n2# "n" => \n   1) (integer) 1\n   2) (integer) 2\n');
    expect(formatTTY({ type: 'map', items: [bulk('k'), arr()] })).toBe('1# "k" => (empty array)\n');
    expect(formatTTY({ type: 'set', items: [bulk('m')] })).toBe('1~ "m"\n');
    expect(formatTTY({ type: 'map', items: [] })).toBe('(empty hash)\n');
    expect(formatTTY({ type: 'set', items: [] })).toBe('(empty set)\n');
    expect(formatTTY({ type: 'push', items: [bulk('message')] })).toBe('1) "message"\n');
  });

  it('shows the value under an attribute', () => {
    expect(formatTTY({ type: 'attribute', items: [bulk('a'), int(1)], value: int(2) })).toBe('(integer) 2\n');
  });
});

describe('formatRaw and formatCSV', () => {
  it('prints bare values', () => {
    expect(formatRaw(arr(bulk('a'), arr(int(1), { type: 'null' }), bulk('b')))).toBe('a\n1\n\nb');
    expect(formatRaw({ type: 'map', items: [bulk('k'), bulk('v'), bulk('k2'), bulk('v2')] })).toBe('k v\nk2 v2');
    expect(formatRaw({ type: 'error', value: 'ERR x' })).toBe('ERR x\n');
    expect(formatRaw(arr(bulk('a'), bulk('b')), ',')).toBe('a,b');
  });

  it('prints CSV', () => {
    expect(formatCSV(arr(bulk('a'), int(1), { type: 'null' }, { type: 'boolean', value: false }))).toBe('"a",1,NULL,false');
    expect(formatCSV({ type: 'error', value: 'ERR x' })).toBe('ERROR,"ERR x"');
  });

  it('adds the reply delimiter only in raw mode and never for report commands', () => {
    const s = { mode: 'raw' as const, mbDelim: '\n', cmdDelim: '\n' };
    expect(formatReply(bulk('x'), s, false)).toBe('x\n');
    expect(formatReply(bulk('# Server\r\n'), { ...s, mode: 'standard' }, true)).toBe('# Server\r\n');
  });
});
