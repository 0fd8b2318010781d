// The interpreter states behind EVAL and FCALL: code compiled once into sealed tables, globals that stay
// read-only to scripts around the host's own writes, resets, and the two corrections of wasm-patch.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LuaWasmEngine } from 'lua-redis-wasm';
import { LuaVm, SCRIPTS, corrected, type LuaHost, type ReplyValue } from './lua-vm.js';
import { cachedCall, patchInterpreter } from './wasm-patch.js';

const quiet: LuaHost = { call: () => null, log: () => {}, setResp: () => {} };
const vm = await LuaVm.create([SCRIPTS]);
const run = (src: string, host: LuaHost = quiet): ReplyValue => vm.run(Buffer.from(src), [], [], host);
const text = (v: ReplyValue): string => (Buffer.isBuffer(v) ? v.toString('latin1') : JSON.stringify(v));
const errText = (v: ReplyValue): string => (v !== null && typeof v === 'object' && 'err' in v ? v.err.toString('latin1') : `not an error: ${text(v)}`);

describe('interpreter binary corrections', () => {
  it('apply to the pinned build and leave a valid module', () => {
    const where = LuaWasmEngine.defaultWasmPath();
    const stock = readFileSync(where.startsWith('file:') ? fileURLToPath(where) : where);
    const patched = patchInterpreter(new Uint8Array(stock), new Uint8Array(16).fill(7));
    expect(patched).not.toBeNull();
    expect(WebAssembly.validate(patched!)).toBe(true);
    expect(corrected).toBe(true);
  });

  it('leave any other build alone', () => {
    expect(patchInterpreter(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), new Uint8Array(16))).toBeNull();
  });

  it('a null reply is false under RESP2 and nil after setresp(3), inside arrays too', () => {
    const host: LuaHost = { call: () => [Buffer.from('a'), null], log: () => {}, setResp: () => {} };
    expect((run("local r = redis.call('x') return {type(r[1]), type(r[2])}", host) as ReplyValue[]).map(text)).toEqual(['string', 'boolean']);
    const v = run("redis.setresp(3) local r = redis.call('x') return {type(r[1]), type(r[2]), #r}", host) as ReplyValue[];
    expect(v.slice(0, 2).map(text)).toEqual(['string', 'nil']);
    // The protocol is the script's: the next script starts at RESP2 again.
    expect(text(run("local r = redis.call('x') return type(r[2])", host))).toBe('boolean');
  });

  it('a raised table ends the script with its err field, flagged, at the line it was raised', () => {
    const r = run("local a = 1\nerror({err = 'MYCODE raised'})");
    expect(r).toMatchObject({ meta: { kind: 'error-table', line: 2 } });
    expect(errText(r)).toBe('MYCODE raised');
    const n = run('error({err = 7})');
    expect(errText(n)).toBe('7');
    // A string error is untouched.
    const s = run("error('plain')");
    expect(s).toMatchObject({ meta: { line: 1 } });
    expect((s as { meta: { kind?: string } }).meta.kind).toBeUndefined();
  });

  it('pcall hands over a caught error table\'s err field, as Redis\'s pcall does', () => {
    expect((run("local ok, e = pcall(error, {err = 'x'}) return {tostring(ok), e}") as ReplyValue[]).map(text)).toEqual(['false', 'x']);
    expect(run('local ok, e = pcall(error, {err = 7}) return e')).toBe(7);
    expect(text(run("local ok, e = pcall(error, {foo = 1}) return type(e)"))).toBe('table');
    expect(text(run("local ok, e = pcall(error, {err = {}}) return type(e)"))).toBe('table');
    expect((run("return {pcall(function(a, b) return a + b, 'two' end, 1, 2)}") as ReplyValue[]).map(text)).toEqual(['1', '3', 'two']);
    expect(text(run("local ok, e = pcall(error, 'plain', 0) return e"))).toBe('plain');
    expect(errText(run('pcall()'))).toMatch(/bad argument #1 to 'pcall'/);
  });
});

describe('compiled code kept in the interpreter', () => {
  it('define compiles once; the function runs on each call and keeps its upvalues', () => {
    expect(vm.define(SCRIPTS, 'counter', Buffer.from('local n = 0 return function() n = n + 1 return n end'), '@user_script')).toBeNull();
    const make = run(`return type(${SCRIPTS}.counter)`);
    expect(text(make)).toBe('function');
    expect(vm.define(SCRIPTS, 'c2', Buffer.from(`local f = ${SCRIPTS}.counter() return f() + f()`), '@user_script')).toBeNull();
    expect(run(`return ${SCRIPTS}.c2()`)).toBe(3);
  });

  it('a compile error is Lua\'s message with the chunk name given', () => {
    expect(vm.define(SCRIPTS, 'bad', Buffer.from('return ('), '@user_script')).toMatch(/^user_script:1: /);
    expect(text(run(`return type(${SCRIPTS}.bad)`))).toBe('nil');
  });

  it('scripts still cannot write globals or the sealed table', () => {
    expect(errText(run('x = 1'))).toMatch(/readonly table/);
    expect(errText(run(`${SCRIPTS}.evil = function() end`))).toMatch(/readonly table/);
    expect(errText(run(`rawset(${SCRIPTS}, 'evil', 1)`))).toMatch(/readonly table/);
    // The gate needs the host's token.
    run(`redis.call('\\0gate', 'guess', '${SCRIPTS}') ${SCRIPTS}.evil = 1`, { ...quiet, call: () => null });
    expect(text(run(`return type(rawget(${SCRIPTS}, 'evil'))`))).toBe('nil');
  });

  it('withSealed lets the host write the table between its own chunks', () => {
    vm.withSealed(SCRIPTS, () => run(`${SCRIPTS}.hostvalue = 5`));
    expect(run(`return ${SCRIPTS}.hostvalue`)).toBe(5);
    expect(errText(run(`${SCRIPTS}.hostvalue = 6`))).toMatch(/readonly table/);
  });

  it('reset gives a fresh state: what was defined is gone, the table is sealed again', () => {
    const before = vm.generation;
    vm.define(SCRIPTS, 'gone', Buffer.from('return 1'), '@user_script');
    vm.reset();
    expect(vm.generation).toBe(before + 1);
    expect(text(run(`return type(${SCRIPTS}.gone)`))).toBe('nil');
    expect(errText(run(`${SCRIPTS}.x = 1`))).toMatch(/readonly table/);
    expect(vm.define(SCRIPTS, 'back', Buffer.from('return 2'), '@user_script')).toBeNull();
    expect(run(`return ${SCRIPTS}.back()`)).toBe(2);
  });
});

describe('script results read from the interpreter memory', () => {
  it('nil, integers on both sides of 2^53 and bulk strings come back as the interpreter decoder gives them', () => {
    expect(run('return nil')).toBeNull();
    expect(run('return')).toBeNull();
    expect(run('return 0')).toBe(0);
    expect(run('return -1')).toBe(-1);
    expect(run('return 3.7')).toBe(3);
    expect(run('return -3.7')).toBe(-3);
    expect(run('return 4294967296 + 5')).toBe(4294967301);
    expect(run('return -4294967296 - 5')).toBe(-4294967301);
    expect(run('return 2^53 - 1')).toBe(Number.MAX_SAFE_INTEGER);
    expect(run('return -(2^53 - 1)')).toBe(Number.MIN_SAFE_INTEGER);
    // Beyond the safe range (and NaN/inf, INT64_MIN) the interpreter's own decoder answers a BigInt.
    expect(run('return 2^53')).toBe(9007199254740992n);
    expect(run('return -2^53')).toBe(-9007199254740992n);
    expect(run('return 2^62')).toBe(4611686018427387904n);
    // As Redis's (long long) cast on x86-64: NaN, the infinities and anything outside the 64-bit range
    // give INT64_MIN (wasm-patch.ts).
    for (const x of ['0/0', '1/0', '-1/0', '2^63', '2^64', '-2^63', '-2^64']) expect(run(`return ${x}`), x).toBe(-9223372036854775808n);
    expect(run('return 2^63 - 1024')).toBe(9223372036854774784n);
    const bin = run('return "a\\0b\\255" .. string.rep("x", 100)');
    expect(Buffer.isBuffer(bin)).toBe(true);
    expect(bin).toEqual(Buffer.concat([Buffer.from([0x61, 0, 0x62, 0xff]), Buffer.alloc(100, 'x')]));
    expect(run('return ""')).toEqual(Buffer.alloc(0));
    // Other results still take the decoder.
    expect(run('return {1, "two"}')).toEqual([1, Buffer.from('two')]);
    expect(run("return {ok = 'fine'}")).toEqual({ ok: Buffer.from('fine') });
  });

  it('a reply the host returns reaches the script intact, short or long', () => {
    const long = Buffer.alloc(5000, 'z');
    const host: LuaHost = { call: (argv) => (argv[1] === 'long' ? long : Buffer.from(argv[1], 'latin1')), log: () => {}, setResp: () => {} };
    expect(run("return redis.call('echo', 'short')", host)).toEqual(Buffer.from('short'));
    expect(run("return redis.call('echo', 'long')", host)).toEqual(long);
  });
});

describe('running a chunk compiled earlier (the shortcut)', () => {
  it('a source starting with NUL runs table[key] without compiling, as often as asked', () => {
    expect(vm.define(SCRIPTS, 'sc:f', Buffer.from("return redis.call('echo', KEYS[1]), 'second'"), '@user_script')).toBeNull();
    expect(vm.define(SCRIPTS, 'sc:call', Buffer.from(`return (${SCRIPTS}['sc:f']())`), '@user_script')).toBeNull();
    const host: LuaHost = { call: (argv) => Buffer.from(argv[1], 'latin1'), log: () => {}, setResp: () => {} };
    const source = cachedCall(SCRIPTS, 'sc:call');
    for (const k of ['a', 'b', 'c']) expect(vm.run(source, [k], [], host)).toEqual(Buffer.from(k));
  });

  it('a key that names nothing is an error of the run, and the interpreter goes on', () => {
    const r = vm.run(cachedCall(SCRIPTS, 'sc:nothing'), [], [], quiet);
    expect(errText(r)).toContain('attempt to call a nil value');
    expect(run('return 7')).toBe(7);
  });
});
