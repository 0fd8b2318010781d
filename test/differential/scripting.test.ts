// Differential cases for Lua scripting and Functions, sent to cinnabar and to the real redis-server and
// compared byte for byte: every Lua<->RESP conversion rule, the bundled libraries, the sandbox, shebang
// flags, error wording (with script digest and line), the script cache, function libraries, and the
// scripts real applications use (rate limiter, lock release).
import { describe, expect, it } from 'vitest';
import { as, diffCases, skip, useDiffPair, type CaseInput } from '../helpers/differential.js';
import type { RespValue } from '../helpers/resp.js';

const pair = useDiffPair();

/** FUNCTION LIST with each library's functions in a fixed order (Redis lists them in hash order). */
function libsNormalized(v: RespValue): string {
  const walk = (x: RespValue, parentKey: string): string => {
    if (!x.items) return x.raw.toString('latin1');
    const parts = x.items.map((it, i) => walk(it, i > 0 ? (x.items![i - 1].data?.toString('latin1') ?? '') : ''));
    if (parentKey === 'functions') parts.sort();
    return `${x.type}[${parts.join(',')}]`;
  };
  return walk(v, '');
}
const list = (...argv: string[]): CaseInput => as({ normalize: libsNormalized, label: 'functions sorted' }, argv);

const ev = (script: string, ...rest: string[]): string[] => ['EVAL', script, ...(rest.length ? rest : ['0'])];

/** Doubles compared by value: 7.0 prints %.17g, 7.2 (our target) the shortest form that reads back the same. */
function doublesByValue(v: RespValue): string {
  const render = (r: RespValue): string => {
    if (r.items) return `${r.type}${r.items.length}[${r.items.map(render).join('|')}]`;
    const text = r.data?.toString('latin1');
    if (text !== undefined && (r.type === ',' || r.type === '$') && /^-?[0-9.]+(e[-+]?[0-9]+)?$/.test(text)) return `${r.type}#${Number(text)}`;
    return r.raw.toString('latin1');
  };
  return render(v);
}
const evd = (script: string): CaseInput => as({ normalize: doublesByValue, label: 'doubles by value' }, ['EVAL', script, '0']);

describe('scripting: RESP3 result tables', () => {
  // Redis converts these tables whatever the client's protocol (RESP2 gets the flattened forms).
  diffCases('double, big_number, verbatim_string, map, set', pair, [
    evd('return {double=3.14}'),
    evd('return {double=-0.5}'),
    evd('return {double=1/0}'),
    evd('return {double=-1/0}'),
    ev("return {double='3.14'}"),
    ev("return {big_number='123456789012345678901234567890'}"),
    ev('return {big_number=5}'),
    ev("return {verbatim_string={format='txt', string='hello'}}"),
    ev("return {verbatim_string={format='txt'}}"),
    ev("return {map={a=1}}"),
    evd("return {map={a={double=2.5}}, 'ignored'}"),
    ev("return {set={x=true}}"),
    ev("return {{set={p=true}}, {map={k='v'}}, 'tail'}"),
    ev("return {err='MYERR e', double=1}"),
    ev("return {ok='fine', map={a=1}}"),
    ev("redis.call('del', 'h3') redis.call('hset', 'h3', 'f', 'v') redis.setresp(3) return redis.call('hgetall', 'h3')"),
    ev("redis.call('del', 's3') redis.call('sadd', 's3', 'm') redis.setresp(3) return redis.call('smembers', 's3')"),
    evd("redis.call('del', 'z3') redis.call('zadd', 'z3', '1.5', 'm') redis.setresp(3) return redis.call('zscore', 'z3', 'm')"),
    ev("redis.setresp(3) return redis.call('hgetall', 'nosuch')"),
  ]);
});

describe('scripting: Lua to RESP conversions', () => {
  diffCases('return values', pair, [
    ev('return 1'),
    ev('return -7'),
    ev('return 3.99'),
    ev('return -3.99'),
    ev('return 0.5'),
    // Integer replies past the 64-bit range, NaN and the infinities: INT64_MIN, as Redis's cast gives.
    ev('return 0/0'),
    ev('return 1/0'),
    ev('return -1/0'),
    ev('return 2^63'),
    ev('return -2^63'),
    ev('return 2^63 - 1024'),
    ev('return 2^53 + 2'),
    ev('return {0/0, 2^70, -2^70}'),
    // Numbers passed to commands, where Redis 7.0's %.17g and 7.2's forms agree: integers (all of
    // their digits), halves and quarters, the infinities.
    ev("return redis.call('echo', 1e15)"),
    ev("return redis.call('echo', 3)"),
    ev("return redis.call('echo', -7)"),
    ev("return redis.call('echo', 2^53)"),
    ev("return redis.call('echo', 0.5)"),
    ev("return redis.call('echo', -2.25)"),
    ev("return redis.call('echo', 1/0)"),
    ev("return redis.call('echo', -1/0)"),
    ev("redis.call('set', KEYS[1], 10) return redis.call('incrby', KEYS[1], 1e12)", '1', 'numarg'),
    ev("return 'hello'"),
    ev("return ''"),
    ev("return 'a\\0b'"),
    ev('return nil'),
    ev('return true'),
    ev('return false'),
    ev('return {}'),
    ev("return {1, 'two', 3.7, {4, {5}}}"),
    ev('return {1, 2, nil, 4}'),
    ev("return {1, false, 'x'}"),
    ev('return {a = 1}'),
    ev("return {ok = 'FINE'}"),
    ev("return {err = 'MYERR something'}"),
    ev("return {err = 'plain'}"),
    ev("return redis.status_reply('DONE')"),
    ev("return redis.error_reply('CODE text')"),
    ev("return redis.error_reply('text without code')"),
    ev("return {1, {err = 'inner'}, {ok = 'fine'}}"),
    ev('return unpack({1, 2, 3})'),
    ev('return 9007199254740993'),
    ev('return -9007199254740993'),
    ev('return 2^53'),
    ev("return tostring(0.1) .. ' ' .. tostring(1e15) .. ' ' .. tostring(1/3) .. ' ' .. tostring(100)"),
    ev("return string.format('%d %5.2f %s %q', 42, 3.14159, 'x', 'a\\nb')"),
    ev("return {ok = 'line\\nbreak'}"),
  ]);
  diffCases('KEYS and ARGV', pair, [
    ev('return {KEYS[1], KEYS[2], ARGV[1], ARGV[2], #KEYS, #ARGV}', '2', 'k1', 'k2', 'a1', 'a2'),
    ev('return ARGV[3]', '0', 'a', 'b'),
    ev('return #KEYS', '0'),
    ev('return KEYS[1]', '1', 'bin\x00key\xff'),
    ev('return 1', '-1'),
    ev('return 1', '3', 'a'),
    ev('return 1', 'x'),
    ev('return 1', '99999999999999999999'),
    ev('return 1', ''),
    ['EVAL', 'return 1'],
  ]);
  diffCases('command replies seen from Lua (RESP2 conversions)', pair, [
    ['SET', 'str', 'v'],
    ['RPUSH', 'list', 'a', 'b', 'c'],
    ['HSET', 'h', 'f', '1'],
    ['ZADD', 'z', '1.5', 'm'],
    ev("local r = redis.call('set', 'x', 'y') return {type(r), r.ok}"),
    ev("local r = redis.call('get', 'nokey') return {type(r), tostring(r)}"),
    ev("local r = redis.call('get', 'str') return {type(r), r}"),
    ev("local r = redis.call('incr', 'counter') return {type(r), r}"),
    ev("local r = redis.call('lrange', 'list', 0, -1) return {type(r), #r, r[1]}"),
    ev("local r = redis.call('hgetall', 'h') return r"),
    ev("local r = redis.call('zscore', 'z', 'm') return {type(r), r}"),
    ev("local r = redis.pcall('incr', 'str') return {type(r), r.err}"),
    ev("local r = redis.call('exists', 'str', 'nokey') return r"),
    ev("local r = redis.call('blpop', 'nolist', 1) return r"),
    ev("return redis.call('lpop', 'nolist')"),
    ev("return redis.call('ping')"),
    ev("return redis.call('type', 'list')"),
    ev("return redis.call('echo', 12)"),
    ev("return redis.call('echo', 1.5)"),
    ev("return redis.call('echo', -0.25)"),
    ev("return redis.call('zrange', 'z', 0, -1, 'withscores')"),
    ev("return redis.call('smismember', 'noset', 'a')"),
    ev("return redis.call('GET', 'str')"),
  ]);
  diffCases('RESP3 inside scripts (redis.setresp)', pair, [
    ['HSET', 'h', 'f', '1', 'g', '2'],
    ['ZADD', 'z', '1.5', 'm'],
    ['SADD', 's', 'only'],
    ev("redis.setresp(3) local r = redis.call('hgetall', 'h') return {type(r), type(r.map)}"),
    ev("redis.setresp(3) local r = redis.call('hgetall', 'h') return r.map.f"),
    ev("redis.setresp(3) return redis.call('hgetall', 'h')"),
    ev("redis.setresp(3) return redis.call('smembers', 's')"),
    ev("redis.setresp(3) local r = redis.call('zscore', 'z', 'm') return {type(r), type(r.double)}"),
    ev("redis.setresp(3) return redis.call('zscore', 'z', 'm')"),
    // Not compared (the interpreter's conversions differ): a null reply under setresp(3) reaches Lua as
    // false rather than nil, and a {double=...} table returned under RESP2 conversion becomes an empty array.
    ev("redis.setresp(3) return {double = 3.5}"),
    ev("redis.setresp(3) return true"),
    ev("redis.setresp(3) return false"),
    ev("redis.setresp(3) return {map = {a = 1}}"),
    ev("redis.setresp(3) return {set = {x = true}}"),
    ev('redis.setresp(4)'),
    ev("redis.setresp('x')"),
    ev("redis.setresp(2) return redis.call('hgetall', 'h')"),
  ]);
});

describe('scripting: libraries and sandbox', () => {
  diffCases('bundled libraries', pair, [
    ev("return cjson.encode({1, 2, 'three', {a = true}})"),
    ev("return cjson.encode({x = 1.5})"),
    ev("local t = cjson.decode('[1,2,{\"a\":\"b\"}]') return {t[1], t[2], t[3].a}"),
    ev("return cjson.decode('{\"n\": 12345678901}').n"),
    ev("return cjson.encode(cjson.decode('{\"n\":null}'))"),
    ev("local ok, e = pcall(cjson.decode, '{bad') return tostring(ok)"),
    ev("return cmsgpack.pack({1, 2, 'x'})"),
    ev("local t = cmsgpack.unpack(cmsgpack.pack({a = 1, b = {1, 2}})) return {t.a, t.b[2]}"),
    ev('return {cmsgpack.unpack(cmsgpack.pack(1, 2, 3))}'),
    ev('return bit.band(0xff, 0x0f)'),
    ev('return {bit.bor(1, 2), bit.bxor(3, 1), bit.lshift(1, 4), bit.rshift(256, 4), bit.bnot(0), bit.tohex(255)}'),
    ev("return struct.pack('>I2i4', 258, -1)"),
    ev("return {struct.unpack('>I2', '\\1\\2')}"),
    ev("return redis.sha1hex('')"),
    ev("return redis.sha1hex('hello world')"),
    ev('return math.floor(7.9)'),
    ev("return string.rep('ab', 3)"),
    ev("return table.concat({'a', 'b', 'c'}, ',')"),
    ev("return type(loadstring)"),
    ev('return redis.LOG_WARNING'),
    ev('return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE}'),
    ev("redis.log(redis.LOG_NOTICE, 'from a script') return 1"),
    ev('return redis.REPL_ALL'),
    ev('return redis.set_repl(redis.REPL_ALL)'),
  ]);
  diffCases('sandbox', pair, [
    ev('x = 1 return x'),
    ev('return undefinedvar'),
    ev('return print'),
    ev("return os"),
    ev("return io"),
    ev("return debug"),
    ev("return require"),
    ev("rawset(_G, 'y', 1) return 1"),
    ev("local t = string t.x = 1 return 1"),
    ev('local a = 1 return a + 1'),
    ev("local f = function() return 'inner' end return f()"),
    ev("return type(_G)"),
  ]);
});

describe('scripting: errors', () => {
  diffCases('compile and runtime errors', pair, [
    ['SET', 'str', 'v'],
    ev('return ('),
    ev('retur 1'),
    ev('return 1 +'),
    ev("error('oops')"),
    ev("error('oops', 0)"),
    ev('local t = nil return t.x'),
    ev("return 1 + 'a'"),
    ev("return redis.call('nosuchcommand')"),
    ev("return redis.call('get')"),
    ev("return redis.call('incr', 'str')"),
    ev("return redis.call('incr',\n'str')"),
    ev('return redis.call()'),
    ev('return redis.pcall()'),
    ev('return redis.call({})'),
    ev("return redis.call('set', 'k', {})"),
    ev("return redis.call('eval', 'return 1', 0)"),
    ev("return redis.call('multi')"),
    ev("return redis.call('subscribe', 'ch')"),
    ev("return redis.call('blpop', 'l', 0)"),
    ev("return redis.call('watch', 'x')"),
    ev("return redis.pcall('nosuch')"),
    ev("local r = redis.pcall('incr', 'str') return r"),
    ev("local ok, e = pcall(redis.call, 'incr', 'str') return e"),
    ev("local ok, e = pcall(redis.call, 'incr', 'str') return type(e)"),
    ev("return redis.error_reply('WRONGTYPE custom')"),
    ev('\n\nerror("line three")'),
  ]);
  // A raised table is Redis's error object: its err field is the reply, as it is (no ERR added),
  // followed by where it was raised. (A table without err crashes redis-server 7.0: not compared.)
  diffCases('error tables', pair, [
    ev("error({err='My Error'})"),
    ev("error({err='WRONGTYPE from a table'})"),
    ev("error({err='ERR with code'})"),
    ev('error({err=42})'),
    ev("local x = 1\n\nerror({err='on line three'})"),
    ev("error({err='x', line=99, source='elsewhere'})"),
    ev("local function f() error({err='nested'}) end\nf()"),
    ev("local ok, e = pcall(error, {err='caught'}) return {tostring(ok), type(e), e}"),
    ev("local ok, e = pcall(function() error({err='inner'}) end) return e"),
    ev("local ok, e = pcall(error, {err=5}) return {type(e), e}"),
    ev("local ok, e = pcall(error, {other='x'}) return type(e)"),
    ev("local ok, e = pcall(redis.call, 'incr', 'str') return e"),
    ev("return redis.error_reply('returned, not raised')"),
  ]);
});

describe('scripting: the redis library', () => {
  // Argument checks and wording of redis.* as script_lua.c has them; errors name the caller's line.
  diffCases('helpers, their arguments and errors', pair, [
    ev('\nredis.setresp(4)'),
    ev('\nredis.setresp()'),
    ev("return redis.setresp('3')"),
    ev('local ok, e = pcall(redis.setresp, 7) return e'),
    ev('\n\nreturn redis.error_reply(1)'),
    ev('return redis.error_reply()'),
    ev("return redis.error_reply('x')"),
    ev("return redis.error_reply('-x y')"),
    ev("return redis.error_reply('a b c')"),
    ev("return redis.error_reply('')"),
    ev("return redis.error_reply('-')"),
    ev("return redis.error_reply('MYCODE trailing\r\n')"),
    ev('return redis.status_reply(1)'),
    ev("return redis.status_reply('fine')"),
    ev("return redis.status_reply('-x')"),
    ev('\nredis.log()'),
    ev("\nlocal r = redis.log('x', 'y')"),
    ev("\nredis.log(99, 'y')"),
    ev("\nredis.log(-1, 'y')"),
    ev("return {redis.log(3, 'a', 5, {}, 'b')}"),
    ev("redis.log('2', 'numeric string level') return 1"),
    ev("redis.log(redis.LOG_DEBUG, 'dropped at the default verbosity') return 1"),
    ev('\nlocal a = redis.sha1hex()'),
    ev("return redis.sha1hex('abc')"),
    ev('return redis.sha1hex(5)'),
    ev('return tostring(redis.breakpoint())'),
    ev("redis.debug('x', 1) return 1"),
    ev("return redis.acl_check_cmd('get', 'x')"),
    ev("return redis.acl_check_cmd('get')"),
    ev("return redis.acl_check_cmd('config', 'get', 'x')"),
    ev("\nlocal r = redis.acl_check_cmd('nosuch')"),
    ev('\n\nlocal r = redis.acl_check_cmd()'),
    ev("\nlocal r = redis.acl_check_cmd('get', {})"),
    ev('local t = {} for k in pairs(redis) do t[#t + 1] = k end table.sort(t) return t'),
  ]);
});

describe('scripting: math.random', () => {
  // Redis's rand48 generator: one sequence per process, not reseeded per script or by SCRIPT FLUSH.
  diffCases('Redis\'s generator, its seeds and argument errors', pair, [
    ev('math.randomseed(42) return {tostring(math.random()), math.random(100), math.random(5, 10)}'),
    ev('return {tostring(math.random()), math.random(1000)}'),
    ['SCRIPT', 'FLUSH'],
    ev('return {tostring(math.random()), math.random(1000)}'),
    ev('math.randomseed(-5) return tostring(math.random())'),
    ev('math.randomseed(2^40) return tostring(math.random())'),
    ev('math.randomseed(3.9) return tostring(math.random())'),
    ev("math.randomseed('7') return tostring(math.random())"),
    ev('math.randomseed(1) local t = {} for i = 1, 20 do t[i] = math.random(6) end return t'),
    ev('math.randomseed(2) return {math.random(2.7), tostring(math.random(-3, -1)), math.random(1, 1)}'),
    ev('\nlocal x = math.random(0)'),
    ev('\nlocal x = math.random(5, 1)'),
    ev('\nlocal x = math.random(1, 2, 3)'),
    ev("\nlocal x = math.random('x')"),
    ev('local x = math.random(nil)'),
    ev('local x = math.random(1, nil)'),
    ev('local x = math.random(true)'),
    ev('local x = math.random(0.5)'),
    ev('local x = math.random(2147483648)'),
    ev('local x = math.random(1e300)'),
    ev('\nmath.randomseed()'),
    ev('return math.randomseed(1)'),
  ]);
});

describe('scripting: redis.acl_check_cmd for a restricted user', () => {
  diffCases('what the script\'s user may run', pair, [
    ['ACL', 'LOG', 'RESET'],
    ['ACL', 'SETUSER', 'scriptuser', 'reset', 'on', 'nopass', '+eval', '+get', '~pub:*'],
    ['AUTH', 'scriptuser', 'any'],
    ev("return redis.acl_check_cmd('get', 'pub:1')"),
    ev("return redis.acl_check_cmd('get', 'secret')"),
    ev("return redis.acl_check_cmd('set', 'pub:1', 'v')"),
    ev("return tostring(redis.acl_check_cmd('set', 'pub:1', 'v'))"),
    ['AUTH', 'default', 'any'],
    // Checking is not trying: nothing was logged.
    ['ACL', 'LOG'],
    ['ACL', 'DELUSER', 'scriptuser'],
  ]);
});

describe('scripting: redis.set_repl', () => {
  diffCases('arguments and errors', pair, [
    ev('redis.set_repl()'),
    ev('\nredis.set_repl(99)'),
    ev('\n\nlocal x = redis.set_repl(99)'),
    ev("redis.set_repl('x')"),
    ev('return redis.set_repl(redis.REPL_NONE)'),
    ev('redis.set_repl(1, 2)'),
    ev('local ok, e = pcall(redis.set_repl, 99) return e'),
    ev('redis.set_repl(-1)'),
    ev('redis.set_repl(2.5)'),
    ev('redis.setresp(3) return redis.set_repl(3)'),
    ev("redis.set_repl(redis.REPL_NONE) redis.call('set', 'sr', '1') return redis.call('get', 'sr')"),
    ev('return {redis.REPL_NONE, redis.REPL_AOF, redis.REPL_REPLICA, redis.REPL_SLAVE, redis.REPL_ALL}'),
  ]);
});

describe('scripting: RESP3 nulls', () => {
  // After redis.setresp(3) a null reply reaches Lua as nil (false under RESP2).
  diffCases('null is nil under setresp(3), false under 2', pair, [
    ['DEL', 'nk', 'mk'],
    ['SET', 'mk', 'v'],
    ev("local v = redis.call('get', 'nk') return type(v)"),
    ev("redis.setresp(3) local v = redis.call('get', 'nk') return type(v)"),
    ev("redis.setresp(3) local v = redis.call('get', 'nk') return v == nil"),
    ev("redis.setresp(3) local v = redis.call('mget', 'mk', 'nk', 'mk') return {type(v[1]), type(v[2]), type(v[3])}"),
    ev("redis.setresp(3) redis.setresp(2) local v = redis.call('get', 'nk') return type(v)"),
    ev("redis.setresp(3) local v = redis.pcall('get', 'nk') return tostring(v)"),
    ev("redis.setresp(3) return redis.call('get', 'nk')"),
    ev("local v = redis.call('get', 'nk') redis.setresp(3) local w = redis.call('get', 'nk') return {type(v), type(w)}"),
  ]);
});

describe('scripting: shebang flags and read-only forms', () => {
  diffCases('flags', pair, [
    ['SET', 'k', 'v'],
    ev("#!lua\nreturn redis.call('get', 'k')"),
    ev("#!lua flags=no-writes\nreturn redis.call('get', 'k')"),
    ev("#!lua flags=no-writes\nreturn redis.call('set', 'k', 'x')"),
    ev("#!lua flags=no-writes,allow-oom,allow-stale,no-cluster,allow-cross-slot-keys\nreturn 1"),
    ev('#!lua flags=\nreturn 2'),
    ev('#!lua flags=bogus\nreturn 1'),
    ev('#!lua name=x\nreturn 1'),
    ev('#!lua x=1\nreturn 1'),
    ev('#!luajit\nreturn 1'),
    ev('#!lua'),
    ev("#!lua\nerror('second line')"),
    ['EVAL_RO', "return redis.call('get', 'k')", '0'],
    ['EVAL_RO', "return redis.call('set', 'k', 'z')", '0'],
    ['EVAL_RO', "#!lua\nreturn 1", '0'],
    ['EVAL_RO', "#!lua flags=no-writes\nreturn redis.call('get', 'k')", '0'],
    ['GET', 'k'],
  ]);
});

describe('scripting: script cache', () => {
  diffCases('SCRIPT LOAD / EXISTS / FLUSH / EVALSHA', pair, [
    ['SCRIPT', 'FLUSH'],
    ['SCRIPT', 'LOAD', 'return 42'],
    ['SCRIPT', 'LOAD', 'return ('],
    ['SCRIPT', 'LOAD', '#!lua flags=bogus\nreturn 1'],
    ['EVALSHA', '1fa00e76656cc152ad327c13fe365858fd7be306', '0'],
    ['EVALSHA', '1FA00E76656CC152AD327C13FE365858FD7BE306', '0'],
    ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'],
    ['EVALSHA', 'short', '0'],
    ['EVALSHA_RO', '1fa00e76656cc152ad327c13fe365858fd7be306', '0'],
    ['SCRIPT', 'EXISTS', '1fa00e76656cc152ad327c13fe365858fd7be306', 'ffffffffffffffffffffffffffffffffffffffff'],
    ['EVAL', 'return 7', '0'],
    ['SCRIPT', 'EXISTS', 'a0c38691e7ec1e50ec5bdc9e3f5a1d2d8b3ef8e8'],
    ['SCRIPT', 'FLUSH', 'ASYNC'],
    ['SCRIPT', 'FLUSH', 'SYNC'],
    ['SCRIPT', 'FLUSH', 'BOGUS'],
    ['SCRIPT', 'EXISTS', '1fa00e76656cc152ad327c13fe365858fd7be306'],
    ['EVALSHA', '1fa00e76656cc152ad327c13fe365858fd7be306', '0'],
    ['SCRIPT', 'KILL'],
    ['SCRIPT', 'NOSUCH'],
    ['SCRIPT'],
    skip('SCRIPT', 'HELP'),
  ]);
});

describe('scripting: effects and atomicity', () => {
  diffCases('writes from scripts', pair, [
    ev("redis.call('set', 'a', '1') redis.call('incr', 'a') return redis.call('get', 'a')"),
    ev("redis.call('select', '2') redis.call('set', 'indb2', 'x') return redis.call('dbsize')"),
    ['EXISTS', 'indb2'],
    ['SELECT', '2'],
    ['GET', 'indb2'],
    ['SELECT', '0'],
    ev("redis.call('rpush', 'q', 'a', 'b') return redis.call('lpop', 'q')"),
    ev("return redis.call('set', 'e', 'v', 'EX', 100)"),
    ['TTL', 'e'],
    ['MULTI'],
    ev("return redis.call('incr', 'm')"),
    ev("return redis.call('incr', 'm')"),
    ['EXEC'],
    ev("redis.call('set', 'partial', '1') return redis.call('incr', 'str-not-there', 'extra')"),
    ['GET', 'partial'],
  ]);
  // The seed patterns: a fixed-window rate limiter and a safe lock release.
  const LIMITER = "local c = redis.call('incr', KEYS[1]) if c == 1 then redis.call('expire', KEYS[1], ARGV[1]) end if c > tonumber(ARGV[2]) then return 0 end return 1";
  const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
  const limiterCases: CaseInput[] = [];
  for (let i = 0; i < 5; i++) limiterCases.push(['EVAL', LIMITER, '1', 'rl:user', '60', '3']);
  limiterCases.push(['TTL', 'rl:user'], ['GET', 'rl:user']);
  diffCases('rate limiter', pair, limiterCases);
  diffCases('lock release', pair, [
    ['SET', 'lock', 'token-1', 'NX', 'PX', '30000'],
    ['EVAL', RELEASE, '1', 'lock', 'token-2'],
    ['GET', 'lock'],
    ['EVAL', RELEASE, '1', 'lock', 'token-1'],
    ['EXISTS', 'lock'],
  ]);
});

const LIB = `#!lua name=mylib
local function setter(keys, args)
  return redis.call('set', keys[1], args[1])
end
local function getter(keys)
  return redis.call('get', keys[1])
end
redis.register_function('myset', setter)
redis.register_function{function_name = 'myget', callback = getter, flags = {'no-writes'}, description = 'reads a key'}
redis.register_function('fails', function() return redis.call('incr', 'fstr') end)
`;

describe('functions', () => {
  diffCases('FUNCTION LOAD / FCALL / LIST / DELETE', pair, [
    ['FUNCTION', 'FLUSH'],
    ['SET', 'fstr', 'x'],
    ['FUNCTION', 'LOAD', LIB],
    ['FUNCTION', 'LOAD', LIB],
    ['FUNCTION', 'LOAD', 'REPLACE', LIB],
    ['FCALL', 'myset', '1', 'fk', 'fv'],
    ['FCALL', 'myget', '1', 'fk'],
    ['FCALL_RO', 'myget', '1', 'fk'],
    ['FCALL_RO', 'myset', '1', 'fk', 'x'],
    ['FCALL', 'fails', '0'],
    ['FCALL', 'nosuch', '0'],
    ['FCALL', 'myget', '-1'],
    ['FCALL', 'myget', '5', 'a'],
    list('FUNCTION', 'LIST'),
    list('FUNCTION', 'LIST', 'WITHCODE'),
    list('FUNCTION', 'LIST', 'LIBRARYNAME', 'my*'),
    ['FUNCTION', 'LIST', 'LIBRARYNAME', 'other*'],
    ['FUNCTION', 'LIST', 'LIBRARYNAME'],
    ['FUNCTION', 'LIST', 'BOGUS'],
    ['FUNCTION', 'STATS'],
    ['FUNCTION', 'LOAD', '#!lua name=other\nredis.register_function("myset", function() return 1 end)'],
    ['FUNCTION', 'LOAD', 'return 1'],
    ['FUNCTION', 'LOAD', '#!lua\nredis.register_function("a", function() return 1 end)'],
    ['FUNCTION', 'LOAD', '#!lua name=bad-name\nredis.register_function("a", function() return 1 end)'],
    ['FUNCTION', 'LOAD', '#!lua name=x foo=bar\nredis.register_function("a", function() return 1 end)'],
    ['FUNCTION', 'LOAD', '#!nosuch name=x\nredis.register_function("a", function() return 1 end)'],
    ['FUNCTION', 'LOAD', '#!lua name=empty\nlocal x = 1'],
    ['FUNCTION', 'LOAD', '#!lua name=syn\nreturn ('],
    ['FUNCTION', 'LOAD', '#!lua name=callsatload\nredis.call("set", "x", "y")'],
    ['FUNCTION', 'LOAD', '#!lua name=dup\nredis.register_function("d", function() end)\nredis.register_function("d", function() end)'],
    ['FUNCTION', 'LOAD', '#!lua name=badfn\nredis.register_function("bad name", function() end)'],
    ['FUNCTION', 'LOAD', '#!lua name=badflag\nredis.register_function{function_name="f", callback=function() end, flags={"nope"}}'],
    ['FUNCTION', 'LOAD', '#!lua name=noargs\nredis.register_function()'],
    ['FUNCTION', 'LOAD', '#!lua name=notfn\nredis.register_function("f", 1)'],
    ['FUNCTION', 'LOAD', '#!lua name=t1\nredis.register_function{function_name="f1", callback=1}'],
    ['FUNCTION', 'LOAD', '#!lua name=t2\nredis.register_function{callback=function() end}'],
    ['FUNCTION', 'LOAD', '#!lua name=t3\nredis.register_function{function_name="f3"}'],
    ['FUNCTION', 'LOAD', '#!lua name=t4\nredis.register_function{function_name="f4", callback=function() end, x=1}'],
    ['FUNCTION', 'LOAD', '#!lua name=t5\nredis.register_function{function_name="f5", callback=function() end, flags="x"}'],
    ['FUNCTION', 'LOAD', '#!lua name=t6\nredis.register_function("a", "b", "c")'],
    ['FUNCTION', 'LOAD', '#!lua name=t7\nredis.register_function{function_name=7, callback=function() return 7 end, description=1}'],
    ['FCALL', '7', '0'],
    ['FUNCTION', 'DELETE', 't7'],
    ['FUNCTION', 'LOAD', '#!lua name=glob\nredis.register_function("g", function() return 1 end)\nundefined_global()'],
    ['FUNCTION', 'DELETE', 'nosuch'],
    ['FUNCTION', 'DELETE', 'mylib'],
    ['FCALL', 'myget', '1', 'fk'],
    list('FUNCTION', 'LIST'),
    ['FUNCTION', 'KILL'],
    ['FUNCTION', 'FLUSH', 'ASYNC'],
    ['FUNCTION', 'FLUSH', 'BOGUS'],
    skip('FUNCTION', 'HELP'),
  ]);
  // A library's code runs once, at FUNCTION LOAD: its locals live on between calls (closures), and
  // REPLACE starts them afresh. register_function is gone once the library has loaded.
  const COUNTER = "#!lua name=counter\nlocal n = 0\nlocal seen = {}\nredis.register_function('bump', function(keys, args) n = n + 1 seen[#seen + 1] = args[1] return {n, #seen} end)\nredis.register_function('peek', function() return n end)\nredis.register_function('late', function() redis.register_function('x', function() return 1 end) return 1 end)";
  diffCases('library state', pair, [
    ['FUNCTION', 'FLUSH'],
    ['FUNCTION', 'LOAD', COUNTER],
    ['FCALL', 'bump', '0', 'a'],
    ['FCALL', 'bump', '0', 'b'],
    ['FCALL', 'peek', '0'],
    ['EVAL', 'return 1', '0'],
    ['FCALL', 'peek', '0'],
    ['FCALL', 'late', '0'],
    ['FUNCTION', 'LOAD', 'REPLACE', COUNTER],
    ['FCALL', 'peek', '0'],
    ['FCALL', 'bump', '0', 'c'],
    ['SCRIPT', 'FLUSH'],
    ['FCALL', 'peek', '0'],
    ['FUNCTION', 'LOAD', '#!lua name=counter\nredis.register_function("peek", function() return "other" end)'],
    ['FUNCTION', 'DELETE', 'counter'],
    ['FCALL', 'peek', '0'],
    ['FUNCTION', 'LOAD', '#!lua name=counter2\nlocal m = 10\nredis.register_function("peek", function() m = m + 1 return m end)'],
    ['FCALL', 'peek', '0'],
    ['FUNCTION', 'FLUSH'],
    ['FCALL', 'peek', '0'],
  ]);
  // RESP3 result tables from functions convert as from EVAL scripts.
  const TYPED = "#!lua name=typed\nredis.register_function('tmap', function() return {map={a=1}} end)\n" +
    "redis.register_function('tset', function() return {set={x=true}} end)\n" +
    "redis.register_function('tverb', function() return {verbatim_string={format='txt', string='hi'}} end)\n" +
    "redis.register_function('thash', function(keys) redis.setresp(3) return redis.call('hgetall', keys[1]) end)\n" +
    "redis.register_function('tnull', function(keys) redis.setresp(3) return type(redis.call('get', keys[1])) end)";
  diffCases('RESP3 tables from functions', pair, [
    ['FUNCTION', 'LOAD', 'REPLACE', TYPED],
    ['DEL', 'th', 'tn'],
    ['HSET', 'th', 'f', 'v'],
    ['FCALL', 'tmap', '0'],
    ['FCALL', 'tset', '0'],
    ['FCALL', 'tverb', '0'],
    ['FCALL', 'thash', '1', 'th'],
    ['FCALL', 'tnull', '1', 'tn'],
    ['FUNCTION', 'DELETE', 'typed'],
  ]);
  // Cached scripts are compiled once and kept out of the globals scripts see.
  diffCases('script functions are not globals', pair, [
    ['SCRIPT', 'FLUSH'],
    ['EVAL', 'return 1', '0'],
    ev('return type(f_e0e1f9fabfc9d4800c877a703b823ac0578ff8db)'),
    ['EVALSHA', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', '0'],
    ['SCRIPT', 'FLUSH'],
    ['EVALSHA', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', '0'],
  ]);
});

describe('functions: DUMP and RESTORE', () => {
  const LIB2 = "#!lua name=second\nredis.register_function('two', function() return 2 end)";
  diffCases('FUNCTION DUMP / RESTORE on one server', pair, [
    ['FUNCTION', 'FLUSH'],
    ['FUNCTION', 'DUMP'],
    ['FUNCTION', 'LOAD', LIB],
    ['FUNCTION', 'LOAD', LIB2],
    ['FUNCTION', 'RESTORE', 'bogus'],
    ['FUNCTION', 'RESTORE', 'bogus', 'NOPE'],
    ['FUNCTION', 'RESTORE', 'bogus', 'FLUSH', 'extra'],
    ['FUNCTION', 'RESTORE', Buffer.from('0a00' + '0000000000000000', 'hex')],
    ['FUNCTION', 'RESTORE', Buffer.from('000a00' + 'ffffffffffffffff', 'hex')],
  ]);
});

describe('functions: payloads move between the servers', () => {
  it('FUNCTION DUMP of either server restores on the other with the same libraries', async () => {
    const { subject, oracle } = pair();
    const { RespConnection } = await import('../helpers/resp.js');
    const [s, o] = await Promise.all([RespConnection.open(subject.port), RespConnection.open(oracle.port)]);
    try {
      const LIB2 = "#!lua name=second\nredis.register_function('two', function() return 2 end)";
      for (const c of [s, o]) {
        await c.call(['FUNCTION', 'FLUSH']);
        await c.call(['FUNCTION', 'LOAD', LIB]);
        await c.call(['FUNCTION', 'LOAD', LIB2]);
      }
      const dumpS = await s.call(['FUNCTION', 'DUMP']);
      const dumpO = await o.call(['FUNCTION', 'DUMP']);
      const payload = (raw: Buffer) => {
        const nl = raw.indexOf('\r\n');
        return raw.subarray(nl + 2, raw.length - 2);
      };
      const listed = async (c: typeof s) => libsNormalized((await import('../helpers/resp.js')).decodeReply(await c.call(['FUNCTION', 'LIST', 'WITHCODE'])));
      const before = await listed(o);
      // Each server restores the other's payload (FLUSH), and the APPEND collision is refused on both.
      expect((await s.call(['FUNCTION', 'RESTORE', payload(dumpO), 'FLUSH'])).toString()).toBe('+OK\r\n');
      expect((await o.call(['FUNCTION', 'RESTORE', payload(dumpS), 'FLUSH'])).toString()).toBe('+OK\r\n');
      expect(await listed(s)).toBe(before);
      expect(await listed(o)).toBe(before);
      const collideS = (await s.call(['FUNCTION', 'RESTORE', payload(dumpO)])).toString();
      const collideO = (await o.call(['FUNCTION', 'RESTORE', payload(dumpS)])).toString();
      expect(collideS).toBe(collideO);
      expect((await s.call(['FUNCTION', 'RESTORE', payload(dumpO), 'REPLACE'])).toString()).toBe('+OK\r\n');
      expect((await s.call(['FCALL', 'two', '0'])).toString()).toBe(':2\r\n');
    } finally {
      s.close();
      o.close();
    }
  });
});
