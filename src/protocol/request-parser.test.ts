import { describe, expect, it } from 'vitest';
import { RequestParser } from './request-parser.js';

function parseAll(chunks: Array<string | Buffer>, maxBulkLen = 512 * 1024 * 1024) {
  const p = new RequestParser({ maxBulkLen, unauthenticated: false });
  const cmds: string[][] = [];
  for (const c of chunks) p.feed(typeof c === 'string' ? Buffer.from(c, 'latin1') : c, (argv) => (cmds.push(argv), true));
  return { cmds, error: p.protocolError, pending: p.pending };
}

describe('RequestParser', () => {
  it('parses multibulk commands, several per chunk', () => {
    const r = parseAll(['*1\r\n$4\r\nPING\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n']);
    expect(r.cmds).toEqual([['PING'], ['SET', 'k', 'v']]);
  });

  it('resumes across every possible split point', () => {
    const wire = '*3\r\n$3\r\nSET\r\n$3\r\nk\0y\r\n$4\r\na\r\nb\r\nPING x\r\n';
    for (let i = 1; i < wire.length; i++) {
      const r = parseAll([wire.slice(0, i), wire.slice(i)]);
      expect(r.cmds, `split at ${i}`).toEqual([['SET', 'k\0y', 'a\r\nb'], ['PING', 'x']]);
    }
  });

  it('reads whole commands of every common shape the same as split ones, and leaves odd ones to the general path', () => {
    const many = Array.from({ length: 12 }, (_, i) => `a${i}`);
    const wire =
      '*1\r\n$0\r\n\r\n' + // empty argument
      `*12\r\n${many.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}` + // two-digit count
      `*2\r\n$3\r\nSET\r\n$16384\r\n${'v'.repeat(16384)}\r\n` + // longest fast-path argument
      `*2\r\n$3\r\nSET\r\n$16385\r\n${'w'.repeat(16385)}\r\n`; // general path
    const want = [[''], many, ['SET', 'v'.repeat(16384)], ['SET', 'w'.repeat(16385)]];
    expect(parseAll([wire]).cmds).toEqual(want);
    for (const i of [1, 3, 5, 9, 40, 60, 100, 16400, wire.length - 3]) {
      expect(parseAll([wire.slice(0, i), wire.slice(i)]).cmds, `split at ${i}`).toEqual(want);
    }
    expect(parseAll(['*1\r\n$03\r\nabc\r\n']).error).toBe('ERR Protocol error: invalid bulk length');
    expect(parseAll(['*1\r\n$-1\r\n']).error).toBe('ERR Protocol error: invalid bulk length');
    expect(parseAll(['*1\r\nx3\r\nabc\r\n']).error).toBe("ERR Protocol error: expected '$', got 'x'");
    expect(parseAll(['*100\r\n$1\r\na\r\n']).cmds).toEqual([]);
  });

  it('keeps bytes 0x80-0xff as latin1 chars', () => {
    const payload = Buffer.from([0x2a, 0x31, 0x0d, 0x0a, 0x24, 0x33, 0x0d, 0x0a, 0xff, 0x80, 0xc3, 0x0d, 0x0a]);
    const r = parseAll([payload]);
    expect(r.cmds[0][0]).toBe('\xff\x80\xc3');
  });

  it('assembles big arguments delivered in many chunks', () => {
    const big = 'x'.repeat(100000);
    const wire = `*2\r\n$3\r\nGET\r\n$${big.length}\r\n${big}\r\n*1\r\n$4\r\nPING\r\n`;
    const chunks: string[] = [];
    for (let i = 0; i < wire.length; i += 7000) chunks.push(wire.slice(i, i + 7000));
    const r = parseAll(chunks);
    expect(r.cmds.length).toBe(2);
    expect(r.cmds[0][1].length).toBe(100000);
    expect(r.cmds[1]).toEqual(['PING']);
  });

  it('parses inline commands with quotes and escapes', () => {
    const r = parseAll(['SET "a b" \'c d\' "\\x41\\n"\r\n', 'PING\n', '\r\n']);
    expect(r.cmds).toEqual([['SET', 'a b', 'c d', 'A\n'], ['PING']]);
  });

  it('splits quote-free inline lines as Redis does, backslashes kept as they are', () => {
    const r = parseAll(['  SET\tk\\x  \x0bv\x0c\r\nPING\nget  "a b"\r\n   \r\n\xffk a\x0bb\r\n']);
    expect(r.cmds).toEqual([['SET', 'k\\x', 'v\x0c'], ['PING'], ['get', 'a b'], ['\xffk', 'a\x0bb']]);
  });

  it('stalls an inline request holding a NUL before its newline, like Redis', () => {
    const r = parseAll(['PI\0NG\r\nPING\r\n']);
    expect(r.cmds).toEqual([]);
    expect(r.error).toBeNull();
    expect(parseAll(['PI\0NG' + 'x'.repeat(70000)]).error).toBe('ERR Protocol error: too big inline request');
  });

  it('copies what it keeps of a chunk, so the caller may reuse its read buffer', () => {
    const wire = Buffer.from('*2\r\n$3\r\nGET\r\n$5\r\nhello\r\n*1\r\n$4\r\nPING\r\n', 'latin1');
    const shared = Buffer.alloc(64);
    const p = new RequestParser({ maxBulkLen: 1 << 29, unauthenticated: false });
    const cmds: string[][] = [];
    for (let i = 0; i < wire.length; i += 5) {
      const n = wire.copy(shared, 0, i, i + 5);
      p.feed(shared.subarray(0, n), (argv) => (cmds.push(argv), true));
      shared.fill(0x7a);
    }
    expect(cmds).toEqual([['GET', 'hello'], ['PING']]);
  });

  it('skips empty multibulk', () => {
    expect(parseAll(['*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n']).cmds).toEqual([['PING']]);
  });

  it.each([
    ['*abc\r\n', 'ERR Protocol error: invalid multibulk length'],
    ['*3000000000\r\n', 'ERR Protocol error: invalid multibulk length'],
    ['*1\r\nfoo\r\n', "ERR Protocol error: expected '$', got 'f'"],
    ['*1\r\n$-1\r\n', 'ERR Protocol error: invalid bulk length'],
    ['*1\r\n$abc\r\n', 'ERR Protocol error: invalid bulk length'],
    ['*1\r\n$536870913\r\n', 'ERR Protocol error: invalid bulk length'],
    ['SET "foo\r\n', 'ERR Protocol error: unbalanced quotes in request'],
  ])('reports %j as a protocol error', (input, err) => {
    expect(parseAll([input]).error).toBe(err);
  });

  it('refuses inline requests over 64k without a newline', () => {
    expect(parseAll(['x'.repeat(70000)]).error).toBe('ERR Protocol error: too big inline request');
  });

  it('applies unauthenticated limits', () => {
    const p = new RequestParser({ maxBulkLen: 1 << 29, unauthenticated: true });
    p.feed(Buffer.from('*11\r\n'), () => true);
    expect(p.protocolError).toBe('ERR Protocol error: unauthenticated multibulk length');
  });

  it('pauses and resumes', () => {
    const p = new RequestParser({ maxBulkLen: 1 << 29, unauthenticated: false });
    const seen: string[][] = [];
    let block = true;
    p.feed(Buffer.from('*1\r\n$1\r\na\r\n*1\r\n$1\r\nb\r\n'), (argv) => {
      seen.push(argv);
      return !block;
    });
    expect(seen).toEqual([['a']]);
    p.feed(Buffer.from('*1\r\n$1\r\nc\r\n'), (argv) => (seen.push(argv), true));
    expect(seen).toEqual([['a']]);
    block = false;
    p.resume((argv) => (seen.push(argv), true));
    expect(seen).toEqual([['a'], ['b'], ['c']]);
  });
});
