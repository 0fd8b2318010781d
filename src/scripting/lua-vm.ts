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

/** Runs Lua source with KEYS and ARGV bound, the given host answering redis.call and friends. */
export function runLua(source: Buffer, keys: Buffer[], args: Buffer[], host: LuaHost): ReplyValue {
  const prev = current;
  current = host;
  try {
    return vm.evalWithArgs(source, keys, args);
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
