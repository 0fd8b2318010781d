// ACL against the real redis-server: SETUSER/GETUSER/LIST round trips of many rule combinations (compared
// with the 7.0/7.2 differences mapped away, see normalize.ts) plus the effective permissions of each user
// probed with ACL DRYRUN, NOPERM replies for commands, keys, channels and selectors, AUTH/WRONGPASS and
// HELLO AUTH, ACL LOG entries, MULTI and SORT BY/GET under ACL, errors of every subcommand, and ACL CAT.
import { describe, expect, it } from 'vitest';
import { diffCases, skip, useDiffPair, type Step } from '../helpers/differential.js';
import { RespConnection, decodeReply, type Arg } from '../helpers/resp.js';
import { canon, canonLog } from './normalize.js';

const pair = useDiffPair();

const c = (...argv: Arg[]): Step => ({ argv, cmp: { normalize: canon, label: 'acl' } });
const log = (...argv: Arg[]): Step => ({ argv, cmp: { normalize: canonLog, label: 'acl log' } });

/** Commands both servers implement, with arguments, that ACL DRYRUN probes for every user. */
const PROBES: Arg[][] = [
  ['get', 'k1'], ['get', 'other'], ['set', 'k1', 'v'], ['set', 'w1', 'v'], ['set', 'r1', 'v', 'GET'], ['append', 'w1', 'x'],
  ['getdel', 'k1'], ['mget', 'k1', 'k2'], ['mset', 'k1', 'a', 'w1', 'b'], ['incr', 'k1'], ['del', 'k1'], ['exists', 'r1'],
  ['copy', 'r1', 'w1'], ['rename', 'k1', 'w1'], ['lpush', 'l1', 'x'], ['lrange', 'l1', '0', '-1'], ['hset', 'h1', 'f', 'v'],
  ['hget', 'h1', 'f'], ['sadd', 's1', 'm'], ['zadd', 'z1', '1', 'm'], ['sort', 'l1'], ['keys', '*'], ['scan', '0'],
  ['dbsize'], ['flushall'], ['ping'], ['echo', 'x'], ['select', '0'], ['select', '1'], ['client', 'id'],
  ['client', 'kill', 'id', '1'], ['config', 'get', 'maxmemory'], ['config', 'set', 'maxmemory', '0'], ['info'],
  ['publish', 'ch1', 'm'], ['publish', 'news.x', 'm'], ['subscribe', 'ch1', 'other'], ['psubscribe', 'ch*'],
  ['psubscribe', 'news.*'], ['multi'], ['exec'], ['watch', 'k1'], ['acl', 'whoami'], ['acl', 'setuser', 'x'],
  ['command', 'count'], ['object', 'encoding', 'k1'], ['expire', 'k1', '10'], ['type', 'k1'], ['pfadd', 'p1', 'a'],
  ['setbit', 'b1', '1', '1'], ['geoadd', 'g1', '1', '1', 'm'], ['blpop', 'l1', '0'], ['unlink', 'w1'], ['swapdb', '0', '1'],
];

const probe = (user: string): Step[] => PROBES.map((p) => c('ACL', 'DRYRUN', user, ...p));

/** Rule sets for round trips: each gets SETUSER, GETUSER, LIST and the DRYRUN probes on both servers. */
const RULE_SETS: string[][] = [
  [],
  ['on', 'nopass', '+@all', '~*', '&*'],
  ['on', '>secret', '+get', '~k*'],
  ['+@read', '~*'],
  ['+@all', '-@dangerous', 'allkeys'],
  ['+@all', '-@write', '+set', '%R~r*', '%W~w*', '~k*'],
  ['+@hash', '-hget', '+@read', '~h*'],
  ['+get', '-get', '+set', 'resetkeys', '~k1'],
  ['+@string', '-append', '%RW~*'],
  ['+config|get', '+select|0', '+client', '-client|kill'],
  ['-@all', '+config', '-config|set'],
  ['+@pubsub', 'resetchannels', '&ch*', '&news.*'],
  ['allcommands', 'allkeys', 'allchannels', 'nocommands', '+ping'],
  ['+@all', '~k*', '(+@read ~r*)', '(+set %W~w*)'],
  ['(+get', '~k*)', '+set', '~w*'],
  ['+@keyspace', '-@dangerous', '~*', '&*'],
  ['+@connection', '+@transaction', '+@scripting'],
  ['+@sortedset', '+@list', '+@set', '+@hyperloglog', '+@geo', '+@bitmap', '~*'],
  ['+@all', '-@slow', 'on', 'nopass'],
  ['+@fast', '-@blocking', '+blpop', '~*'],
  ['on', '>a', '>b', '<a', '#' + 'f'.repeat(64), '!' + 'f'.repeat(64)],
  ['on', 'nopass', 'resetpass', '>x'],
  ['+@admin', 'reset', '+get'],
  ['skip-sanitize-payload', 'sanitize-payload', '+get'],
];

describe('acl differential', () => {
  diffCases(
    'setuser round trips and effective permissions',
    pair,
    RULE_SETS.flatMap((rules, i): Step[] => {
      const u = `u${i}`;
      return [skip('ACL', 'DELUSER', u), c('ACL', 'SETUSER', u, ...rules), c('ACL', 'GETUSER', u), ...probe(u)];
    }).concat([c('ACL', 'LIST'), c('ACL', 'USERS')]),
    { timeout: 60000 },
  );

  diffCases('setuser updates an existing user', pair, [
    skip('ACL', 'DELUSER', 'm'),
    c('ACL', 'SETUSER', 'm', 'on', '>p1', '~a*', '&c1', '+get'),
    c('ACL', 'SETUSER', 'm', '>p2', '~b*', '&c2', '+set', '(+hget ~h*)'),
    c('ACL', 'GETUSER', 'm'),
    c('ACL', 'SETUSER', 'm', '<p1', 'resetkeys', '~c*', 'clearselectors', '(+del ~d*)'),
    c('ACL', 'GETUSER', 'm'),
    c('ACL', 'SETUSER', 'm', 'off', 'bogus'),
    c('ACL', 'GETUSER', 'm'),
    c('ACL', 'SETUSER', 'm', 'reset'),
    c('ACL', 'GETUSER', 'm'),
    c('ACL', 'LIST'),
    c('ACL', 'DELUSER', 'm', 'nobody'),
    c('ACL', 'GETUSER', 'm'),
  ]);

  diffCases('subcommand errors', pair, [
    c('ACL', 'SETUSER', 'a b'),
    c('ACL', 'SETUSER', 'e', 'bogus'),
    c('ACL', 'SETUSER', 'e', '+nosuch'),
    c('ACL', 'SETUSER', 'e', '+@nosuch'),
    c('ACL', 'SETUSER', 'e', '-select|0'),
    c('ACL', 'SETUSER', 'e', '+config|get|x'),
    c('ACL', 'SETUSER', 'e', '+get|'),
    c('ACL', 'SETUSER', 'e', '+config|nosuch'),
    c('ACL', 'SETUSER', 'e', '<nope'),
    c('ACL', 'SETUSER', 'e', '!' + 'a'.repeat(64)),
    c('ACL', 'SETUSER', 'e', '#abc'),
    c('ACL', 'SETUSER', 'e', '#' + 'A'.repeat(64)),
    c('ACL', 'SETUSER', 'e', 'allkeys', '~a'),
    c('ACL', 'SETUSER', 'e', '&*', '&x'),
    c('ACL', 'SETUSER', 'e', '%~x'),
    c('ACL', 'SETUSER', 'e', '%RR~x'),
    c('ACL', 'SETUSER', 'e', '%X~x'),
    c('ACL', 'SETUSER', 'e', '~a b'),
    c('ACL', 'SETUSER', 'e', '(+get', '~k'),
    c('ACL', 'SETUSER', 'e', '(+get bogus)'),
    c('ACL', 'GETUSER', 'e'),
    c('ACL', 'DELUSER', 'default'),
    c('ACL', 'DELUSER', 'e', 'default'),
    c('ACL', 'CAT', 'nosuch'),
    c('ACL', 'CAT', 'a', 'b'),
    c('ACL', 'GENPASS', '0'),
    c('ACL', 'GENPASS', '4097'),
    c('ACL', 'GENPASS', '-1'),
    c('ACL', 'GENPASS', 'x'),
    c('ACL', 'GENPASS', '1', '2'),
    c('ACL', 'LOG', 'x'),
    c('ACL', 'LOG', '1', '2'),
    c('ACL', 'LOAD'),
    c('ACL', 'SAVE'),
    c('ACL', 'WHOAMI', 'x'),
    c('ACL', 'LIST', 'x'),
    c('ACL', 'USERS', 'x'),
    c('ACL', 'GETUSER'),
    c('ACL', 'SETUSER'),
    c('ACL', 'DELUSER'),
    c('ACL', 'DRYRUN', 'default'),
    c('ACL', 'NOSUCH'),
    c('ACL'),
    c('ACL', 'DRYRUN', 'nobody', 'get', 'k'),
    c('ACL', 'DRYRUN', 'default', 'nosuch'),
    c('ACL', 'DRYRUN', 'default', 'config', 'nosub'),
    c('ACL', 'DRYRUN', 'default', 'config'),
    c('ACL', 'DRYRUN', 'default', 'get'),
    c('ACL', 'DRYRUN', 'default', 'config|get', 'x'),
    c('ACL', 'DRYRUN', 'default', 'get', 'k'),
    c('ACL', 'WHOAMI'),
    c('ACL', 'CAT'),
    { argv: ['ACL', 'GENPASS'], cmp: 'type' },
    { argv: ['ACL', 'GENPASS', '7'], cmp: 'type' },
  ]);

  const noperm: Step[] = [
    skip('ACL', 'DELUSER', 'np'),
    skip('ACL', 'LOG', 'RESET'),
    skip('SET', 'k1', 'v'),
    skip('RPUSH', 'l1', '2', '1'),
    c('ACL', 'SETUSER', 'np', 'on', '>pw', '~k*', '%R~r*', '&ch*', '+get', '+set', '+mget', '+publish', '+subscribe', '+psubscribe', '+sort', '+multi', '+exec', '+acl|whoami', '(+hget ~h*)'),
    c('AUTH', 'np', 'pw'),
    c('ACL', 'WHOAMI'),
    c('GET', 'k1'),
    c('GET', 'other'),
    c('SET', 'r1', 'v'),
    c('GET', 'r1'),
    c('MGET', 'k1', 'other', 'k2'),
    c('HGET', 'h1', 'f'),
    c('HGET', 'k1', 'f'),
    c('HSET', 'h1', 'f', 'v'),
    c('DEL', 'k1'),
    c('CONFIG', 'GET', 'x'),
    c('CONFIG'),
    c('CONFIG', 'nosub'),
    c('HSET', 'h1'),
    c('PUBLISH', 'ch1', 'm'),
    c('PUBLISH', 'other', 'm'),
    c('PSUBSCRIBE', 'ch1*'),
    c('SORT', 'k1', 'BY', 'w_*'),
    c('SORT', 'l1', 'BY', 'nosort'),
    c('SORT', 'other'),
    c('MULTI'),
    c('GET', 'k1'),
    c('HSET', 'k1', 'f', 'v'),
    c('GET', 'other'),
    c('EXEC'),
    c('AUTH', 'default', 'x'),
    log('ACL', 'LOG'),
    c('ACL', 'LOG', '0'),
    log('ACL', 'LOG', '2'),
    c('ACL', 'LOG', 'RESET'),
    log('ACL', 'LOG'),
  ];
  diffCases('NOPERM replies and ACL LOG', pair, noperm, { protocols: [2] });

  diffCases('SORT BY/GET need read access to every key', pair, [
    skip('ACL', 'DELUSER', 'so', 'sr'),
    skip('RPUSH', 'l1', '2', '1'),
    skip('SET', 'w_1', '5'),
    skip('SET', 'w_2', '3'),
    c('ACL', 'SETUSER', 'so', 'on', 'nopass', '+@all', '~l*'),
    c('ACL', 'SETUSER', 'sr', 'on', 'nopass', '+@all', '%R~*', '~l*'),
    c('AUTH', 'so', 'x'),
    c('SORT', 'l1'),
    c('SORT', 'l1', 'BY', 'nosort'),
    c('SORT', 'l1', 'BY', 'w_*'),
    c('SORT', 'l1', 'GET', '#'),
    c('SORT', 'l1', 'GET', 'w_*'),
    c('SORT_RO', 'l1', 'BY', 'w_*'),
    c('SORT', 'l1', 'LIMIT', 'x', '1', 'BY', 'w_*'),
    c('AUTH', 'sr', 'x'),
    c('SORT', 'l1', 'BY', 'w_*'),
    c('SORT', 'l1', 'BY', 'w_*', 'GET', '#', 'GET', 'w_*'),
    c('SORT', 'l1', 'BY', 'w_*', 'STORE', 'l2'),
    c('SORT', 'l1', 'BY', 'w_*', 'STORE', 'other'),
    c('AUTH', 'default', 'x'),
    log('ACL', 'LOG', '1'),
  ]);

  diffCases('AUTH, HELLO AUTH and WRONGPASS', pair, [
    skip('ACL', 'DELUSER', 'au', 'off1'),
    skip('ACL', 'LOG', 'RESET'),
    c('ACL', 'SETUSER', 'au', 'on', '>pw1', '>pw2', '+@all', '~*'),
    c('ACL', 'SETUSER', 'off1', 'off', '>pw', '+@all'),
    c('AUTH', 'pw1'),
    c('AUTH', 'au', 'bad'),
    c('AUTH', 'au', 'pw2'),
    c('ACL', 'WHOAMI'),
    c('AUTH', 'off1', 'pw'),
    c('AUTH', 'nobody', 'pw'),
    c('AUTH', 'au', 'bad'),
    c('AUTH', 'a', 'b', 'c'),
    { argv: ['HELLO', '2', 'AUTH', 'au', 'bad'], cmp: { normalize: canon } },
    { argv: ['HELLO', '2', 'AUTH', 'nobody', 'x'], cmp: { normalize: canon } },
    { argv: ['HELLO', '2', 'AUTH', 'au', 'pw1'], cmp: 'type' },
    c('ACL', 'WHOAMI'),
    c('AUTH', 'default', 'whatever'),
    c('ACL', 'WHOAMI'),
    log('ACL', 'LOG'),
    c('ACL', 'SETUSER', 'au', 'off'),
    c('ACL', 'WHOAMI'),
    c('AUTH', 'au', 'pw1'),
    c('ACL', 'DELUSER', 'au', 'off1'),
  ]);

  diffCases('MULTI with a revoked permission', pair, [
    skip('ACL', 'DELUSER', 'mu'),
    c('ACL', 'SETUSER', 'mu', 'on', 'nopass', '+multi', '+exec', '+discard', '+set', '+get', '+acl|setuser', '+acl|log', '~*'),
    c('AUTH', 'mu', 'x'),
    c('MULTI'),
    c('SET', 'k', 'v'),
    c('INCR', 'k'),
    c('EXEC'),
    c('MULTI'),
    c('SET', 'k', 'v2'),
    c('GET', 'k'),
    c('EXEC'),
    // The rules change inside the transaction: EXEC checks each command again before running it.
    c('MULTI'),
    c('SET', 'k', 'v3'),
    c('ACL', 'SETUSER', 'mu', '-set', 'resetkeys', '%R~k'),
    c('SET', 'k', 'v4'),
    c('GET', 'k'),
    c('EXEC'),
    log('ACL', 'LOG', '1'),
    c('AUTH', 'default', 'x'),
    c('GET', 'k'),
  ]);
});

/** One command on a fresh connection. */
async function call(port: number, argv: Arg[]): Promise<ReturnType<typeof decodeReply>> {
  const conn = await RespConnection.open(port);
  try {
    return decodeReply(await conn.call(argv));
  } finally {
    conn.close();
  }
}

const strings = (v: ReturnType<typeof decodeReply>) => (v.items ?? []).map((i) => i.data?.toString('latin1') ?? '');

describe('ACL CAT lists the same commands for what both servers implement', () => {
  it('every category', async () => {
    const { subject, oracle } = pair();
    const cats = strings(await call(oracle.port, ['ACL', 'CAT']));
    expect(strings(await call(subject.port, ['ACL', 'CAT']))).toEqual(cats);
    // Every command is either @fast or @slow: that gives each server's whole list of commands.
    const universe = async (port: number) =>
      new Set([...strings(await call(port, ['ACL', 'CAT', 'fast'])), ...strings(await call(port, ['ACL', 'CAT', 'slow']))]);
    const ours = await universe(subject.port);
    const theirs = await universe(oracle.port);
    expect(ours.size).toBeGreaterThan(100);
    for (const cat of cats) {
      const a = strings(await call(subject.port, ['ACL', 'CAT', cat])).filter((n) => theirs.has(n)).sort();
      const b = strings(await call(oracle.port, ['ACL', 'CAT', cat])).filter((n) => ours.has(n)).sort();
      expect(a, `@${cat}`).toEqual(b);
    }
  }, 60000);
});
