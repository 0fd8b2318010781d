// ACL through the in-process harness: Redis 7.2's rule text (rules kept in order, overridden ones dropped),
// GETUSER layout, permission checks for commands, subcommands, first arguments, keys by read/write access,
// channels and selectors, ACL LOG, DRYRUN, AUTH and the default user's password.
import { describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../server/harness.js';
import { MapReply, SetReply, ErrorReply, DoubleReply, Status } from '../protocol/reply.js';
import { hashPassword } from './user.js';

function listOf(h: Harness, name: string): string {
  const lines = h.run(['acl', 'list']) as string[];
  return lines.find((l) => l.startsWith(`user ${name} `)) ?? '';
}

/** A second connection authenticated as `user` (nopass users accept any password). */
function as(h: Harness, user: string, pass = 'x') {
  const c = h.newClient();
  expect(h.runAs(c, ['auth', user, pass])).toEqual(new Status('OK'));
  return (argv: string[]) => h.runAs(c, argv);
}

const errText = (r: unknown) => (r instanceof ErrorReply ? r.text : r);

describe('rule text (Redis 7.2 keeps the rules as given)', () => {
  const cases: Array<[string[], string]> = [
    [[], 'off sanitize-payload resetchannels -@all'],
    [['on', 'nopass', '+@all', '~*', '&*'], 'on nopass sanitize-payload ~* &* +@all'],
    [['+get', '-get', '+set'], 'off sanitize-payload resetchannels -@all -get +set'],
    [['+@hash', '-hget', '+@read'], 'off sanitize-payload resetchannels -@all +@hash -hget +@read'],
    [['+@hash', '-hget', '+@hash'], 'off sanitize-payload resetchannels -@all -hget +@hash'],
    [['+@all', '-@dangerous', '+config|get'], 'off sanitize-payload resetchannels +@all -@dangerous +config|get'],
    [['+config|get', '+config|set', '-config'], 'off sanitize-payload resetchannels -@all -config'],
    [['-config', '+CONFIG|GET'], 'off sanitize-payload resetchannels -@all -config +config|get'],
    [['+select|0', '+select|1', '-select'], 'off sanitize-payload resetchannels -@all -select'],
    [['+select|0', '+SELECT|1'], 'off sanitize-payload resetchannels -@all +select|0 +select|1'],
    [['+GET', '+@READ'], 'off sanitize-payload resetchannels -@all +get +@read'],
    [['allcommands', '-get', 'nocommands', '+set'], 'off sanitize-payload resetchannels -@all +set'],
    [['~a*', '%R~b*', '%W~c*', '%RW~d*', '%R~a*', '~e', '%w~e'], 'off sanitize-payload ~a* %R~b* %W~c* ~d* ~e resetchannels -@all'],
    [['%R~x', '%W~x'], 'off sanitize-payload ~x resetchannels -@all'],
    [['%R'], 'off sanitize-payload %R~ resetchannels -@all'],
    [['~a', 'allkeys'], 'off sanitize-payload ~* resetchannels -@all'],
    [['~a', 'resetkeys', '~b'], 'off sanitize-payload ~b resetchannels -@all'],
    [['&a', '&b', '&a'], 'off sanitize-payload resetchannels &a &b -@all'],
    [['allchannels'], 'off sanitize-payload &* -@all'],
    [['>p1', '>p2', '>p1', '<p2'], `off sanitize-payload #${hashPassword('p1')} resetchannels -@all`],
    [['skip-sanitize-payload'], 'off skip-sanitize-payload resetchannels -@all'],
    [['on', '+get', '~k', '(+set ~s*)', '(-@all +hget %R~h*)'], 'on sanitize-payload ~k resetchannels -@all +get (~s* resetchannels -@all +set) (%R~h* resetchannels -@all +hget)'],
    [['(+set', '~s*)'], 'off sanitize-payload resetchannels -@all (~s* resetchannels -@all +set)'],
    [['on', '(+set)', 'clearselectors'], 'on sanitize-payload resetchannels -@all'],
    [['on', '>x', '~k', '+get', '(+set)', 'reset'], 'off sanitize-payload resetchannels -@all'],
  ];
  for (const [rules, text] of cases) {
    test(`SETUSER ${rules.join(' ') || '(none)'}`, () => {
      const h = createHarness();
      expect(h.run(['acl', 'setuser', 'u', ...rules])).toEqual(new Status('OK'));
      expect(listOf(h, 'u')).toBe(`user u ${text}`);
      h.close();
    });
  }

  test('the default user, and requirepass giving it one password', () => {
    const h = createHarness();
    expect(listOf(h, 'default')).toBe('user default on nopass sanitize-payload ~* &* +@all');
    expect(h.run(['config', 'set', 'requirepass', 'secret'])).toEqual(new Status('OK'));
    expect(listOf(h, 'default')).toBe(`user default on sanitize-payload #${hashPassword('secret')} ~* &* +@all`);
    expect(h.run(['config', 'set', 'requirepass', ''])).toEqual(new Status('OK'));
    expect(listOf(h, 'default')).toBe('user default on nopass sanitize-payload ~* &* +@all');
    h.close();
  });

  test('acl-pubsub-default allchannels', () => {
    const h = createHarness({ 'acl-pubsub-default': 'allchannels' });
    h.run(['acl', 'setuser', 'u', '(+get)']);
    expect(listOf(h, 'u')).toBe('user u off sanitize-payload &* -@all (&* -@all +get)');
    h.run(['acl', 'setuser', 'u', 'reset']);
    expect(listOf(h, 'u')).toBe('user u off sanitize-payload &* -@all');
    h.close();
  });
});

describe('SETUSER errors (nothing changes)', () => {
  const cases: Array<[string[], string]> = [
    [['bogus'], "ERR Error in ACL SETUSER modifier 'bogus': Syntax error"],
    [['+nosuch'], "ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL"],
    [['+@nosuch'], "ERR Error in ACL SETUSER modifier '+@nosuch': Unknown command or category name in ACL"],
    [['-select|0'], "ERR Error in ACL SETUSER modifier '-select|0': Unknown command or category name in ACL"],
    [['+config|get|x'], "ERR Error in ACL SETUSER modifier '+config|get|x': Allowing first-arg of a subcommand is not supported"],
    [['+get|'], "ERR Error in ACL SETUSER modifier '+get|': Syntax error"],
    [['+config|nosuch'], "ERR Error in ACL SETUSER modifier '+config|nosuch': Unknown command or category name in ACL"],
    [['<nope'], "ERR Error in ACL SETUSER modifier '<nope': The password you are trying to remove from the user does not exist"],
    [['#abc'], "ERR Error in ACL SETUSER modifier '#abc': The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters"],
    [['allkeys', '~a'], "ERR Error in ACL SETUSER modifier '~a': Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns"],
    [['&*', '&x'], "ERR Error in ACL SETUSER modifier '&x': Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels"],
    [['%~x'], "ERR Error in ACL SETUSER modifier '%~x': Syntax error"],
    [['%RR~x'], "ERR Error in ACL SETUSER modifier '%RR~x': Syntax error"],
    [['%X~x'], "ERR Error in ACL SETUSER modifier '%X~x': Syntax error"],
    [['%'], "ERR Error in ACL SETUSER modifier '%': Syntax error"],
    [['(+get', '~k'], "ERR Unmatched parenthesis in acl selector starting at '(+get'."],
    [['(+get bogus)'], "ERR Error in ACL SETUSER modifier '(+get bogus)': Syntax error"],
  ];
  for (const [rules, err] of cases) {
    test(rules.join(' '), () => {
      const h = createHarness();
      h.run(['acl', 'setuser', 'u', 'on', '+get']);
      expect(errText(h.run(['acl', 'setuser', 'u', 'off', ...rules]))).toBe(err);
      expect(listOf(h, 'u')).toBe('user u on sanitize-payload resetchannels -@all +get');
      h.close();
    });
  }
  test('usernames with spaces', () => {
    const h = createHarness();
    expect(errText(h.run(['acl', 'setuser', 'a b']))).toBe("ERR Usernames can't contain spaces or null characters");
    h.close();
  });
});

describe('GETUSER', () => {
  test('layout: flags (a set), passwords, commands, keys, channels, selectors', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', '>pw', '-@all', '+get', '%R~foo1', '%W~bar1', '~baz1', 'resetchannels', '&ch1', '(-@all +set resetchannels &ch2 %R~foo2)']);
    const r = h.run(['acl', 'getuser', 'u']) as MapReply;
    expect(r).toBeInstanceOf(MapReply);
    const f = r.flat;
    expect(f.filter((_, i) => i % 2 === 0)).toEqual(['flags', 'passwords', 'commands', 'keys', 'channels', 'selectors']);
    expect(f[1]).toEqual(new SetReply(['on', 'sanitize-payload']));
    expect(f[3]).toEqual([hashPassword('pw')]);
    expect(f.slice(4, 10)).toEqual(['commands', '-@all +get', 'keys', '%R~foo1 %W~bar1 ~baz1', 'channels', '&ch1']);
    expect(f[11]).toEqual([new MapReply(['commands', '-@all +set', 'keys', '%R~foo2', 'channels', '&ch2'])]);
    expect(h.run(['acl', 'getuser', 'nosuch'])).toBe(null);
    expect(h.resp3(['acl', 'getuser', 'default'])).toBe(
      '%6\r\n$5\r\nflags\r\n~3\r\n$2\r\non\r\n$6\r\nnopass\r\n$16\r\nsanitize-payload\r\n$9\r\npasswords\r\n*0\r\n' +
        '$8\r\ncommands\r\n$5\r\n+@all\r\n$4\r\nkeys\r\n$2\r\n~*\r\n$8\r\nchannels\r\n$2\r\n&*\r\n$9\r\nselectors\r\n*0\r\n',
    );
    h.close();
  });
});

describe('permission checks', () => {
  test('commands, categories, subcommands and first arguments', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', 'allkeys', '+@string', '-append', '+config|get', '+select|0', '+client']);
    const run = as(h, 'u');
    expect(run(['set', 'k', 'v'])).toEqual(new Status('OK'));
    expect(run(['get', 'k'])).toBe('v');
    expect(errText(run(['append', 'k', 'v']))).toBe("NOPERM User u has no permissions to run the 'append' command");
    expect(errText(run(['hset', 'h', 'f', 'v']))).toBe("NOPERM User u has no permissions to run the 'hset' command");
    expect(run(['config', 'get', 'maxmemory'])).not.toBeInstanceOf(ErrorReply);
    expect(errText(run(['config', 'set', 'maxmemory', '0']))).toBe("NOPERM User u has no permissions to run the 'config|set' command");
    expect(run(['select', '0'])).toEqual(new Status('OK'));
    expect(errText(run(['select', '1']))).toBe("NOPERM User u has no permissions to run the 'select' command");
    expect(run(['client', 'id'])).toBeTypeOf('number');
    // Arity and unknown subcommands are checked before permissions, as in Redis.
    expect(errText(run(['hset', 'h']))).toBe("ERR wrong number of arguments for 'hset' command");
    expect(errText(run(['config', 'nosuch']))).toMatch(/^ERR unknown subcommand 'nosuch'/);
    // AUTH needs no permission.
    expect(run(['auth', 'u', 'any'])).toEqual(new Status('OK'));
    h.close();
  });

  test('keys: read and write patterns follow the key-spec flags', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+@all', '%R~r*', '%W~w*', '~rw*']);
    h.run(['set', 'r1', 'a']);
    h.run(['set', 'rw1', 'b']);
    const run = as(h, 'u');
    expect(run(['get', 'r1'])).toBe('a');
    expect(errText(run(['set', 'r1', 'x']))).toBe('NOPERM No permissions to access a key');
    expect(run(['set', 'w1', 'x'])).toEqual(new Status('OK'));
    expect(errText(run(['get', 'w1']))).toBe('NOPERM No permissions to access a key');
    // SET with GET reads too; APPEND (RW insert) only writes; LPUSH inserts.
    expect(errText(run(['set', 'w1', 'y', 'GET']))).toBe('NOPERM No permissions to access a key');
    expect(run(['append', 'w1', 'z'])).toBe(2);
    expect(run(['set', 'rw1', 'c', 'GET'])).toBe('b');
    // COPY reads the source and writes the destination.
    expect(run(['copy', 'r1', 'w2'])).toBe(1);
    expect(errText(run(['copy', 'w1', 'r2']))).toBe('NOPERM No permissions to access a key');
    expect(errText(run(['mget', 'r1', 'x']))).toBe('NOPERM No permissions to access a key');
    // Commands without keys are unaffected.
    expect(run(['dbsize'])).toBeTypeOf('number');
    h.close();
  });

  test('channels: PUBLISH/SUBSCRIBE match patterns, PSUBSCRIBE compares literally', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+@all', 'allkeys', 'resetchannels', '&news.*', '&exact']);
    const run = as(h, 'u');
    expect(run(['publish', 'news.1', 'm'])).toBe(0);
    expect(errText(run(['publish', 'other', 'm']))).toBe('NOPERM No permissions to access a channel');
    expect(errText(run(['psubscribe', 'news.1']))).toBe('NOPERM No permissions to access a channel');
    expect(errText(run(['subscribe', 'exact', 'other']))).toBe('NOPERM No permissions to access a channel');
    expect(run(['psubscribe', 'news.*'])).not.toBeInstanceOf(ErrorReply);
    h.close();
  });

  test('selectors: any selector allowing the whole line is enough', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+get', '~a*', '(+set ~b*)']);
    const run = as(h, 'u');
    expect(run(['get', 'a1'])).toBe(null);
    expect(run(['set', 'b1', 'v'])).toEqual(new Status('OK'));
    expect(errText(run(['set', 'a1', 'v']))).toBe('NOPERM No permissions to access a key');
    expect(errText(run(['get', 'b1']))).toBe('NOPERM No permissions to access a key');
    expect(errText(run(['del', 'a1']))).toBe("NOPERM User u has no permissions to run the 'del' command");
    h.close();
  });

  test('MULTI: a refused command dooms the transaction; the log says multi', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+multi', '+exec', '+set', '~*']);
    const run = as(h, 'u');
    expect(run(['multi'])).toEqual(new Status('OK'));
    expect(run(['set', 'k', 'v'])).toEqual(new Status('QUEUED'));
    expect(errText(run(['get', 'k']))).toBe("NOPERM User u has no permissions to run the 'get' command");
    expect(errText(run(['exec']))).toBe('EXECABORT Transaction discarded because of previous errors.');
    expect(h.run(['exists', 'k'])).toBe(0);
    const log = h.run(['acl', 'log', '1']) as MapReply[];
    expect(log[0].flat.slice(0, 10)).toEqual(['count', 1, 'reason', 'command', 'context', 'multi', 'object', 'get', 'username', 'u']);
    h.close();
  });

  test('SORT BY and GET need read access to every key', () => {
    const h = createHarness();
    h.run(['rpush', 'l', '2', '1']);
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+@all', '~l']);
    h.run(['acl', 'setuser', 'r', 'on', 'nopass', '+@all', '%R~*', '~l']);
    const u = as(h, 'u');
    expect(u(['sort', 'l'])).toEqual(['1', '2']);
    expect(u(['sort', 'l', 'by', 'nosort'])).toEqual(['2', '1']);
    expect(errText(u(['sort', 'l', 'by', 'w_*']))).toBe('ERR BY option of SORT denied due to insufficient ACL permissions.');
    expect(errText(u(['sort', 'l', 'get', '#']))).toBe('ERR GET option of SORT denied due to insufficient ACL permissions.');
    const r = as(h, 'r');
    expect(r(['sort', 'l', 'by', 'w_*', 'get', '#'])).toEqual(['1', '2']);
    h.close();
  });
});

describe('AUTH, LOG, DRYRUN and users', () => {
  test('AUTH failures are logged and grouped; WRONGPASS for off users', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', '>pw', '+@all']);
    const c = h.newClient();
    expect(h.runAs(c, ['auth', 'u', 'pw'])).toEqual(new Status('OK'));
    expect(h.runAs(c, ['acl', 'whoami'])).toBe('u');
    expect(errText(h.runAs(c, ['auth', 'u', 'bad']))).toBe('WRONGPASS invalid username-password pair or user is disabled.');
    expect(errText(h.runAs(c, ['AUTH', 'u', 'bad']))).toBe('WRONGPASS invalid username-password pair or user is disabled.');
    expect(errText(h.runAs(c, ['auth', 'nobody', 'x']))).toBe('WRONGPASS invalid username-password pair or user is disabled.');
    expect(errText(h.runAs(c, ['auth', 'x']))).toMatch(/^ERR AUTH <password> called without any password configured/);
    h.run(['acl', 'setuser', 'u', 'off']);
    expect(errText(h.runAs(c, ['auth', 'u', 'pw']))).toBe('WRONGPASS invalid username-password pair or user is disabled.');
    const log = h.run(['acl', 'log']) as MapReply[];
    expect(log.map((e) => [e.flat[1], e.flat[3], e.flat[7], e.flat[9]])).toEqual([
      [2, 'auth', 'auth', 'u'],
      [1, 'auth', 'auth', 'nobody'],
      [1, 'auth', 'AUTH', 'u'],
    ]);
    expect(log[0].flat.filter((_, i) => i % 2 === 0)).toEqual([
      'count', 'reason', 'context', 'object', 'username', 'age-seconds', 'client-info', 'entry-id', 'timestamp-created', 'timestamp-last-updated',
    ]);
    expect(log[0].flat[11]).toBeInstanceOf(DoubleReply);
    expect(String(log[0].flat[13])).toMatch(/ user=u /);
    expect(log.map((e) => e.flat[15])).toEqual([0, 2, 1]);
    expect((h.run(['acl', 'log', '1']) as unknown[]).length).toBe(1);
    expect(h.run(['acl', 'log', 'reset'])).toEqual(new Status('OK'));
    expect(h.run(['acl', 'log'])).toEqual([]);
    h.close();
  });

  test('acllog-max-len trims the oldest entries', () => {
    const h = createHarness({ 'acllog-max-len': '2' });
    const c = h.newClient();
    for (const u of ['a', 'b', 'c']) h.runAs(c, ['auth', u, 'x']);
    expect((h.run(['acl', 'log']) as MapReply[]).map((e) => e.flat[9])).toEqual(['c', 'b']);
    h.close();
  });

  test('DRYRUN', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', '~k*', '&ch*', '+get', '+publish', '+config|get']);
    expect(h.run(['acl', 'dryrun', 'u', 'get', 'k1'])).toEqual(new Status('OK'));
    expect(h.run(['acl', 'dryrun', 'u', 'get', 'x'])).toBe("This user has no permissions to access the 'x' key");
    expect(h.run(['acl', 'dryrun', 'u', 'set', 'k', 'v'])).toBe("User u has no permissions to run the 'set' command");
    expect(h.run(['acl', 'dryrun', 'u', 'publish', 'zz', 'm'])).toBe("This user has no permissions to access the 'zz' channel");
    expect(h.run(['acl', 'dryrun', 'u', 'config', 'set', 'a', 'b'])).toBe("User u has no permissions to run the 'config|set' command");
    expect(errText(h.run(['acl', 'dryrun', 'u', 'nosuch']))).toBe("ERR Command 'nosuch' not found");
    expect(errText(h.run(['acl', 'dryrun', 'u', 'config', 'nosub']))).toBe("ERR Command 'config' not found");
    expect(errText(h.run(['acl', 'dryrun', 'nobody', 'get', 'k']))).toBe("ERR User 'nobody' not found");
    expect(errText(h.run(['acl', 'dryrun', 'u', 'get']))).toBe("ERR wrong number of arguments for 'get' command");
    // A dry run logs nothing.
    expect(h.run(['acl', 'log'])).toEqual([]);
    h.close();
  });

  test('DELUSER closes the connections of the deleted user and cannot delete default', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+@all']);
    const c = h.newClient();
    h.runAs(c, ['auth', 'u', 'x']);
    expect(errText(h.run(['acl', 'deluser', 'u', 'default']))).toBe("ERR The 'default' user cannot be removed");
    expect(h.run(['acl', 'deluser', 'u', 'nosuch'])).toBe(1);
    expect(c.closed).toBe(true);
    expect(c.user).toBe('default');
    expect(h.run(['acl', 'users'])).toEqual(['default']);
    expect(errText(h.run(['client', 'kill', 'user', 'u']))).toBe("ERR No such user 'u'");
    h.close();
  });

  test('revoking channels cuts off subscribers that no longer qualify', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+@all', 'allchannels']);
    const c = h.newClient();
    h.runAs(c, ['auth', 'u', 'x']);
    h.runAs(c, ['subscribe', 'a']);
    h.run(['acl', 'setuser', 'u', 'resetchannels', '&a']);
    expect(c.closed).toBe(false);
    h.run(['acl', 'setuser', 'u', 'resetchannels', '&b']);
    expect(c.closed).toBe(true);
    h.close();
  });

  test('CAT, GENPASS, USERS', () => {
    const h = createHarness();
    const cats = h.run(['acl', 'cat']) as string[];
    expect(cats.length).toBe(21);
    expect(cats[0]).toBe('keyspace');
    const hash = h.run(['acl', 'cat', 'HASH']) as string[];
    expect(hash).toContain('hset');
    expect(hash).not.toContain('get');
    expect(h.run(['acl', 'cat', 'connection'])).toContain('client|id');
    expect(errText(h.run(['acl', 'cat', 'nosuch']))).toBe("ERR Unknown category 'nosuch'");
    expect(h.run(['acl', 'genpass'])).toMatch(/^[0-9a-f]{64}$/);
    expect(h.run(['acl', 'genpass', '5'])).toMatch(/^[0-9a-f]{2}$/);
    expect(h.run(['acl', 'genpass', '4096'])).toMatch(/^[0-9a-f]{1024}$/);
    expect(errText(h.run(['acl', 'genpass', '0']))).toMatch(/^ERR ACL GENPASS argument must be the number of bits/);
    expect(errText(h.run(['acl', 'genpass', 'x']))).toBe('ERR value is not an integer or out of range');
    h.run(['acl', 'setuser', 'zed']);
    h.run(['acl', 'setuser', 'abe']);
    expect(h.run(['acl', 'users'])).toEqual(['abe', 'default', 'zed']);
    h.close();
  });
});

describe('key pattern matching', () => {
  test('the short-cut shapes agree with glob matching', async () => {
    const { keyPattern, matchKey } = await import('./selector.js');
    const { stringMatch } = await import('../util/glob.js');
    const patterns = ['*', 'exact', 'pre*', 'pre\\*', 'k?y', 'a[bc]d', '*suffix', 'a*b*', '', '[*]', 'x\\?'];
    const keys = ['', 'exact', 'exac', 'pre', 'prefix', 'pre*', 'key', 'kkey', 'abd', 'acd', 'aed', 'my-suffix', 'ab', 'axxb', '*', 'x?', 'xa'];
    for (const p of patterns) {
      const kp = keyPattern(p, 3);
      for (const k of keys) expect(matchKey(kp, k), `${p} ~ ${k}`).toBe(stringMatch(p, k));
    }
  });
});

describe('EXEC and INFO', () => {
  test('EXEC refuses queued commands whose permission was revoked meanwhile', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+multi', '+exec', '+set', '+get', '~*']);
    const run = as(h, 'u');
    run(['multi']);
    run(['set', 'k', 'v']);
    run(['get', 'k']);
    h.run(['acl', 'setuser', 'u', '-set']);
    const r = run(['exec']) as unknown[];
    expect(errText(r[0])).toBe(
      'NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: no permission to execute the command or subcommand',
    );
    expect(r[1]).toBe(null);
    const log = h.run(['acl', 'log', '1']) as MapReply[];
    expect(log[0].flat.slice(0, 10)).toEqual(['count', 1, 'reason', 'command', 'context', 'multi', 'object', 'set', 'username', 'u']);
    h.close();
  });

  test('INFO stats counts denials by reason', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+get', '+publish', '~k']);
    const run = as(h, 'u');
    run(['set', 'k', 'v']);
    run(['get', 'x']);
    run(['publish', 'c', 'm']);
    h.runAs(h.newClient(), ['auth', 'u2', 'x']);
    const info = h.resp(['info', 'stats']);
    expect(info).toContain('acl_access_denied_auth:1\r\nacl_access_denied_cmd:1\r\nacl_access_denied_key:1\r\nacl_access_denied_channel:1');
    h.close();
  });
});

describe('scripts', () => {
  test('redis.call is checked against the caller, logged with context lua', () => {
    const h = createHarness();
    h.run(['acl', 'setuser', 'u', 'on', 'nopass', '+eval', '+get', '~k*']);
    const run = as(h, 'u');
    expect(errText(run(['eval', "return redis.call('set','k1','v')", '0']))).toMatch(
      /^ERR ACL failure in script: User u has no permissions to run the 'set' command script: /,
    );
    expect(errText(run(['eval', "return redis.pcall('get','x')", '0']))).toBe('ERR ACL failure in script: No permissions to access a key');
    expect(run(['eval', "return redis.call('get','k1')", '0'])).toBe(null);
    const log = h.run(['acl', 'log']) as MapReply[];
    expect(log.map((e) => e.flat.slice(2, 10))).toEqual([
      ['reason', 'key', 'context', 'lua', 'object', 'x', 'username', 'u'],
      ['reason', 'command', 'context', 'lua', 'object', 'set', 'username', 'u'],
    ]);
    // client-info describes the connection that ran the script.
    expect(String(log[0].flat[13])).toMatch(/ cmd=eval user=u /);
    h.close();
  });
});

test('SLOWLOG hides the arguments of ACL SETUSER', () => {
  const h = createHarness({ 'slowlog-log-slower-than': '0' });
  h.run(['acl', 'setuser', 'zz', '>secret']);
  const entries = h.run(['slowlog', 'get', '1']) as unknown[][];
  expect(entries[0][3]).toEqual(['acl', 'setuser', '(redacted)', '(redacted)']);
  h.close();
});
