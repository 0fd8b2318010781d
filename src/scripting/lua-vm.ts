// The Lua interpreters behind EVAL and FCALL: Redis's own Lua 5.1 (with cjson, cmsgpack, bit and
// struct) compiled to WebAssembly (npm lua-redis-wasm, pinned). As in Redis, EVAL scripts and function
// libraries each have their own interpreter state (evalVm, functionVm), created when this module is
// first imported; scripts run synchronously on them. Everything Redis-specific about calling commands,
// converting replies and wording errors lives in the host (src/server/scripting.ts), which installs
// itself for the duration of one script with LuaVm.run().
//
// Compiled code lives in the interpreter, as in Redis: an EVAL script is compiled once into a function
// kept in a table of the eval state and each run calls it; a library's code runs once at FUNCTION LOAD and the functions
// it registers (closures over the library's locals, which therefore persist between calls) are kept in
// a table only the host can write. Globals are read-only to scripts (Redis's protection, enforced by
// the interpreter's per-table readonly flag); the host writes them by clearing that flag in the
// interpreter's memory around its own short chunks, which never run script code.
//
// Long scripts: the interpreter's instruction-count hook is rewritten at load (wasm-hook.ts) to call
// LuaHost.tick every HOOK_STEP Lua instructions, as Redis's count hook does every 100,000; the host may
// then serve other clients and answers whether the script goes on. Scripts shorter than that never leave
// the interpreter.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LuaWasmEngine, load, type LuaEngine, type ReplyValue } from 'lua-redis-wasm';
import { randomBytes } from 'node:crypto';
import { patchFuelHook } from './wasm-hook.js';
import { escapeLuaString } from './lua-source.js';
import { NUMBER_TOKEN_LENGTH, patchInterpreter, TABLE_ERROR_FLAG } from './wasm-patch.js';
import { luaNumberArgument } from '../util/number.js';

export type { ReplyValue };

/** What the host answers redis.call with: a reply value, where strings are bulk strings (latin1). */
export type HostValue =
  | null
  | number
  | bigint
  | boolean
  | string
  | Buffer
  | { ok: Buffer }
  | { err: Buffer; code?: Buffer }
  | { double: number }
  | { big_number: Buffer }
  | { verbatim_string: { format: Buffer; string: Buffer } }
  | { map: [HostValue, HostValue][] }
  | { set: HostValue[] }
  | HostValue[];

/** What a running script's redis.* functions reach. */
export interface LuaHost {
  /** redis.call (raise = true) or redis.pcall (raise = false): arguments as the script passed them (latin1). */
  call(argv: string[], raise: boolean): HostValue;
  /** redis.log(level, message). */
  log(level: number, message: Buffer): void;
  /** redis.setresp(2|3). */
  setResp(version: 2 | 3): void;
  /**
   * Called every HOOK_STEP Lua instructions while the script runs: false stops it with an error (raised
   * again at every following instruction, so pcall cannot keep it alive). Without it a script is stopped
   * after about two billion instructions.
   */
  tick?(): boolean;
}

/** Lua instructions between two calls of LuaHost.tick (Redis's count hook runs every 100,000). */
export const HOOK_STEP = 100_000;
/** Ticks after which a script whose host has no tick() is stopped (about two billion instructions). */
const UNTICKED_LIMIT = 20_000;
/** The error the interpreter raises when a script is stopped from the hook. */
export const STOPPED_MESSAGE = 'Script killed by fuel limit';

/** The Redis version scripts see in redis.REDIS_VERSION / redis.REDIS_VERSION_NUM. */
export const SCRIPT_REDIS_VERSION = '7.2.4';

/**
 * Marks a number argument of redis.call in the interpreter's encoding (wasm-patch.ts, correction 5):
 * random per process, so no argument a script builds can pass for one.
 */
const NUMBER_TOKEN = randomBytes(NUMBER_TOKEN_LENGTH);
const NUMBER_ARGUMENT_LENGTH = NUMBER_TOKEN_LENGTH + 8;

/**
 * The interpreter's binary with the hook that reaches the host and the corrections of wasm-patch.ts;
 * the stock one if this build differs.
 */
function interpreterBinary(): { bytes?: Uint8Array; fuelAddress: number; corrected: boolean } {
  try {
    const where = LuaWasmEngine.defaultWasmPath();
    const stock = readFileSync(where.startsWith('file:') ? fileURLToPath(where) : where);
    const view = new Uint8Array(stock.buffer, stock.byteOffset, stock.length);
    const corrected = patchInterpreter(view, NUMBER_TOKEN);
    const patched = patchFuelHook(corrected ?? view);
    if (patched !== null) return { bytes: patched.bytes, fuelAddress: patched.fuelAddress, corrected: corrected !== null };
  } catch {
    // Fall back to the stock binary below.
  }
  return { fuelAddress: -1, corrected: false };
}

const binary = interpreterBinary();
/** Whether a running script can be interrupted (false only with an unexpected interpreter build). */
export const interruptible = binary.bytes !== undefined;
/** Whether RESP3 nulls reach Lua as nil and table errors carry their err field (wasm-patch.ts). */
export const corrected = binary.corrected;

/** Lua's table type tag, and where a Table keeps it and Redis's readonly flag (wasm32 layout). */
const LUA_TTABLE = 5;
const TABLE_TT = 4;
const TABLE_READONLY = 8;

/** The pseudo-command the host's own chunks open and close a sealed table with (see LuaVm.seal). */
const GATE = '\u0000gate';
/** Known only to the host's chunks: a script cannot open a sealed table by calling GATE itself. */
const GATE_TOKEN = randomBytes(16).toString('hex');

const noHost = (): ReplyValue => ({ err: Buffer.from('This Redis command is not allowed from script'), code: Buffer.from('ERR') });

/**
 * The interpreter's own entry points below its public evalWithArgs, which hashes the whole source in
 * JavaScript on every call (about 1 ms for an 18 KB script) only to label errors; the caller already
 * knows the digest. Used when this pinned version has them, else the public call.
 */
interface EngineInternals {
  exports: { _alloc(n: number): number; _free_mem(p: number): void; _reset?(): number; HEAPU8: Uint8Array };
  callEvalWithArgs(scriptPtr: number, scriptLen: number, argsPtr: number, argsLen: number, keys: number): unknown;
  decodeResult(result: unknown, sha: string): ReplyValue;
}

/** A host for the interpreter's own chunks: they call nothing. */
const QUIET: LuaHost = { call: noHost, log: () => {}, setResp: () => {} };

const COMPILE_CHECK = Buffer.from("local f, e = loadstring(ARGV[1], '@user_script') if f then return false end return e");
/** Compiles ARGV[3] (chunk name ARGV[4]) into the sealed table ARGV[1] at ARGV[2]; Lua's message if it does not compile. */
const DEFINE = Buffer.from('local f, e = loadstring(ARGV[3], ARGV[4]) if f == nil then return e end rawset(_G[ARGV[1]], ARGV[2], f) return false');
/** Removes ARGV[2..] from the sealed table ARGV[1]. */
const DELETE_KEYS = Buffer.from('local t = _G[ARGV[1]] for i = 2, #ARGV do t[ARGV[i]] = nil end');
const DEFINE_VALUE = Buffer.from("local f = assert(loadstring(ARGV[2], '=cinnabar')) rawset(_G, ARGV[1], (f()))");
const NEW_TABLE = Buffer.from('rawset(_G, ARGV[1], {}) return tostring(rawget(_G, ARGV[1]))');
const GLOBALS = Buffer.from('return tostring(_G)');
/** The pseudo-commands the functions below reach the host with (never names a client can send). */
export const SET_REPL = '\u0000set_repl';
export const RAISE_AT = '\u0000raise_at';
export const ACL_CHECK = '\u0000acl_check_cmd';
/** Handled by the interpreter wrapper itself: the next number of Redis's rand48 generator, and its seed. */
const RANDOM = '\u0000random';
const SRAND = '\u0000srand';

/**
 * Installed into the `redis` table of every state: the parts of Redis's `redis` library the interpreter
 * lacks or words differently (script_lua.c). Their errors go through the host with the caller's
 * position ("user_script:N: ", found the way error(msg, level) finds it) so the reply names the
 * script's line, not this code's. Each calls fail() as a statement, never in a tail call, so the
 * levels counted below hold: fail -> this function -> its caller.
 */
const REDIS_ADDITIONS = Buffer.from(
  [
    'local call, pcall, error, select, tonumber, type, concat = redis.call, pcall, error, select, tonumber, type, table.concat',
    'local log, sha1hex, setresp = redis.log, redis.sha1hex, redis.setresp',
    // The position of the function `level` frames up from where()'s caller's caller; a tail call's lost
    // frame has none, so the next one up answers.
    "local function where(level) local at = '' while at == '' and level < 16 do local _ _, at = pcall(error, '', level) level = level + 1 end return at end",
    `local function fail(msg) call(${escapeLuaString(RAISE_AT)}, where(5), msg) end`,
    // redis.error_reply / status_reply build what Redis's luaPushErrorBuff does: "-CODE msg" or "msg"
    // becomes "CODE msg", with ERR when there is no code.
    "local function bad() return {err = 'ERR wrong number or type of arguments'} end",
    "rawset(redis, 'error_reply', function(...) if select('#', ...) ~= 1 or type((...)) ~= 'string' then return bad() end " +
      "local e = ... if e:sub(1, 1) ~= '-' then e = '-' .. e end local sp = e:find(' ', 1, true) " +
      "local code, msg if sp == nil then code, msg = 'ERR', e:sub(2) else code, msg = e:sub(2, sp - 1), e:sub(sp + 1) end " +
      "msg = msg:gsub('[\\r\\n]+$', '') return {err = code .. ' ' .. msg} end)",
    "rawset(redis, 'status_reply', function(...) if select('#', ...) ~= 1 or type((...)) ~= 'string' then return bad() end return {ok = (...)} end)",
    "rawset(redis, 'setresp', function(...) if select('#', ...) ~= 1 then fail('redis.setresp() requires one argument.') end " +
      "local v = tonumber((...)) if v ~= 2 and v ~= 3 then fail('RESP version must be 2 or 3.') end setresp(v) end)",
    "rawset(redis, 'log', function(...) local n = select('#', ...) if n < 2 then fail('redis.log() requires two arguments or more.') end " +
      "local level = tonumber((...)) if level == nil then fail('First argument must be a number (log level).') end " +
      "if level < 0 or level >= 4 then fail('Invalid debug level.') end " +
      "local parts = {} for j = 2, n do local s = select(j, ...) local t = type(s) if t == 'string' or t == 'number' then parts[#parts + 1] = (j ~= 2 and ' ' or '') .. s end end " +
      'log(level, concat(parts)) end)',
    "rawset(redis, 'sha1hex', function(...) if select('#', ...) ~= 1 then fail('wrong number of arguments') end return sha1hex((...)) end)",
    `rawset(redis, 'set_repl', function(...) local v = ... call(${escapeLuaString(SET_REPL)}, where(4), select('#', ...), v ~= nil and tonumber(v) or 0) end)`,
    "rawset(redis, 'acl_check_cmd', function(...) for i = 1, select('#', ...) do local t = type((select(i, ...))) " +
      "if t ~= 'string' and t ~= 'number' then fail('Lua redis lib command arguments must be strings or integers') end end " +
      `local r = call(${escapeLuaString(ACL_CHECK)}, where(4), ...) return r end)`,
    "rawset(redis, 'breakpoint', function() return false end)",
    "rawset(redis, 'debug', function() end)",
    // math.random / math.randomseed as Redis replaces them (redis_math_random): Redis's rand48 generator,
    // one sequence for the whole process (not reseeded per script), kept by the host.
    'local floor = math.floor',
    "local function toint(v) local t = type(v) local x = t == 'number' and v or (t == 'string' and tonumber(v)) or nil " +
      'if x == nil then return nil, t end x = x >= 0 and floor(x) or -floor(-x) x = x % 4294967296 ' +
      'if x >= 2147483648 then x = x - 4294967296 end return x end',
    `local function argerr(at, i, name, why) call(${escapeLuaString(RAISE_AT)}, at, at .. 'bad argument #' .. i .. " to '" .. name .. "' (" .. why .. ')') end`,
    "rawset(math, 'random', function(...) local n = select('#', ...) " +
      `local r = call(${escapeLuaString(RANDOM)}) % 2147483647 / 2147483647 if n == 0 then return r end ` +
      'local a, b = ... local l, u, bad ' +
      "if n == 1 then u, bad = toint(a) if u == nil then argerr(where(4), 1, 'random', 'number expected, got ' .. bad) end " +
      "if u < 1 then argerr(where(4), 1, 'random', 'interval is empty') end return floor(r * u) + 1 end " +
      "if n == 2 then l, bad = toint(a) if l == nil then argerr(where(4), 1, 'random', 'number expected, got ' .. bad) end " +
      "u, bad = toint(b) if u == nil then argerr(where(4), 2, 'random', 'number expected, got ' .. bad) end " +
      "if l > u then argerr(where(4), 2, 'random', 'interval is empty') end return floor(r * (u - l + 1)) + l end " +
      `local at = where(4) call(${escapeLuaString(RAISE_AT)}, at, at .. 'wrong number of arguments') end)`,
    "rawset(math, 'randomseed', function(...) local s, bad = toint((...)) " +
      "if s == nil then argerr(where(4), 1, 'randomseed', 'number expected, got ' .. (select('#', ...) == 0 and 'no value' or bad)) end " +
      `call(${escapeLuaString(SRAND)}, s) end)`,
  ].join('\n'),
);

/** One interpreter state (a WebAssembly instance of the interpreter). */
export class LuaVm {
  private current: LuaHost | null = null;
  private ticks = 0;
  private readonly internals: Partial<EngineInternals>;
  private readonly direct: EngineInternals | null;
  /** Address of the globals table in the interpreter's memory; 0 until looked up after a reset. */
  private globalsAt = 0;
  /** Sealed tables: name -> address (see seal()). */
  private readonly sealed = new Map<string, number>();
  /** Counts resets: what was defined under an older generation is gone. */
  generation = 0;

  private constructor(
    private readonly vm: LuaEngine,
    /** Sealed tables every state of this interpreter has (made again after a reset). */
    private readonly tables: string[],
  ) {
    this.internals = vm as unknown as Partial<EngineInternals>;
    // The hook refills the budget in the interpreter's memory: without access to it every script would
    // stop after its first budget.
    if (interruptible && this.internals.exports?.HEAPU8 === undefined) throw new Error('lua-redis-wasm: the interpreter memory is not reachable');
    const i = this.internals;
    this.direct = i.exports !== undefined && typeof i.callEvalWithArgs === 'function' && typeof i.decodeResult === 'function' ? (i as EngineInternals) : null;
  }

  static async create(tables: string[]): Promise<LuaVm> {
    let self: LuaVm | null = null;
    const module = await load({
      ...(binary.bytes !== undefined ? { wasmBytes: binary.bytes } : {}),
      profile: 'redis-7.2',
      // The instruction budget a script starts with: the hook calls the host when it is spent, which
      // refills it. The stock interpreter (no host call) stops a script once its budget is spent.
      limits: { maxFuel: binary.bytes !== undefined ? HOOK_STEP : 2_000_000_000 },
      redisProps: {
        REDIS_VERSION: { value: SCRIPT_REDIS_VERSION },
        REDIS_VERSION_NUM: { value: 0x070204 },
        REPL_NONE: { value: 0 },
        REPL_AOF: { value: 1 },
        REPL_SLAVE: { value: 2 },
        REPL_REPLICA: { value: 2 },
        REPL_ALL: { value: 3 },
        replicate_commands: { returns: true },
      },
    });
    // The package's glue copies every argument and reply through Buffers; calls take the direct path
    // below when the module exposes its handlers and memory, as this pinned version does.
    const toStrings = (args: Buffer[]): string[] => args.map((b) => b.latin1Slice(0, b.length));
    const vm = module.create({
      redisCall: (args) => encodable(self!.onCall(toStrings(args), true)),
      redisPcall: (args) => encodable(self!.onCall(toStrings(args), false)),
      log: (level, message) => self!.current?.log(level, message),
      // Scripts reach this with 2 or 3 only; the rewritten count hook passes its lua_State pointer.
      onSetResp: (v) => (v === 2 || v === 3 ? self!.current?.setResp(v) : self!.onHook(v)),
    });
    self = new LuaVm(vm, tables);
    const handlers = (module as unknown as { handlers?: Record<string, unknown> }).handlers;
    const exports = self.internals.exports;
    if (handlers !== undefined && typeof handlers.call === 'function' && typeof handlers.pcall === 'function' && exports !== undefined) {
      const vmRef = self;
      handlers.call = (...abi: number[]) => vmRef.directCall(abi, true);
      handlers.pcall = (...abi: number[]) => vmRef.directCall(abi, false);
    }
    self.setup();
    return self;
  }

  private onCall(argv: string[], raise: boolean): HostValue {
    if (argv.length === 4 && argv[0] === GATE && argv[1] === GATE_TOKEN) {
      const at = this.sealed.get(argv[2]);
      if (at !== undefined) this.setReadonly(at, argv[3] !== 'open');
      return null;
    }
    if (argv[0] === RANDOM) return rand48.next();
    if (argv[0] === SRAND && argv.length === 2) {
      rand48.seed(Number(argv[1]));
      return null;
    }
    const host = this.current;
    if (host === null) return noHost();
    try {
      return host.call(argv, raise);
    } catch (err) {
      // A JavaScript exception must not unwind through the interpreter's C frames.
      return { err: Buffer.from(err instanceof Error ? err.message : String(err), 'latin1') };
    }
  }

  /**
   * host_redis_call / host_redis_pcall without the package's glue: the arguments ([count][len][bytes]...
   * in the interpreter's memory) are read straight into strings and the reply is encoded once into a
   * block the interpreter frees. abi is (retPtr, ptr, len) for a result returned through memory, else
   * (ptr, len) with the result returned packed in a BigInt.
   */
  private directCall(abi: number[], raise: boolean): bigint | undefined {
    const hasRet = abi.length >= 3;
    const ptr = hasRet ? abi[1] : abi[0];
    const ex = (this.internals as EngineInternals).exports;
    let heap = heapBuffer(ex.HEAPU8);
    const count = heap.readUInt32LE(ptr);
    const argv = new Array<string>(count);
    let off = ptr + 4;
    for (let i = 0; i < count; i++) {
      const len = heap.readUInt32LE(off);
      off += 4;
      argv[i] = len === NUMBER_ARGUMENT_LENGTH && isNumberArgument(heap, off) ? numberArgument(heap, off + NUMBER_TOKEN_LENGTH) : heap.latin1Slice(off, off + len);
      off += len;
    }
    const size = encodeHostValue(this.onCall(argv, raise), 0);
    const block = ex._alloc(size);
    heap = heapBuffer(ex.HEAPU8); // allocating may have grown (replaced) the memory
    copySmall(scratch, 0, heap, block, size);
    if (hasRet) {
      heap.writeUInt32LE(block, abi[0]);
      heap.writeUInt32LE(size, abi[0] + 4);
      return undefined;
    }
    return BigInt(block) | (BigInt(size) << 32n);
  }

  /** The count hook's call: refill the instruction budget, or make the hook raise at every instruction. */
  private onHook(state: number): void {
    const host = this.current;
    let go = true;
    try {
      go = host !== null && host.tick !== undefined ? host.tick() : ++this.ticks < UNTICKED_LIMIT;
    } catch {
      // A JavaScript exception must not unwind through the interpreter's C frames (its error
      // handling is setjmp/longjmp): the script goes on.
    }
    const heap = this.heap();
    // lua_State.hookcount (offset 64 in this wasm32 build): counted down per instruction, the hook
    // runs at zero. Left at 1 the hook runs again at the next instruction, so a killed script cannot
    // go on inside pcall; Lua resets it to the hook's period on the way, so nothing lingers.
    // Checked against basehookcount (offset 60), which holds the interpreter's hook period of 1,000.
    if (go) heap.writeBigInt64LE(BigInt(HOOK_STEP), binary.fuelAddress);
    else if (heap.readInt32LE(state + 60) === 1000) heap.writeInt32LE(1, state + 64);
  }

  /** The interpreter's memory; the view is replaced when the memory grows. */
  private heap(): Buffer {
    return heapBuffer((this.internals as EngineInternals).exports.HEAPU8);
  }

  /** Runs Lua source with KEYS and ARGV bound, the given host answering redis.call and friends. */
  run(source: Buffer, keys: LuaArg[], args: LuaArg[], host: LuaHost, sha = ''): ReplyValue {
    const prev = this.current;
    this.current = host;
    this.ticks = 0;
    try {
      if (this.direct !== null) return evalDirect(this.direct, source, keys, args, sha);
      const bytes = (a: LuaArg): Buffer => (typeof a === 'string' ? Buffer.from(a, 'latin1') : a);
      return this.vm.evalWithArgs(source, keys.map(bytes), args.map(bytes));
    } finally {
      this.current = prev;
      // A chunk stopped between opening a sealed table and closing it (killed, timed out) leaves it
      // open: sealed tables are read-only whenever no chunk of the host's is running.
      if (prev === null) for (const at of this.sealed.values()) this.setReadonly(at, true);
    }
  }

  /** Compiles without running: null when the source compiles, else Lua's message ("user_script:1: ..."). */
  compileError(source: Buffer): string | null {
    const r = this.run(COMPILE_CHECK, [], [source], QUIET);
    if (r === null || r === false) return null;
    if (Buffer.isBuffer(r)) return r.toString('latin1');
    return 'unknown compile error';
  }

  /**
   * Compiles source (errors naming it chunkName, e.g. "@user_script") into a function kept as
   * table[key] of a sealed table, without running it; Lua's message when it does not compile.
   */
  define(table: string, key: string, source: Buffer, chunkName: string): string | null {
    const args = [table, key].map((x) => Buffer.from(x, 'latin1'));
    const r = this.withSealed(table, () => this.run(DEFINE, [], [...args, source, Buffer.from(chunkName, 'latin1')], QUIET));
    if (r === null || r === false) return null;
    return Buffer.isBuffer(r) ? r.toString('latin1') : 'unknown compile error';
  }

  /** Removes these keys from a sealed table. */
  deleteKeys(table: string, keys: string[]): void {
    if (keys.length === 0) return;
    const args = [table, ...keys].map((k) => Buffer.from(k, 'latin1'));
    this.withSealed(table, () => this.run(DELETE_KEYS, [], args, QUIET));
  }

  /** Runs the host's own chunk `source` and keeps its first result as the global `name`. */
  defineValue(name: string, source: Buffer): void {
    this.withGlobals(() => this.run(DEFINE_VALUE, [], [Buffer.from(name, 'latin1'), source], QUIET));
  }

  /**
   * Creates the global table `name`, read-only to scripts like every global. The host's own chunks
   * write it between `gate(name, callee, true)` and `gate(name, callee, false)` statements, which make
   * it writable and read-only again (callee: an expression for the real redis.call). A script that
   * calls the gate itself gets nowhere: it does not know the token.
   */
  private seal(name: string): void {
    const text = this.withGlobals(() => this.run(NEW_TABLE, [], [Buffer.from(name, 'latin1')], QUIET));
    const at = Buffer.isBuffer(text) ? tableAddress(text.toString('latin1')) : 0;
    if (at === 0 || !this.isTable(at)) throw new Error(`lua: cannot seal ${name}`);
    this.setReadonly(at, true);
    this.sealed.set(name, at);
  }

  /** A Lua statement that opens (makes writable) or closes the sealed table `name`. */
  gate(name: string, callee: string, open: boolean): string {
    return `${callee}(${escapeLuaString(GATE)}, '${GATE_TOKEN}', ${escapeLuaString(name)}, '${open ? 'open' : 'close'}')`;
  }

  /** Makes the table whose tostring() is `text` ("table: 0x...") read-only, as globals are. */
  protect(text: string): void {
    const at = tableAddress(text);
    if (this.isTable(at)) this.setReadonly(at, true);
  }

  /** Runs one of the host's chunks on a sealed table made writable for it. */
  withSealed<T>(name: string, fn: () => T): T {
    const at = this.sealed.get(name);
    if (at === undefined) throw new Error(`lua: ${name} is not sealed`);
    this.setReadonly(at, false);
    try {
      return fn();
    } finally {
      this.setReadonly(at, true);
    }
  }

  /** A fresh interpreter state (SCRIPT FLUSH, FUNCTION FLUSH): every global defined is gone. */
  reset(): void {
    const reset = this.internals.exports?._reset;
    if (reset === undefined) return;
    if (reset.call(this.internals.exports) !== 0) throw new Error('lua: the interpreter could not be reset');
    this.globalsAt = 0;
    this.sealed.clear();
    this.generation++;
    this.setup();
  }

  /** Bytes of the interpreter's heap (its WebAssembly memory), for INFO memory. */
  heapSize(): number {
    return this.direct !== null ? this.direct.exports.HEAPU8.length : 0;
  }

  private setup(): void {
    for (const name of this.tables) this.seal(name);
    // The additions write into the redis and math tables, read-only like every table scripts reach.
    const text = this.run(Buffer.from('return {tostring(redis), tostring(math)}'), [], [], QUIET);
    const at = Array.isArray(text) ? text.map((t) => (Buffer.isBuffer(t) ? tableAddress(t.toString('latin1')) : 0)) : [];
    if (at.length !== 2 || !at.every((a) => this.isTable(a) && this.isReadonly(a))) throw new Error('lua: the redis and math tables are not where they were expected');
    for (const a of at) this.setReadonly(a, false);
    try {
      const r = this.run(REDIS_ADDITIONS, [], [], QUIET);
      if (r !== null) throw new Error(`lua: the redis library additions failed: ${JSON.stringify(r)}`);
    } finally {
      for (const a of at) this.setReadonly(a, true);
    }
  }

  private withGlobals<T>(fn: () => T): T {
    if (this.globalsAt === 0) {
      const text = this.run(GLOBALS, [], [], QUIET);
      const at = Buffer.isBuffer(text) ? tableAddress(text.toString('latin1')) : 0;
      if (at === 0 || !this.isTable(at) || !this.isReadonly(at)) throw new Error('lua: the globals table is not where it was expected');
      this.globalsAt = at;
    }
    const at = this.globalsAt;
    this.setReadonly(at, false);
    try {
      return fn();
    } finally {
      this.setReadonly(at, true);
    }
  }

  private isTable(at: number): boolean {
    const heap = this.heap();
    return at > 0 && at + TABLE_READONLY + 4 <= heap.length && heap[at + TABLE_TT] === LUA_TTABLE;
  }

  private isReadonly(at: number): boolean {
    return this.heap().readInt32LE(at + TABLE_READONLY) !== 0;
  }

  private setReadonly(at: number, on: boolean): void {
    this.heap().writeInt32LE(on ? 1 : 0, at + TABLE_READONLY);
  }
}

/** Whether the argument at `at` starts with the process's number token (then 8 bytes of a double follow). */
function isNumberArgument(heap: Buffer, at: number): boolean {
  for (let i = 0; i < NUMBER_TOKEN_LENGTH; i++) if (heap[at + i] !== NUMBER_TOKEN[i]) return false;
  return true;
}

/** A number argument as Redis 7.2 writes it (luaArgsToRedisArgv); a NaN keeps its sign ("-nan"). */
function numberArgument(heap: Buffer, at: number): string {
  return luaNumberArgument(heap.readDoubleLE(at), (heap[at + 7] & 0x80) !== 0);
}

/** A Buffer over the interpreter's memory, made again when the memory grows (its view is then replaced). */
let heapView: Uint8Array | null = null;
let heapCache: Buffer | null = null;
function heapBuffer(heap: Uint8Array): Buffer {
  if (heap !== heapView || heapCache === null) {
    heapCache = Buffer.from(heap.buffer, heap.byteOffset, heap.length);
    heapView = heap;
  }
  return heapCache;
}

/** Copies n bytes; a short run byte by byte, cheaper than Buffer.copy's call for the usual few bytes. */
function copySmall(from: Buffer, start: number, to: Buffer, at: number, n: number): void {
  if (n > 64) {
    from.copy(to, at, start, start + n);
    return;
  }
  for (let i = 0; i < n; i++) to[at + i] = from[start + i];
}

/** Where replies to the interpreter are encoded before being copied into its memory. */
let scratch = Buffer.allocUnsafe(4096);

function room(at: number, n: number): void {
  if (at + n <= scratch.length) return;
  let size = scratch.length * 2;
  while (size < at + n) size *= 2;
  const bigger = Buffer.allocUnsafe(size);
  scratch.copy(bigger, 0, 0, at);
  scratch = bigger;
}

// The interpreter's reply encoding: a type byte, a u32 length or count, then the payload.
const T_NULL = 0x00;
const T_INT = 0x01;
const T_BULK = 0x02;
const T_ARRAY = 0x03;
const T_STATUS = 0x04;
const T_ERROR = 0x05;
const T_BOOL = 0x07;
const T_DOUBLE = 0x08;
const T_MAP = 0x09;
const T_SET = 0x0a;
const T_BIG_NUMBER = 0x0b;
const T_VERBATIM = 0x0c;

function head(at: number, type: number, n: number): number {
  room(at, 5);
  scratch[at] = type;
  scratch.writeUInt32LE(n, at + 1);
  return at + 5;
}

function bytes(at: number, type: number, b: Buffer): number {
  at = head(at, type, b.length);
  room(at, b.length);
  b.copy(scratch, at);
  return at + b.length;
}

/** Encodes v into scratch from offset at; returns the offset after it. */
function encodeHostValue(v: HostValue, at: number): number {
  if (v === null) return head(at, T_NULL, 0);
  if (typeof v === 'string') {
    const n = Buffer.byteLength(v, 'latin1');
    at = head(at, T_BULK, n);
    room(at, n);
    return at + scratch.latin1Write(v, at, n);
  }
  if (typeof v === 'number' || typeof v === 'bigint') {
    at = head(at, T_INT, 8);
    room(at, 8);
    if (typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff && Number.isInteger(v)) {
      scratch.writeInt32LE(v, at);
      scratch.writeInt32LE(v < 0 ? -1 : 0, at + 4);
    } else {
      scratch.writeBigInt64LE(typeof v === 'bigint' ? v : BigInt(Math.trunc(v)), at);
    }
    return at + 8;
  }
  if (typeof v === 'boolean') {
    at = head(at, T_BOOL, 1);
    room(at, 1);
    scratch[at] = v ? 1 : 0;
    return at + 1;
  }
  if (Buffer.isBuffer(v)) return bytes(at, T_BULK, v);
  if (Array.isArray(v)) {
    at = head(at, T_ARRAY, v.length);
    for (let i = 0; i < v.length; i++) at = encodeHostValue(v[i], at);
    return at;
  }
  if ('ok' in v) return bytes(at, T_STATUS, v.ok);
  if ('err' in v) return bytes(at, T_ERROR, v.code !== undefined ? Buffer.concat([v.code, Buffer.from(' '), v.err]) : v.err);
  if ('double' in v) {
    at = head(at, T_DOUBLE, 8);
    room(at, 8);
    scratch.writeDoubleLE(v.double, at);
    return at + 8;
  }
  if ('map' in v) {
    at = head(at, T_MAP, v.map.length);
    for (const [k, x] of v.map) at = encodeHostValue(x, encodeHostValue(k, at));
    return at;
  }
  if ('set' in v) {
    at = head(at, T_SET, v.set.length);
    for (const x of v.set) at = encodeHostValue(x, at);
    return at;
  }
  if ('big_number' in v) return bytes(at, T_BIG_NUMBER, v.big_number);
  const { format, string } = v.verbatim_string;
  at = head(at, T_VERBATIM, 4 + format.length + string.length);
  room(at, 4 + format.length + string.length);
  scratch.writeUInt32LE(format.length, at);
  format.copy(scratch, at + 4);
  string.copy(scratch, at + 4 + format.length);
  return at + 4 + format.length + string.length;
}

/** A host value in the package's own reply form (strings become Buffers), for its glue. */
function encodable(v: HostValue): ReplyValue {
  if (typeof v === 'string') return Buffer.from(v, 'latin1');
  if (Array.isArray(v)) return v.map(encodable);
  if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
    if ('map' in v) return { map: v.map.map(([k, x]) => [encodable(k), encodable(x)] as [ReplyValue, ReplyValue]) };
    if ('set' in v) return { set: v.set.map(encodable) };
  }
  return v as ReplyValue;
}

/**
 * Redis's rand48 (rand.c: redisLrand48 / redisSrand48): the 48-bit linear congruential generator
 * x = (0x5DEECE66D * x + 0xB) mod 2^48 from x = 0x1234ABCD330E, returning its top 31 bits. One state
 * for the process, as Redis's is one static.
 */
const rand48 = {
  x: 0x1234abcd330en,
  next(): number {
    this.x = (0x5deece66dn * this.x + 0xbn) & 0xffffffffffffn;
    return Number(this.x >> 17n);
  },
  /** redisSrand48: the high 32 bits become the seed, the low 16 bits 0x330E. */
  seed(s: number): void {
    this.x = ((BigInt.asUintN(32, BigInt(s | 0)) << 16n) | 0x330en) & 0xffffffffffffn;
  },
};

/** The address in "table: 0x1d9b0" (tostring of a table). */
function tableAddress(text: string): number {
  const m = /^table: (?:0x)?([0-9a-f]+)$/i.exec(text);
  return m === null ? 0 : parseInt(m[1], 16);
}

/** A KEYS or ARGV item: a latin1 string or bytes. */
export type LuaArg = string | Buffer;

/**
 * Copies the source and KEYS then ARGV (count, then length-prefixed items, LE u32) into one block of
 * the interpreter's memory and runs the source.
 */
function evalDirect(d: EngineInternals, source: Buffer, keys: LuaArg[], args: LuaArg[], sha: string): ReplyValue {
  const ex = d.exports;
  let argSize = 4;
  for (let i = 0; i < keys.length; i++) argSize += 4 + keys[i].length;
  for (let i = 0; i < args.length; i++) argSize += 4 + args[i].length;
  const sp = ex._alloc(source.length + argSize);
  const ap = sp + source.length;
  // The memory may be replaced when it grows: take it after allocating.
  const heap = heapBuffer(ex.HEAPU8);
  copySmall(source, 0, heap, sp, source.length);
  heap.writeUInt32LE(keys.length + args.length, ap);
  let off = ap + 4;
  for (const list of [keys, args]) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      heap.writeUInt32LE(a.length, off);
      off += 4;
      off += typeof a === 'string' ? heap.latin1Write(a, off, a.length) : a.copy(heap, off);
    }
  }
  let result: unknown;
  try {
    result = d.callEvalWithArgs(sp, source.length, ap, argSize, keys.length);
  } finally {
    ex._free_mem(sp);
  }
  const raised = corrected ? tableError(ex.HEAPU8, result) : null;
  if (raised === null) {
    const quick = plainResult(ex, result);
    if (quick !== undefined) return quick;
  }
  const value = d.decodeResult(result, sha);
  if (raised !== null) return { err: raised.message, meta: { kind: 'error-table', line: raised.line, sha } };
  return value;
}

/** Tags of a script's result: nil, an integer (i64 LE), a bulk string (u32 length, bytes). */
const REPLY_NULL = 0x00;
const REPLY_INT = 0x01;
const REPLY_BULK = 0x02;

/**
 * The commonest results (nil, an integer within 2^53, a bulk string) read straight from the
 * interpreter's memory, which is then freed; undefined for anything else, which the interpreter's own
 * decoder reads. Same values as that decoder, without its copy of the whole result and BigInt read.
 */
function plainResult(ex: EngineInternals['exports'], result: unknown): ReplyValue | undefined {
  if (result === null || typeof result !== 'object' || !('ptr' in result) || !('len' in result)) return undefined;
  const ptr = Number(result.ptr);
  const len = Number(result.len);
  const heap = ex.HEAPU8;
  if (ptr <= 0 || len < 5 || ptr + len > heap.length) return undefined;
  const tag = heap[ptr];
  let value: ReplyValue;
  if (tag === REPLY_NULL) {
    value = null;
  } else if (tag === REPLY_INT && len === 13) {
    const at = ptr + 5;
    const high = heap[at + 4] | (heap[at + 5] << 8) | (heap[at + 6] << 16) | (heap[at + 7] << 24);
    // Within +-2^53: a safe integer (the decoder answers a BigInt beyond).
    if (high <= -0x200000 || high >= 0x200000) return undefined;
    value = high * 0x100000000 + ((heap[at] | (heap[at + 1] << 8) | (heap[at + 2] << 16) | (heap[at + 3] << 24)) >>> 0);
  } else if (tag === REPLY_BULK) {
    const n = heap[ptr + 1] | (heap[ptr + 2] << 8) | (heap[ptr + 3] << 16) | (heap[ptr + 4] << 24);
    if (n < 0 || 5 + n !== len) return undefined;
    value = Buffer.from(heap.subarray(ptr + 5, ptr + 5 + n));
  } else {
    return undefined;
  }
  ex._free_mem(ptr);
  return value;
}

/** Tag of an error that ended the script: u32 length, u32 line, then the message. */
const REPLY_SCRIPT_ERROR = 0x06;

/**
 * A script that raised a table ends with the table's err field as its message and the flagged line
 * (wasm-patch.ts). The message is taken as it is: the interpreter's decoder would split an error code
 * off it or add "ERR", which Redis does not do for error tables.
 */
function tableError(heap: Uint8Array, result: unknown): { message: Buffer; line: number } | null {
  if (result === null || typeof result !== 'object' || !('ptr' in result) || !('len' in result)) return null;
  const ptr = Number(result.ptr);
  const len = Number(result.len);
  if (ptr <= 0 || len < 9 || ptr + len > heap.length || heap[ptr] !== REPLY_SCRIPT_ERROR) return null;
  const view = new DataView(heap.buffer, heap.byteOffset + ptr, len);
  const size = view.getUint32(1, true);
  const line = view.getUint32(5, true);
  if (line < TABLE_ERROR_FLAG || size < 4 || 5 + size > len) return null;
  return { message: Buffer.from(heap.subarray(ptr + 9, ptr + 5 + size)), line: line - TABLE_ERROR_FLAG };
}

/** Where evalVm keeps each cached script's function by SHA1 (Redis keeps them out of sight too). */
export const SCRIPTS = '__cinnabar_scripts';
/** Where functionVm keeps each loaded library's registered callbacks. */
export const LIBRARIES = '__cinnabar_libraries';

/** The interpreter EVAL scripts run in. */
export const evalVm = await LuaVm.create([SCRIPTS]);
/** The interpreter function libraries are loaded into and FCALL runs in (Redis keeps them apart too). */
export const functionVm = await LuaVm.create([LIBRARIES]);

/** The interpreters' WebAssembly memory (reserved in full, mostly untouched), which V8 counts as external. */
export function interpreterMemory(): number {
  return evalVm.heapSize() + functionVm.heapSize();
}
