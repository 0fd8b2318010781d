// The Lua interpreter behind EVAL and FCALL: Redis's own Lua 5.1 (with cjson, cmsgpack, bit and struct)
// compiled to WebAssembly (npm lua-redis-wasm, pinned). One interpreter per process, loaded when this
// module is first imported; scripts run synchronously on it. Everything Redis-specific about calling
// commands, converting replies and wording errors lives in the host (src/server/scripting.ts), which
// installs itself for the duration of one script with runLua().
import { LuaWasmEngine, type ReplyValue } from 'lua-redis-wasm';

export type { ReplyValue };

/** What a running script's redis.* functions reach. */
export interface LuaHost {
  /** redis.call (raise = true) or redis.pcall (raise = false): arguments as the script passed them. */
  call(args: Buffer[], raise: boolean): ReplyValue;
  /** redis.log(level, message). */
  log(level: number, message: Buffer): void;
  /** redis.setresp(2|3). */
  setResp(version: 2 | 3): void;
}

/** The Redis version scripts see in redis.REDIS_VERSION / redis.REDIS_VERSION_NUM. */
export const SCRIPT_REDIS_VERSION = '7.2.4';

let current: LuaHost | null = null;

const noHost = (): ReplyValue => ({ err: Buffer.from('This Redis command is not allowed from script'), code: Buffer.from('ERR') });

const vm = await LuaWasmEngine.create({
  host: {
    redisCall: (args) => (current === null ? noHost() : current.call(args, true)),
    redisPcall: (args) => (current === null ? noHost() : current.call(args, false)),
    log: (level, message) => current?.log(level, message),
    onSetResp: (v) => current?.setResp(v),
  },
  profile: 'redis-7.2',
  // The interpreter's instruction budget per script (its maximum): a script still running after about
  // two billion Lua instructions is stopped with an error.
  limits: { maxFuel: 2_000_000_000 },
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
