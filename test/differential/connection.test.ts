// Differential cases for connection-level behaviour: PING/ECHO/HELLO/SELECT/CLIENT, inline requests,
// pipelining, unknown commands and wrong arity for every command of the string and keyspace groups.
import { describe } from 'vitest';
import { HELLO_VARIABLE_FIELDS, diffCases, maskFields, typeOnly, useDiffPair, type CaseInput, type Step } from '../helpers/differential.js';

const pair = useDiffPair();

const hello = (...argv: string[]): Step => ({ argv: ['HELLO', ...argv], cmp: { normalize: maskFields(HELLO_VARIABLE_FIELDS), label: 'hello' } });
const inline = (text: string, replies = 1): Step => ({ raw: text, replies });

/** Several hundred commands in one write, mixing multibulk and inline forms. */
const PIPELINE_PARTS: string[] = [];
for (let i = 0; i < 300; i++) {
  const k = `pk${i % 7}`;
  if (i % 3 === 0) PIPELINE_PARTS.push(`*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${String(i).length}\r\n${i}\r\n`);
  else if (i % 3 === 1) PIPELINE_PARTS.push(`INCR ${k}\r\n`);
  else PIPELINE_PARTS.push(`*2\r\n$3\r\nGET\r\n$${k.length}\r\n${k}\r\n`);
}
const PIPELINE = PIPELINE_PARTS.join('');
const PIPELINE_REPLIES = PIPELINE_PARTS.length;

describe('connection', () => {
  diffCases('ping echo', pair, [
    ['PING'],
    ['ping'],
    ['PING', 'hello'],
    ['PING', ''],
    ['PING', 'a\x00b\r\n\xff'],
    ['PING', 'a', 'b'],
    ['ECHO', 'hello'],
    ['ECHO', ''],
    ['ECHO', '\x00\r\n\x80\xff'],
    ['ECHO', 'x'.repeat(70000)],
    ['ECHO'],
    ['ECHO', 'a', 'b'],
  ]);

  diffCases('hello', pair, [
    hello(),
    hello('2'),
    hello('3'),
    ['PING'],
    ['GET', 'missing'],
    ['MGET', 'missing', 'missing'],
    hello('2'),
    ['GET', 'missing'],
    hello('4'),
    hello('1'),
    hello('0'),
    hello('-1'),
    hello('abc'),
    hello('3.0'),
    hello(' 3'),
    hello('9223372036854775808'),
    hello('3', 'SETNAME', 'conn-a'),
    ['CLIENT', 'GETNAME'],
    hello('3', 'SETNAME', 'bad name'),
    hello('3', 'SETNAME', 'bad\nname'),
    ['CLIENT', 'GETNAME'],
    hello('3', 'SETNAME'),
    hello('3', 'AUTH', 'default', 'anything'),
    hello('3', 'AUTH', 'default'),
    hello('3', 'AUTH', 'nosuchuser', 'pw'),
    hello('3', 'BOGUS'),
    hello('3', 'setname', 'lower'),
    ['CLIENT', 'GETNAME'],
    hello('2', 'AUTH', 'default', 'x', 'SETNAME', 'both'),
    ['CLIENT', 'GETNAME'],
    hello('2', 'SETNAME', 'x', 'SETNAME', 'y'),
    ['CLIENT', 'GETNAME'],
    hello('SETNAME', 'x'),
  ]);

  diffCases('auth without password', pair, [
    ['AUTH', 'pw'],
    ['AUTH', 'default', 'pw'],
    ['AUTH', 'nouser', 'pw'],
    ['AUTH'],
    ['AUTH', 'a', 'b', 'c'],
  ]);

  diffCases('client reply', pair, [
    // SKIP drops only the next reply; OFF drops replies until ON.
    { raw: 'CLIENT REPLY SKIP\r\nSET rk 1\r\nGET rk\r\n', replies: 1 },
    { raw: 'CLIENT REPLY OFF\r\nGET rk\r\nINCR rk\r\nCLIENT REPLY ON\r\nGET rk\r\n', replies: 2 },
    ['CLIENT', 'REPLY', 'MAYBE'],
    ['CLIENT', 'REPLY', 'ON'],
  ]);

  diffCases('client id getname setname', pair, [
    typeOnly('CLIENT', 'ID'),
    ['CLIENT', 'GETNAME'],
    ['CLIENT', 'SETNAME', 'my-conn'],
    ['CLIENT', 'GETNAME'],
    ['CLIENT', 'SETNAME', ''],
    ['CLIENT', 'GETNAME'],
    ['CLIENT', 'SETNAME', 'with space'],
    ['CLIENT', 'SETNAME', 'new\nline'],
    ['CLIENT', 'SETNAME', 'bin\x00'],
    ['CLIENT', 'SETNAME', '\x7f'],
    ['CLIENT', 'SETNAME', '\xff'],
    ['CLIENT', 'SETNAME', '~!@#$%^&*()_+{}|:"<>?'],
    ['CLIENT', 'GETNAME'],
    ['CLIENT', 'SETNAME'],
    ['CLIENT', 'SETNAME', 'a', 'b'],
    ['CLIENT', 'GETNAME', 'x'],
    ['CLIENT', 'ID', 'x'],
    ['CLIENT'],
    ['CLIENT', 'BOGUS'],
    ['CLIENT', 'bogus', 'x', 'y'],
    ['client', 'getname'],
    // Help texts are written in the project's own words: compare the reply type only.
    typeOnly('CLIENT', 'HELP'),
  ]);

  diffCases('inline requests', pair, [
    inline('PING\r\n'),
    inline('PING\n'),
    inline('ping hello\r\n'),
    inline('ECHO "hello world"\r\n'),
    inline("ECHO 'single quoted'\r\n"),
    inline('ECHO "esc\\x41\\n\\t\\"q"\r\n'),
    inline("ECHO 'it\\'s'\r\n"),
    inline('   ECHO    spaced    \r\n'),
    inline('SET inl "a b c"\r\nGET inl\r\n', 2),
    inline('\r\nPING\r\n'),
    inline('\n\n\nPING\r\n'),
    inline('ECHO ""\r\n'),
    inline('ECHO "\\xzz"\r\n'),
    inline('ECHO "\\x4"\r\n'),
    inline('NOSUCH a b\r\n'),
    inline('GET\r\n'),
    inline('PING\r\n*1\r\n$4\r\nPING\r\nPING\r\n', 3),
  ]);

  diffCases('pipelined multibulk', pair, [
    { raw: '*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n*3\r\n$3\r\nSET\r\n$1\r\np\r\n$1\r\n1\r\n*2\r\n$4\r\nINCR\r\n$1\r\np\r\n', replies: 4 },
    { raw: '*0\r\n*1\r\n$4\r\nPING\r\n', replies: 1 },
    { raw: '*-1\r\n*1\r\n$4\r\nPING\r\n', replies: 1 },
    { raw: '*1\r\n$0\r\n\r\n', replies: 1 },
    { raw: PIPELINE, replies: PIPELINE_REPLIES },
    { raw: PIPELINE, replies: PIPELINE_REPLIES, chunkSize: 61 },
    { raw: '*3\r\n$3\r\nSET\r\n$5\r\nsplit\r\n$10\r\n0123456789\r\nGET split\r\n', replies: 2, chunkSize: 1 },
    { raw: `*2\r\n$4\r\nECHO\r\n$100000\r\n${'z'.repeat(100_000)}\r\n`, replies: 1, chunkSize: 8192 },
  ]);
});

describe('unknown commands and arity', () => {
  const unknown: CaseInput[] = [
    ['NOSUCHCOMMAND'],
    ['nosuchcommand', 'a', 'b'],
    ['FOO', 'x'.repeat(200)],
    ['X'.repeat(200)],
    ['FOO', 'a\r\nb', 'c'],
    ['FOO\r\nBAR'],
    ['\x00\xff'],
    [''],
    ['', 'x'],
    ['FOO', ...Array.from({ length: 40 }, (_, i) => `argument-${i}`)],
    ['FOO', 'a'.repeat(127), 'b'],
    ['FOO', 'a'.repeat(130)],
    ['OBJECT', 'NOSUCH'],
    ['CLIENT', 'NOSUCH\r\nX'],
    ['GET k'],
  ];
  diffCases('unknown commands', pair, unknown);

  const commands = [
    'GET', 'SET', 'SETNX', 'SETEX', 'PSETEX', 'MGET', 'MSET', 'MSETNX', 'GETSET', 'GETDEL', 'GETEX', 'APPEND',
    'STRLEN', 'GETRANGE', 'SETRANGE', 'SUBSTR', 'INCR', 'DECR', 'INCRBY', 'DECRBY', 'INCRBYFLOAT', 'LCS', 'DEL',
    'UNLINK', 'EXISTS', 'TYPE', 'RENAME', 'RENAMENX', 'COPY', 'KEYS', 'SCAN', 'TOUCH', 'EXPIRE', 'PEXPIRE',
    'EXPIREAT', 'PEXPIREAT', 'TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME', 'PERSIST', 'OBJECT', 'RANDOMKEY', 'SELECT',
    'SWAPDB', 'MOVE', 'FLUSHDB', 'FLUSHALL', 'DBSIZE', 'PING', 'ECHO', 'HELLO', 'CLIENT',
  ];
  const arity: CaseInput[] = [];
  for (const c of commands) {
    // Zero args, one arg and many args: whichever are wrong for the command must give the same error text.
    if (c !== 'HELLO') arity.push([c]); // a bare HELLO succeeds and carries the connection id
    arity.push([c.toLowerCase(), 'k']);
    arity.push([c, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  }
  arity.push(['FLUSHALL'], ['OBJECT', 'ENCODING'], ['CLIENT', 'SETNAME']);
  diffCases('arity of every command', pair, arity);
});
