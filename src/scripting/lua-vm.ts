// The Lua interpreter behind EVAL and FCALL: Redis's own Lua 5.1 (with cjson, cmsgpack, bit and struct)
// compiled to WebAssembly (npm lua-redis-wasm, pinned). One interpreter per process, loaded when this
// module is first imported; scripts run synchronously on it. Everything Redis-specific about calling
// commands, converting replies and wording errors lives in the host (src/server/scripting.ts), which
// installs itself for the duration of one script with runLua().
//
// Long scripts: the interpreter's instruction-count hook is rewritten at load (wasm-hook.ts) to call
// LuaHost.tick every HOOK_STEP Lua instructions, as Redis's count hook does every 100,000; the host may
// then serve other clients and answers whether the script goes on. Scripts shorter than that never leave
// the interpreter.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LuaWasmEngine, type ReplyValue } from 'lua-redis-wasm';
import { patchFuelHook } from './wasm-hook.js';

export type { ReplyValue };

/** What a running script's redis.* functions reach. */
export interface LuaHost {
  /** redis.call (raise = true) or redis.pcall (raise = false): arguments as the script passed them. */
  call(args: Buffer[], raise: boolean): ReplyValue;
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

let current: LuaHost | null = null;

const noHost = (): ReplyValue => ({ err: Buffer.from('This Redis command is not allowed from script'), code: Buffer.from('ERR') });

/** The interpreter's binary with the hook that reaches the host; the stock one if this build differs. */
function interpreterBinary(): { bytes?: Uint8Array; fuelAddress: number } {
  try {
    const where = LuaWasmEngine.defaultWasmPath();
    const stock = readFileSync(where.startsWith('file:') ? fileURLToPath(where) : where);
    const patched = patchFuelHook(new Uint8Array(stock.buffer, stock.byteOffset, stock.length));
    if (patched !== null) return { bytes: patched.bytes, fuelAddress: patched.fuelAddress };
  } catch {
    // Fall back to the stock binary below.
  }
  return { fuelAddress: -1 };
}

const binary = interpreterBinary();
/** Whether a running script can be interrupted (false only with an unexpected interpreter build). */
export const interruptible = binary.bytes !== undefined;
let ticks = 0;
let heapView: DataView | null = null;

/** The count hook's call: refill the instruction budget, or make the hook raise at every instruction. */
function onHook(state: number): void {
  const host = current;
  let go = true;
  try {
    go = host !== null && host.tick !== undefined ? host.tick() : ++ticks < UNTICKED_LIMIT;
  } catch {
    // A JavaScript exception must not unwind through the interpreter's C frames (its error handling
    // is setjmp/longjmp): the script goes on.
  }
  const heap = (internals as EngineInternals).exports.HEAPU8;
  if (heapView === null || heapView.buffer !== heap.buffer) heapView = new DataView(heap.buffer, heap.byteOffset, heap.byteLength);
  // lua_State.hookcount (offset 64 in this wasm32 build): counted down per instruction, the hook runs at
  // zero. Left at 1 the hook runs again at the next instruction, so a killed script cannot go on
  // inside pcall; Lua resets it to the hook's period on the way, so nothing lingers.
  // Checked against basehookcount (offset 60), which holds the interpreter's hook period of 1,000.
  if (go) heapView.setBigInt64(binary.fuelAddress, BigInt(HOOK_STEP), true);
  else if (heapView.getInt32(state + 60, true) === 1000) heapView.setInt32(state + 64, 1, true);
}

const vm = await LuaWasmEngine.create({
  host: {
    redisCall: (args) => (current === null ? noHost() : current.call(args, true)),
    redisPcall: (args) => (current === null ? noHost() : current.call(args, false)),
    log: (level, message) => current?.log(level, message),
    // Scripts reach this with 2 or 3 only; the rewritten count hook passes its lua_State pointer.
    onSetResp: (v) => (v === 2 || v === 3 ? current?.setResp(v) : onHook(v)),
  },
  ...(binary.bytes !== undefined ? { wasmBytes: binary.bytes } : {}),
  profile: 'redis-7.2',
  // The instruction budget a script starts with: the hook calls the host when it is spent, which refills
  // it. The stock interpreter (no host call) stops a script once its budget is spent.
  limits: { maxFuel: binary.bytes !== undefined ? HOOK_STEP : 2_000_000_000 },
  redisProps: {
    REDIS_VERSION: { value: SCRIPT_REDIS_VERSION },
    REDIS_VERSION_NUM: { value: 0x070204 },
    REPL_NONE: { value: 0 },
    REPL_AOF: { value: 1 },
    REPL_SLAVE: { value: 2 },
    REPL_REPLICA: { value: 2 },
    REPL_ALL: { value: 3 },
    set_repl: { returns: null },
    replicate_commands: { returns: true },
  },
});

/**
 * The interpreter's own entry points below its public evalWithArgs, which hashes the whole source in
 * JavaScript on every call (about 1 ms for an 18 KB script) only to label errors; the caller already
 * knows the digest. Used when this pinned version has them, else the public call.
 */
interface EngineInternals {
  exports: { _alloc(n: number): number; _free_mem(p: number): void; HEAPU8: Uint8Array };
  callEvalWithArgs(scriptPtr: number, scriptLen: number, argsPtr: number, argsLen: number, keys: number): unknown;
  decodeResult(result: unknown, sha: string): ReplyValue;
}
const internals = ((vm as unknown as { engine?: unknown }).engine ?? vm) as Partial<EngineInternals>;
// The hook refills the budget in the interpreter's memory: without access to it every script would stop
// after its first budget.
if (interruptible && internals.exports?.HEAPU8 === undefined) throw new Error('lua-redis-wasm: the interpreter memory is not reachable');
const direct =
  internals.exports !== undefined && typeof internals.callEvalWithArgs === 'function' && typeof internals.decodeResult === 'function'
    ? (internals as EngineInternals)
    : null;

/** KEYS then ARGV in the interpreter's argument layout: count, then length-prefixed items (LE u32). */
function encodeArgs(keys: Buffer[], args: Buffer[]): Buffer {
  let size = 4;
  for (const k of keys) size += 4 + k.length;
  for (const a of args) size += 4 + a.length;
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32LE(keys.length + args.length, 0);
  let off = 4;
  for (const list of [keys, args]) {
    for (const b of list) {
      out.writeUInt32LE(b.length, off);
      b.copy(out, off + 4);
      off += 4 + b.length;
    }
  }
  return out;
}

function evalDirect(d: EngineInternals, source: Buffer, keys: Buffer[], args: Buffer[], sha: string): ReplyValue {
  const argBuf = encodeArgs(keys, args);
  const ex = d.exports;
  const sp = ex._alloc(source.length);
  const ap = ex._alloc(argBuf.length);
  // HEAPU8 may be replaced when memory grows: read it after allocating.
  ex.HEAPU8.set(source, sp);
  ex.HEAPU8.set(argBuf, ap);
  let result: unknown;
  try {
    result = d.callEvalWithArgs(sp, source.length, ap, argBuf.length, keys.length);
  } finally {
    ex._free_mem(sp);
    ex._free_mem(ap);
  }
  return d.decodeResult(result, sha);
}

/** Runs Lua source with KEYS and ARGV bound, the given host answering redis.call and friends. */
export function runLua(source: Buffer, keys: Buffer[], args: Buffer[], host: LuaHost, sha = ''): ReplyValue {
  const prev = current;
  current = host;
  ticks = 0;
  try {
    return direct !== null ? evalDirect(direct, source, keys, args, sha) : vm.evalWithArgs(source, keys, args);
  } finally {
    current = prev;
  }
}

const COMPILE_CHECK = Buffer.from("local f, e = loadstring(ARGV[1], '@user_script') if f then return false end return e");

/** Compiles without running: null when the source compiles, else Lua's message ("user_script:1: ..."). */
export function compileError(source: Buffer): string | null {
  const r = runLua(COMPILE_CHECK, [], [source], { call: noHost, log: () => {}, setResp: () => {} });
  if (r === null || r === false) return null;
  if (Buffer.isBuffer(r)) return r.toString('latin1');
  return 'unknown compile error';
}

/** Bytes of the interpreter's heap (its WebAssembly memory), for INFO memory. */
export function luaHeapSize(): number {
  return direct !== null ? direct.exports.HEAPU8.length : 0;
}
