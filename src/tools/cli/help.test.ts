import { describe, expect, it } from 'vitest';
import { argumentSynopsis, synopsis, tableFromBuiltin, tableFromCommandDocs, type DocArg } from './help-table.js';
import { completionsFor, hintFor, outputHelp } from './help.js';
import { decodeAll } from '../../protocol/reply-decoder.js';

const SET_ARGS: DocArg[] = [
  { name: 'key', type: 'key' },
  { name: 'value', type: 'string' },
  { name: 'condition', type: 'oneof', flags: ['optional'], arguments: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }] },
  { name: 'get', type: 'pure-token', token: 'GET', flags: ['optional'] },
  {
    name: 'expiration',
    type: 'oneof',
    flags: ['optional'],
    arguments: [
      { name: 'seconds', type: 'integer', token: 'EX' },
      { name: 'keepttl', type: 'pure-token', token: 'KEEPTTL' },
    ],
  },
];

describe('argument synopsis', () => {
  it('renders tokens, optional parts, alternatives', () => {
    expect(synopsis(SET_ARGS)).toBe('key value [NX|XX] [GET] [EX seconds|KEEPTTL]');
  });

  it('renders repeated arguments and blocks', () => {
    expect(argumentSynopsis({ name: 'key', type: 'key', flags: ['multiple'] })).toBe('key [key ...]');
    expect(
      argumentSynopsis({ name: 'data', type: 'block', flags: ['multiple'], arguments: [{ name: 'field', type: 'string' }, { name: 'value', type: 'string' }] }),
    ).toBe('field value [field value ...]');
    expect(argumentSynopsis({ name: 'pattern', type: 'pattern', token: 'GET', flags: ['optional', 'multiple', 'multiple_token'] })).toBe(
      '[GET pattern [GET pattern ...]]',
    );
    expect(argumentSynopsis({ name: 'x', display_text: 'ip:port', type: 'string' })).toBe('ip:port');
  });
});

describe('help table', () => {
  it('reads COMMAND DOCS in RESP2 form, subcommands included, sorted', () => {
    const docs = decodeAll(
      Buffer.from(
        '*4\r\n$3\r\nset\r\n*6\r\n$7\r\nsummary\r\n$3\r\nSet\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nstring\r\n' +
          '$6\r\nconfig\r\n*4\r\n$7\r\nsummary\r\n$1\r\nC\r\n$11\r\nsubcommands\r\n*2\r\n$10\r\nconfig|get\r\n' +
          '*4\r\n$5\r\ngroup\r\n$6\r\nserver\r\n$9\r\narguments\r\n*1\r\n*6\r\n$4\r\nname\r\n$9\r\nparameter\r\n$4\r\ntype\r\n$6\r\nstring\r\n$5\r\nflags\r\n*1\r\n+multiple\r\n',
      ),
    )[0]!;
    const table = tableFromCommandDocs(docs)!;
    expect(table.commands.map((c) => c.full)).toEqual(['CONFIG', 'CONFIG GET', 'SET']);
    expect(table.commands[1]!.params).toBe('parameter [parameter ...]');
    expect(table.groups).toEqual(['server', 'string']);
  });

  it('falls back to the built-in table', async () => {
    const table = await tableFromBuiltin();
    const set = table.commands.find((c) => c.full === 'SET')!;
    expect(set.params).toBe('key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(table.commands.some((c) => c.full === 'CONFIG GET')).toBe(true);
  });
});

describe('help output, hints, completion', async () => {
  const table = await tableFromBuiltin();

  it('prints a command with colours only when asked', () => {
    const plain = outputHelp(['get'], table, false);
    expect(plain).toBe('\r\n  GET key\r\n  summary: Get the value of a key\r\n  since: 1.0.0\r\n  group: string\r\n\r\n');
    expect(outputHelp(['get'], table, true)).toContain('\x1b[1mGET\x1b[0m \x1b[90mkey\x1b[0m');
  });

  it('lists a group without the group line', () => {
    const out = outputHelp(['@hyperloglog'], table, false);
    expect(out).toContain('  PFADD key [element [element ...]]\r\n');
    expect(out).not.toContain('group:');
  });

  it('hints the arguments not typed yet', () => {
    expect(hintFor('get', table)).toBe(' key');
    expect(hintFor('get ', table)).toBe('key');
    expect(hintFor('set k', table)).toBe(' value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hintFor('set k v ', table)).toBe('[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    expect(hintFor('get k  ', table)).toBe('');
    expect(hintFor('config set a', table)).toBe(' value [parameter value ...]');
    expect(hintFor('nosuch', table)).toBeNull();
    expect(hintFor('', table)).toBeNull();
  });

  it('completes command names, and groups after help', () => {
    expect(completionsFor('hse', table)).toEqual(['HSET', 'HSETNX']);
    expect(completionsFor('help @hyp', table)).toEqual(['help @hyperloglog']);
  });
});
