// Lua scripting and Functions on the engine: the script cache (EVAL/EVALSHA/SCRIPT), function
// libraries (FUNCTION/FCALL), and the host a running script's redis.call reaches. A script runs to
// completion on the event loop, so it is atomic; what it changes is propagated as its effects (the
// commands it ran), wrapped in MULTI/EXEC when there are several, as Redis 7 does.
// A script still running after busy-reply-threshold ms is "timed out" (scriptInterrupt in script.c):
// from the interpreter's count hook the server then serves the other clients (whileBusy), which get
// BUSY for everything but SCRIPT KILL / FUNCTION KILL / SHUTDOWN NOSAVE and the few commands flagged
// allow-busy, and a kill stops the script at its next instruction.
// Counterparts: eval.c, function_lua.c, functions.c and script.c in Redis.
import { createHash } from 'node:crypto';
import type { Engine } from './engine.js';
import { Client, type ClientOwner } from './client.js';
import type { Command } from '../spec/types.js';
import type { CommandContext, FunctionInfo, ScriptingApi } from '../spec/context.js';
import { ErrorReply, OK, type Reply } from '../protocol/reply.js';
import { errorReply } from '../protocol/errors.js';
import { ACL_CHECK, LIBRARIES, RAISE_AT, SCRIPTS, SET_REPL, corrected, evalVm, functionVm, type HostValue, type LuaHost, type LuaVm, type ReplyValue } from '../scripting/lua-vm.js';
import { cachedCall } from '../scripting/wasm-patch.js';
import { RESULT_MARK, errorText, errorValue, isErrorValue, luaToReply, replyToLua } from '../scripting/convert.js';
import { parseScriptShebang, parseLibraryShebang, type ScriptFlags } from '../scripting/shebang.js';
import { escapeLuaString } from '../scripting/lua-source.js';

const ERR_NOSCRIPT = errorReply('NOSCRIPT No matching script. Please use EVAL.');
const ERR_NOTBUSY = errorReply('NOTBUSY No scripts in execution right now.');
/** What other clients get while a timed-out EVAL script runs (shared.slowevalerr). */
export const ERR_BUSY_EVAL = errorReply('BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.');
/** ... and while a timed-out function runs (shared.slowscripterr). */
export const ERR_BUSY_FUNCTION = errorReply('BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.');
const ERR_UNKILLABLE = errorReply(
  'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.',
);
/** How long FUNCTION LOAD lets a library's top-level code run (Redis's LOAD_TIMEOUT_MS). */
const LOAD_TIMEOUT_MS = 500;
const ERR_RO_WITH_WRITE_FLAG = errorReply('ERR Can not execute a script with write flag using *_ro command.');
const OOM_TEXT = "OOM command not allowed when used memory > 'maxmemory'.";

interface CachedScript {
  sha: string;
  /** The source as compiled: the shebang line (if any) blanked so line numbers stay the same. */
  source: Buffer;
  /**
   * What each run hands the interpreter: a chunk calling the script's function (compiled on every run),
   * or, with the interpreter's shortcut, a reference to that chunk compiled once by define() (callChunk).
   */
  call: Buffer;
  /** The calling chunk define() compiles next to the function (stored under sha + CALL_SUFFIX), if any. */
  callChunk: Buffer | null;
  /** evalVm.generation when it was defined: another engine's SCRIPT FLUSH resets the interpreter. */
  generation: number;
  flags: ScriptFlags;
}

interface LibraryFunction {
  name: string;
  description: string | null;
  flags: string[];
  /** The chunk each FCALL compiles: a call of the registered callback with (KEYS, ARGV). */
  runner: Buffer;
}

interface Library {
  name: string;
  code: string;
  /** Where functionVm keeps the library's registered callbacks: LIBRARIES[key]. */
  key: string;
  functions: Map<string, LibraryFunction>;
}

/** The global RESP3 result encoder of both interpreters (RESULT_ENCODER). */
const ENCODER = '__cinnabar_enc';
let librarySeq = 0;
/** The interpreter state generation each interpreter's encoder was defined in. */
const encoderDefined = new WeakMap<LuaVm, number>();

/** Defines the encoder in the interpreter's current state, once. */
function prepare(vm: LuaVm): void {
  if (encoderDefined.get(vm) === vm.generation) return;
  vm.defineValue(ENCODER, Buffer.from(`${RESULT_ENCODER}return __cinnabar_enc`, 'latin1'));
  encoderDefined.set(vm, vm.generation);
}

/** Script flags a function declares (register_function's flags=). */
const FUNCTION_FLAGS = new Set(['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys']);

/** State of the script now running (redis.call needs it). */
interface Running {
  name: string;
  /** "user_script" or "user_function": the chunk name errors mention. */
  chunk: string;
  readOnly: boolean;
  client: Client;
  /** The connection that ran EVAL/FCALL (ACL LOG shows it). */
  caller: Client;
  resp: 2 | 3;
  wrote: boolean;
  /** EVAL family (true) or FCALL (false): which KILL and which BUSY wording apply. */
  isEval: boolean;
  /** The command that started it (FUNCTION STATS shows it). */
  argv: string[];
  /** performance.now() when it started. */
  start: number;
  /** Past busy-reply-threshold: other clients are being served (and answered BUSY). */
  timedOut: boolean;
  /** SCRIPT KILL / FUNCTION KILL / SHUTDOWN NOSAVE asked it to stop. */
  killed: boolean;
  /** The script declared allow-oom. */
  allowOom?: boolean;
  /** redis.set_repl's flags (REPL_AOF 1 | REPL_REPLICA 2): without REPL_AOF its commands are not propagated. */
  replFlags: number;
  /** An error raised for one of the redis.* functions the interpreter side adds, and its caller's line. */
  raisedAt?: { text: string; line: number };
}

/** redis.set_repl's flags. */
const REPL_AOF = 1;
const REPL_ALL = 3;

export class ScriptingService implements ScriptingApi {
  private readonly scripts = new Map<string, CachedScript>();
  private readonly libraries = new Map<string, Library>();
  private readonly functions = new Map<string, { lib: Library; fn: LibraryFunction }>();
  /** Keys of functionVm's library table this engine has filled (see sweepLibraries). */
  private readonly ownedKeys = new Set<string>();
  private running: Running | null = null;
  /** The client commands called from scripts run as (never listed by CLIENT LIST). */
  private scriptClientCache: Client | null = null;
  /** Memory the cached scripts' sources take (INFO used_memory_scripts_eval). */
  scriptsMemory = 0;
  /**
   * Set by the network server: serves the other clients once while a timed-out script runs (Redis's
   * processEventsWhileBlocked). The script's caller is left alone. true when the server is shutting
   * down, which stops the script.
   */
  whileBusy: ((caller: Client) => boolean) | null = null;
  /** Set by the network server: a timed-out script ended. */
  afterBusy: (() => void) | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly owner: ClientOwner,
  ) {}

  private get scriptClient(): Client {
    return (this.scriptClientCache ??= new Client(0, this.owner, null, '', '', -1));
  }

  get scriptCount(): number {
    return this.scripts.size;
  }

  get libraryCount(): number {
    return this.libraries.size;
  }

  get functionCount(): number {
    return this.functions.size;
  }

  /** INFO memory's scripting fields. */
  memoryInfo(): { scripts: number; scriptsMemory: number; functions: number; libraries: number; functionsMemory: number; vmMemory: number; vmFunctionsMemory: number } {
    let functionsMemory = 0;
    for (const lib of this.libraries.values()) {
      functionsMemory += lib.code.length + 64;
      for (const f of lib.functions.values()) functionsMemory += f.runner.length + 64;
    }
    return {
      scripts: this.scripts.size,
      scriptsMemory: this.scriptsMemory,
      functions: this.functions.size,
      libraries: this.libraries.size,
      functionsMemory,
      vmMemory: evalVm.heapSize(),
      vmFunctionsMemory: functionVm.heapSize(),
    };
  }

  get busy(): boolean {
    return this.running !== null;
  }

  // ---- script cache -------------------------------------------------------------------------

  private static sha1(body: string): string {
    return createHash('sha1').update(body, 'latin1').digest('hex');
  }

  /** Compiles and caches a script body; an error reply when it does not compile. */
  private cache(body: string, sha: string): CachedScript | ErrorReply {
    const known = this.scripts.get(sha);
    if (known !== undefined) return known;
    const parsed = parseScriptShebang(body);
    if (parsed instanceof ErrorReply) return parsed;
    // The script's source is compiled as it is into a function; each run calls it for its first value
    // (a Lua chunk called for one result). RESP3 result tables ({double=...}, {map=...}, ...) pass
    // through the encoder when the script can make them.
    const run = `${SCRIPTS}['${sha}']()`;
    const chunk = Buffer.from(RESP3_RESULT.test(parsed.source) ? `return (${ENCODER}(${run}))` : `return (${run})`, 'latin1');
    // With the interpreter's shortcut (wasm-patch.ts) the calling chunk is compiled once, next to the
    // function, and each run names it instead of compiling it again.
    const shortcut = corrected;
    const entry: CachedScript = {
      sha,
      source: Buffer.from(parsed.source, 'latin1'),
      call: shortcut ? cachedCall(SCRIPTS, sha + CALL_SUFFIX) : chunk,
      callChunk: shortcut ? chunk : null,
      generation: -1,
      flags: parsed.flags,
    };
    const defined = this.define(entry);
    if (defined !== null) return defined;
    this.scripts.set(sha, entry);
    this.scriptsMemory += body.length + 100;
    return entry;
  }

  /** Compiles the script into the eval interpreter (again, after a reset by another engine). */
  private define(script: CachedScript): ErrorReply | null {
    prepare(evalVm);
    const err = evalVm.define(SCRIPTS, script.sha, script.source, '@user_script');
    if (err !== null) return errorReply(`ERR Error compiling script (new function): ${err}`);
    // The chunk every run calls, compiled as each run used to compile it (same chunk name, one line).
    if (script.callChunk !== null && evalVm.define(SCRIPTS, script.sha + CALL_SUFFIX, script.callChunk, '@user_script') !== null) {
      return errorReply('ERR Error compiling script (new function)');
    }
    script.generation = evalVm.generation;
    return null;
  }

  scriptLoad(body: string): Reply {
    const sha = ScriptingService.sha1(body);
    const s = this.cache(body, sha);
    return s instanceof ErrorReply ? s : sha;
  }

  scriptExists(shas: string[]): Reply {
    return shas.map((s) => (this.scripts.has(s.toLowerCase()) ? 1 : 0));
  }

  scriptFlush(): Reply {
    this.scripts.clear();
    this.scriptsMemory = 0;
    // As Redis, a fresh interpreter: every compiled script is gone.
    evalVm.reset();
    return OK;
  }

  scriptKill(): Reply {
    return this.kill(true);
  }

  /** SCRIPT KILL (isEval) / FUNCTION KILL, with scriptKill()'s checks in Redis's order (script.c). */
  private kill(isEval: boolean): Reply {
    const r = this.running;
    if (r === null) return ERR_NOTBUSY;
    if (r.wrote) return ERR_UNKILLABLE;
    if (isEval && !r.isEval) return ERR_BUSY_FUNCTION;
    if (!isEval && r.isEval) return ERR_BUSY_EVAL;
    r.killed = true;
    return OK;
  }

  /** The function now running, for FUNCTION STATS; BUSY while an EVAL script runs (functionStatsCommand). */
  runningFunction(): { name: string; argv: string[]; durationMs: number } | ErrorReply | null {
    const r = this.running;
    if (r === null) return null;
    if (r.isEval) return ERR_BUSY_EVAL;
    return { name: r.name, argv: r.argv, durationMs: Math.floor(performance.now() - r.start) };
  }

  /** EVAL / EVALSHA / EVAL_RO / EVALSHA_RO. argv: [cmd, script|sha, numkeys, ...]. */
  eval(ctx: CommandContext, argv: string[], bySha: boolean, readOnly: boolean): Reply {
    const split = splitKeys(argv, 2);
    if (split instanceof ErrorReply) return split;
    let script: CachedScript | ErrorReply | undefined;
    if (bySha) {
      script = this.scripts.get(argv[1].length === 40 ? argv[1].toLowerCase() : argv[1]);
      if (script === undefined) return ERR_NOSCRIPT;
    } else {
      script = this.cache(argv[1], ScriptingService.sha1(argv[1]));
      if (script instanceof ErrorReply) return script;
    }
    if (readOnly && script.flags.declared && !script.flags.noWrites) return ERR_RO_WITH_WRITE_FLAG;
    // A script with flags that may write is refused as a whole when memory is full (its flags make it denyoom).
    if (script.flags.declared && !script.flags.noWrites && !script.flags.allowOom && this.oomAtStart()) return errorReply(OOM_TEXT);
    const ro = readOnly || script.flags.noWrites;
    // Scripts show in MONITOR before the commands they run (the dispatcher skips them).
    this.engine.monitorFeed?.(ctx.client as Client, argv);
    if (script.generation !== evalVm.generation) {
      const err = this.define(script);
      if (err !== null) return err;
    }
    return this.run(evalVm, ctx, script.call, split[0], split[1], { name: script.sha, chunk: 'user_script', readOnly: ro, argv, allowOom: script.flags.allowOom });
  }

  // ---- functions ----------------------------------------------------------------------------

  functionLoad(code: string, replace: boolean): Reply {
    const r = this.loadOne(code, replace);
    this.sweepLibraries();
    return r;
  }

  private loadOne(code: string, replace: boolean): Reply {
    const meta = parseLibraryShebang(code);
    if (meta instanceof ErrorReply) return meta;
    const existing = this.libraries.get(meta.name);
    if (existing !== undefined && !replace) return errorReply(`ERR Library '${meta.name}' already exists`);
    const loaded = this.loadLibrary(meta.body);
    if (loaded instanceof ErrorReply) return loaded;
    const { key, registered } = loaded;
    for (const fn of registered) {
      const owner = this.functions.get(fn.name);
      if (owner !== undefined && owner.lib.name !== meta.name) return errorReply(`ERR Function ${fn.name} already exists`);
    }
    if (registered.length === 0) return errorReply('ERR No functions registered');
    if (existing !== undefined) this.dropLibrary(existing);
    const lib: Library = { name: meta.name, code, key, functions: new Map() };
    for (const fn of registered) {
      lib.functions.set(fn.name, fn);
      this.functions.set(fn.name, { lib, fn });
    }
    this.libraries.set(lib.name, lib);
    return meta.name;
  }

  /**
   * Runs the library's code once, as FUNCTION LOAD does: the callbacks it registers stay in
   * functionVm under a new key (closures over the library's locals, which persist between calls);
   * what it registers is returned. Every error as Redis words it.
   */
  private loadLibrary(body: string): { key: string; registered: LibraryFunction[] } | ErrorReply {
    prepare(functionVm);
    // Compiled with the metadata line in place so line numbers count it, as Redis's do.
    const err = functionVm.compileError(Buffer.from(`\n${body}`, 'latin1'));
    if (err !== null) return errorReply(`ERR Error compiling function: ${err.replace(/^user_script:/, 'user_function:')}`);
    const key = `L${++librarySeq}`;
    this.ownedKeys.add(key);
    const keep =
      `__cinnabar_loading = false __cinnabar_meta.__index = __cinnabar_real rawset(redis, 'register_function', nil) ` +
      `${functionVm.gate(LIBRARIES, '__cinnabar_real.call', true)} rawset(${LIBRARIES}, ${escapeLuaString(key)}, __cinnabar_fns) ` +
      `${functionVm.gate(LIBRARIES, '__cinnabar_real.call', false)} return {__cinnabar_registered, tostring(__cinnabar_fns)}`;
    const loader = Buffer.from(`${LOADER_PREFIX} do\n${body}\nend ${keep}`, 'latin1');
    const host = this.loadHost();
    const r = functionVm.run(loader, [], [], host);
    if (host.timedOut) return errorReply('ERR Error registering functions: ERR FUNCTION LOAD timeout');
    if (isErrorValue(r)) {
      let text = errorText(r).replace(/user_script:/g, 'user_function:');
      if (r.meta?.kind === 'global-read') text = `ERR user_function:${r.meta.line}: Script attempted to access nonexistent global variable '${r.meta.name}'`;
      else if (r.meta?.kind === 'error-table') text = r.err.toString('latin1');
      else if (r.code === undefined) text = `ERR ${text}`;
      return errorReply(`ERR Error registering functions: ${text}`);
    }
    if (!Array.isArray(r) || !Array.isArray(r[0]) || !Buffer.isBuffer(r[1])) return { key, registered: [] };
    // The callbacks' table is as read-only to scripts as the globals it hangs from.
    functionVm.protect(r[1].toString('latin1'));
    const registered: LibraryFunction[] = [];
    const encode = RESP3_RESULT.test(body);
    for (const entry of r[0]) {
      if (!Array.isArray(entry)) continue;
      const fname = Buffer.isBuffer(entry[0]) ? entry[0].toString('latin1') : '';
      const desc = Buffer.isBuffer(entry[1]) && entry[1].length > 0 ? entry[1].toString('latin1') : null;
      const flags = Array.isArray(entry[2]) ? entry[2].filter(Buffer.isBuffer).map((b) => b.toString('latin1')) : [];
      const callback = `${LIBRARIES}[${escapeLuaString(key)}][${escapeLuaString(fname)}](KEYS, ARGV)`;
      const call = Buffer.from(encode ? `return (${ENCODER}(${callback}))` : `return (${callback})`, 'latin1');
      // As for EVALSHA, the calling chunk is compiled once and each FCALL names it (wasm-patch.ts's
      // shortcut); it is kept in LIBRARIES under the library's key and the function's name.
      const runnerKey = `${key}${CALL_SUFFIX}${fname}`;
      const compiled = corrected && functionVm.define(LIBRARIES, runnerKey, call, '@user_script') === null;
      if (compiled) this.ownedKeys.add(runnerKey);
      registered.push({ name: fname, description: desc, flags, runner: compiled ? cachedCall(LIBRARIES, runnerKey) : call });
    }
    return { key, registered };
  }

  /** Drops from functionVm the callbacks of this engine's libraries that are no longer loaded. */
  private sweepLibraries(): void {
    const live = new Set<string>();
    for (const lib of this.libraries.values()) live.add(lib.key);
    // A library's key, and its functions' calling chunks (kept under key + CALL_SUFFIX + name).
    const libraryOf = (k: string): string => {
      const at = k.indexOf(CALL_SUFFIX);
      return at < 0 ? k : k.slice(0, at);
    };
    const dead = [...this.ownedKeys].filter((k) => !live.has(libraryOf(k)));
    if (dead.length === 0) return;
    for (const k of dead) this.ownedKeys.delete(k);
    functionVm.deleteKeys(LIBRARIES, dead);
  }

  /** While a library loads, only registration and logging are allowed, for at most LOAD_TIMEOUT_MS. */
  private loadHost(): LuaHost & { timedOut: boolean } {
    const start = performance.now();
    const host = {
      timedOut: false,
      call: () => errorValue('ERR attempt to call field \'call\' (a nil value)'),
      log: (level: number, msg: Buffer) => this.engine.onScriptLog(level, msg.toString('latin1')),
      setResp: () => {},
      tick: () => !(host.timedOut ||= performance.now() - start > LOAD_TIMEOUT_MS),
    };
    return host;
  }

  private dropLibrary(lib: Library): void {
    for (const name of lib.functions.keys()) this.functions.delete(name);
    this.libraries.delete(lib.name);
  }

  functionDelete(name: string): Reply {
    const lib = this.libraries.get(name);
    if (lib === undefined) return errorReply('ERR Library not found');
    this.dropLibrary(lib);
    this.sweepLibraries();
    return OK;
  }

  functionFlush(): Reply {
    this.libraries.clear();
    this.functions.clear();
    this.sweepLibraries();
    return OK;
  }

  functionKill(): Reply {
    return this.kill(false);
  }

  listLibraries(): Array<{ name: string; code: string; functions: FunctionInfo[] }> {
    return [...this.libraries.values()].map((l) => ({
      name: l.name,
      code: l.code,
      functions: [...l.functions.values()].map((f) => ({ name: f.name, description: f.description, flags: f.flags })),
    }));
  }

  /** Replaces or adds libraries from their codes (FUNCTION RESTORE and loading a dump). */
  restoreLibraries(codes: string[], policy: 'flush' | 'append' | 'replace'): Reply {
    const r = this.restoreAll(codes, policy);
    // Only now may callbacks go: a rollback brings back libraries the restore had replaced.
    this.sweepLibraries();
    return r;
  }

  private restoreAll(codes: string[], policy: 'flush' | 'append' | 'replace'): Reply {
    const saved = { libs: new Map(this.libraries), fns: new Map(this.functions) };
    if (policy === 'flush') {
      this.libraries.clear();
      this.functions.clear();
    }
    for (const code of codes) {
      const meta = parseLibraryShebang(code);
      if (meta instanceof ErrorReply) return this.rollback(saved, meta);
      if (policy === 'append' && this.libraries.has(meta.name)) return this.rollback(saved, errorReply(`ERR Library ${meta.name} already exists`));
      const r = this.loadOne(code, policy !== 'append');
      if (r instanceof ErrorReply) return this.rollback(saved, r);
    }
    return OK;
  }

  private rollback(saved: { libs: Map<string, Library>; fns: Map<string, { lib: Library; fn: LibraryFunction }> }, err: ErrorReply): ErrorReply {
    this.libraries.clear();
    this.functions.clear();
    for (const [k, v] of saved.libs) this.libraries.set(k, v);
    for (const [k, v] of saved.fns) this.functions.set(k, v);
    return err;
  }

  /** FCALL / FCALL_RO. argv: [cmd, function, numkeys, ...]. */
  fcall(ctx: CommandContext, argv: string[], readOnly: boolean): Reply {
    const found = this.functions.get(argv[1]);
    if (found === undefined) return errorReply('ERR Function not found');
    const split = splitKeys(argv, 2);
    if (split instanceof ErrorReply) return split;
    const noWrites = found.fn.flags.includes('no-writes');
    if (readOnly && !noWrites) return errorReply('ERR Can not execute a script with write flag using *_ro command.');
    const allowOom = found.fn.flags.includes('allow-oom');
    if (!noWrites && !allowOom && this.oomAtStart()) return errorReply(OOM_TEXT);
    this.engine.monitorFeed?.(ctx.client as Client, argv);
    return this.run(functionVm, ctx, found.fn.runner, split[0], split[1], { name: found.fn.name, chunk: 'user_function', readOnly: readOnly || noWrites, argv, allowOom });
  }

  // ---- running a script ---------------------------------------------------------------------

  /** Memory was over maxmemory with nothing to evict when this script's command started. */
  private oomAtStart(): boolean {
    return this.engine.scriptOom && this.engine.eviction.maxmemory !== 0;
  }

  private run(vm: LuaVm, ctx: CommandContext, source: Buffer, keys: string[], args: string[], how: { name: string; chunk: string; readOnly: boolean; argv: string[]; allowOom?: boolean }): Reply {
    const caller = ctx.client as Client;
    const sc = this.scriptClient;
    sc.select(caller.dbIndex);
    sc.resp = 2;
    sc.user = caller.user;
    sc.aclUser = caller.aclUser;
    sc.noTouch = caller.noTouch;
    sc.authenticated = true;
    const running: Running = { name: how.name, chunk: how.chunk, readOnly: how.readOnly, client: sc, caller, resp: 2, wrote: false, isEval: how.chunk === 'user_script', argv: how.argv, start: performance.now(), timedOut: false, killed: false, allowOom: how.allowOom === true, replFlags: REPL_ALL };
    const outer = this.running;
    this.running = running;
    const owns = this.engine.beginAtomicPropagation();
    let r: ReplyValue;
    try {
      r = vm.run(source, keys, args, this.host, how.name);
    } finally {
      this.running = outer;
      if (running.timedOut) {
        this.engine.busyError = null;
        this.afterBusy?.();
      }
      if (owns) this.engine.endAtomicPropagation();
    }
    if (running.killed) {
      const line = isErrorValue(r) ? (r.meta?.line ?? 0) : 0;
      return new ErrorReply(`ERR Script killed by user with SCRIPT KILL... script: ${running.name}, on @${running.chunk}:${line}.`);
    }
    if (isErrorValue(r) && r.meta !== undefined) return this.raisedError(r, running);
    return luaToReply(r);
  }

  /** redis.set_repl(flags): argv is [SET_REPL, caller position, argument count, flags]. */
  private setRepl(running: Running, argv: string[]): HostValue {
    const flags = Math.trunc(Number(argv[3]));
    let text: string | null = null;
    // "two arguments" is what Redis 7 says (the count it checks includes the function itself).
    if (argv[2] !== '1') text = 'redis.set_repl() requires two arguments.';
    else if (!Number.isFinite(flags) || (flags & ~REPL_ALL) !== 0 || flags < 0) text = 'Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.';
    if (text === null) {
      running.replFlags = flags;
      return null;
    }
    return this.raiseAt(running, argv[1], text);
  }

  /**
   * An error raised for one of the redis.* functions the interpreter's side adds: the script's reply
   * names the line of their caller (`where` is "user_script:N: "), not theirs.
   */
  private raiseAt(running: Running, where: string, message: string): HostValue {
    const text = `ERR ${message}`;
    const at = /:(\d+): $/.exec(where);
    if (at !== null) running.raisedAt = { text, line: Number(at[1]) };
    return errorValue(text);
  }

  /** redis.acl_check_cmd(command, ...args): may the script's user run it? argv: [ACL_CHECK, where, ...]. */
  private aclCheck(running: Running, argv: string[]): HostValue {
    if (argv.length === 2) return this.raiseAt(running, argv[1], 'Please specify at least one argument for this redis lib call');
    const line = argv.slice(2);
    const cmd = this.lookup(line);
    if (cmd === undefined) return this.raiseAt(running, argv[1], 'Invalid command passed to redis.acl_check_cmd()');
    return this.engine.api.acl.permits(running.client, cmd, line);
  }

  /** An error the script raised: Redis's wording, with where it happened. */
  private raisedError(v: { err: Buffer; code?: Buffer; meta?: { kind?: string; name?: string; line: number } }, running: Running): ErrorReply {
    let line = v.meta?.line ?? 0;
    // Raised for one of the redis.* functions the interpreter's side adds: the line is its caller's.
    if (running.raisedAt !== undefined && errorText(v) === running.raisedAt.text) line = running.raisedAt.line;
    let text: string;
    if (v.meta?.kind === 'global-read') text = `ERR ${running.chunk}:${line}: Script attempted to access nonexistent global variable '${v.meta.name}'`;
    else if (v.meta?.kind === 'command-arg-type') text = 'ERR Lua redis lib command arguments must be strings or integers';
    // error({err = ...}): the field is the reply's text as it is, code and all (luaCallFunction).
    else if (v.meta?.kind === 'error-table') text = v.err.toString('latin1');
    else {
      text = errorText(v);
      if (v.code === undefined) text = `ERR ${text}`;
      if (running.chunk !== 'user_script') text = text.replace(/user_script:/g, `${running.chunk}:`);
    }
    return new ErrorReply(`${text.replace(/[\r\n]/g, ' ')} script: ${running.name}, on @${running.chunk}:${line}.`);
  }

  /**
   * What the interpreter calls while a script runs, for whichever script is running: one object for
   * every run (no closures per call). Only one script runs at a time: while one is busy the others are
   * refused with BUSY.
   */
  private readonly host: LuaHost = {
    call: (args, raise) => this.callFromScript(this.running!, args, raise),
    log: (level, msg) => this.engine.onScriptLog(level, msg.toString('latin1')),
    setResp: (v) => {
      const running = this.running!;
      running.resp = v;
      running.client.resp = v;
    },
    tick: () => this.tick(this.running!),
  };

  /** The interpreter's count hook (scriptInterrupt): time out, serve the others, obey a kill. */
  private tick(running: Running): boolean {
    if (running.killed) return false;
    if (!running.timedOut) {
      const elapsed = performance.now() - running.start;
      if (elapsed < this.engine.config.getNumber('busy-reply-threshold')) return true;
      running.timedOut = true;
      this.engine.busyError = running.isEval ? ERR_BUSY_EVAL : ERR_BUSY_FUNCTION;
      this.engine.onScriptLog(
        LOG_WARNING,
        `Slow script detected: still in execution after ${Math.floor(elapsed)} milliseconds. You can try killing the script using the ${running.isEval ? 'SCRIPT KILL' : 'FUNCTION KILL'} command. Script name is: ${running.name}.`,
      );
    }
    let stopping = false;
    try {
      stopping = this.whileBusy !== null && this.whileBusy(running.caller);
    } catch (err) {
      // An exception must not unwind through the interpreter's C frames: report it and go on.
      this.engine.onScriptLog(LOG_WARNING, `Serving clients during a script failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    if (stopping) running.killed = true;
    else if (running.killed) this.engine.onScriptLog(LOG_NOTICE, 'Lua script killed by user with SCRIPT KILL.');
    return !running.killed;
  }

  /** The command (or subcommand) a command line names. */
  private lookup(argv: string[]): Command | undefined {
    const cmd = this.engine.registry.lookup(argv[0]);
    if (cmd === undefined || cmd.subcommands === undefined || argv.length < 2) return cmd;
    return cmd.subcommands.get(argv[1].toLowerCase()) ?? cmd;
  }

  /** redis.call / redis.pcall: the checks Redis makes for a command run by a script, then the command. */
  private callFromScript(running: Running, argv: string[], _raise: boolean): HostValue {
    if (argv.length === 0) return errorValue('ERR Please specify at least one argument for this redis lib call');
    // The interpreter side's own requests: names that start with a NUL, which no command has.
    if (argv[0].charCodeAt(0) === 0) {
      if (argv[0] === SET_REPL && argv.length === 4) return this.setRepl(running, argv);
      if (argv[0] === RAISE_AT && argv.length === 3) return this.raiseAt(running, argv[1], argv[2]);
      if (argv[0] === ACL_CHECK && argv.length >= 2) return this.aclCheck(running, argv);
    }
    const engine = this.engine;
    const cmd = this.lookup(argv);
    if (cmd === undefined) return errorValue('ERR Unknown Redis command called from script');
    const arity = cmd.arity;
    if ((arity > 0 && argv.length !== arity) || argv.length < -arity) return errorValue('ERR Wrong number of args calling Redis command from script');
    if (cmd.noScript) return errorValue('ERR This Redis command is not allowed from script');
    if (cmd.isWrite && running.readOnly) return errorValue('ERR Write commands are not allowed from read-only scripts.');
    // ACL: the script's commands are checked against the calling user, as Redis does.
    // The refusal is logged with context lua and worded as Redis 7.2 words it for scripts.
    if (!running.client.aclUser.unrestricted) {
      const denied = engine.api.acl.checkPermission(running.client, cmd, argv, running.caller);
      if (denied !== null) return errorValue(`ERR ACL failure in script: ${denied}`);
    }
    // scriptVerifyOOM: only the first write may be refused, never one after the script has written.
    if (cmd.denyOom && !running.wrote && !running.allowOom && this.oomAtStart()) return errorValue(OOM_TEXT);
    if (cmd.isBlocking && blocksWithOption(cmd.name, argv)) {
      return errorValue(`ERR ${cmd.name} command is not allowed with BLOCK option from scripts`);
    }
    // After redis.set_repl without REPL_AOF the command's effects are not propagated (no replicas here).
    const quiet = (running.replFlags & REPL_AOF) === 0;
    if (quiet) engine.propagationOff = true;
    let r: Reply;
    try {
      r = engine.call(running.client, cmd, argv);
    } finally {
      if (quiet) engine.propagationOff = false;
    }
    const block = engine.pendingBlock;
    if (block !== null) {
      // A script cannot wait: a blocking command answers as if it timed out.
      engine.pendingBlock = null;
      r = block.onTimeout;
    }
    if (cmd.isWrite) running.wrote = true;
    if (r instanceof ErrorReply) return errorValue(r.text);
    return replyToLua(r, running.resp);
  }
}

/** redis.log levels, as onScriptLog takes them. */
const LOG_NOTICE = 2;
const LOG_WARNING = 3;

/** XREAD/XREADGROUP with BLOCK are refused in scripts (other blocking commands are noscript). */
function blocksWithOption(name: string, argv: string[]): boolean {
  if (name !== 'xread' && name !== 'xreadgroup') return false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].toLowerCase();
    if (a === 'streams') return false;
    if (a === 'block') return true;
  }
  return false;
}

/** numkeys and the key/argument split shared by EVAL and FCALL. */
function splitKeys(argv: string[], at: number): [string[], string[]] | ErrorReply {
  const t = argv[at];
  if (!/^-?\d+$/.test(t) || t.length > 20) return errorReply('ERR value is not an integer or out of range');
  const n = Number(t);
  if (!Number.isSafeInteger(n) && Math.abs(n) > 2 ** 63) return errorReply('ERR value is not an integer or out of range');
  if (n < 0) return errorReply("ERR Number of keys can't be negative");
  if (n > argv.length - at - 1) return errorReply("ERR Number of keys can't be greater than number of args");
  return [argv.slice(at + 1, at + 1 + n), argv.slice(at + 1 + n)];
}

/**
 * Library code runs with a local `redis` (and `server`) that adds register_function to the real one, so
 * loading learns what a library registers; the chunk's locals shadow the globals only for that code.
 */
const REGISTER = `local __cinnabar_real = redis local __cinnabar_names = {} ` +
  `local function __cinnabar_fail(m) error('ERR ' .. m, 0) end ` +
  `local function __cinnabar_register(...) if not __cinnabar_loading then __cinnabar_fail('redis.register_function can only be called on FUNCTION LOAD command') end ` +
  `local n = select('#', ...) local a, b = ... local name, cb, flags, desc ` +
  `if n == 1 and type(a) == 'table' then for k, v in pairs(a) do ` +
  `if k == 'function_name' then name = v elseif k == 'callback' then cb = v elseif k == 'flags' then flags = v elseif k == 'description' then desc = v ` +
  `else __cinnabar_fail('unknown argument given to redis.register_function') end end ` +
  `if name == nil then __cinnabar_fail('redis.register_function must get a function name argument') end ` +
  `if cb == nil then __cinnabar_fail('redis.register_function must get a callback argument') end ` +
  `elseif n == 2 then name, cb = a, b if type(cb) ~= 'function' then __cinnabar_fail('second argument to redis.register_function must be a function') end ` +
  `else __cinnabar_fail('wrong number of arguments to redis.register_function') end ` +
  `if type(name) == 'number' then name = tostring(name) end if type(desc) == 'number' then desc = tostring(desc) end ` +
  `if type(name) ~= 'string' then __cinnabar_fail('function_name argument given to redis.register_function must be a string') end ` +
  `if type(cb) ~= 'function' then __cinnabar_fail('callback argument given to redis.register_function must be a function') end ` +
  `if desc ~= nil and type(desc) ~= 'string' then __cinnabar_fail('description argument given to redis.register_function must be a string') end ` +
  `if flags ~= nil and type(flags) ~= 'table' then __cinnabar_fail('flags argument to redis.register_function must be a table representing function flags') end ` +
  `if string.len(name) == 0 or string.find(name, '[^%w_]') then __cinnabar_fail('Library names can only contain letters, numbers, or underscores(_) and must be at least one character long') end ` +
  `if __cinnabar_names[name] then __cinnabar_fail('Function already exists in the library') end __cinnabar_names[name] = true ` +
  `local fl = {} if flags then for _, f in ipairs(flags) do ` +
  `if type(f) ~= 'string' or not (${[...FUNCTION_FLAGS].map((f) => `f == '${f}'`).join(' or ')}) then __cinnabar_fail('unknown flag given') end fl[#fl + 1] = f end end ` +
  `__cinnabar_on_register(name, cb, fl, desc or '') end `;

/**
 * Runs before a library's code: registrations are collected (metadata for the host, callbacks in
 * __cinnabar_fns); while the code loads, redis.call and redis.pcall do not exist, as in Redis, and
 * afterwards (when the callbacks run) the library's `redis` is the real one plus register_function,
 * which then refuses.
 */
const LOADER_PREFIX = `local __cinnabar_registered, __cinnabar_fns, __cinnabar_loading = {}, {}, true ` +
  `local function __cinnabar_on_register(name, cb, fl, desc) ` +
  `__cinnabar_registered[#__cinnabar_registered + 1] = {name, desc, fl} __cinnabar_fns[name] = cb end ` + REGISTER +
  `local __cinnabar_meta = {__index = function(_, k) if k == 'call' or k == 'pcall' then error("Script attempted to access nonexistent global variable '" .. k .. "'", 2) end return __cinnabar_real[k] end} ` +
  `local redis = setmetatable({register_function = __cinnabar_register}, __cinnabar_meta) local server = redis `;

/** Sources that can return RESP3 result tables: they say so, or switch redis.call's replies to RESP3. */
/** Suffix of the key a script's calling chunk is kept under in SCRIPTS, next to its function's. */
const CALL_SUFFIX = ':call';
const RESP3_RESULT = /\b(double|big_number|verbatim_string|map|set)\s*=|setresp/;

/**
 * A script's result on its way out, on one line (line numbers stay the script's own): the interpreter's
 * own conversion knows only {err=}, {ok=} and arrays, so the RESP3 tables Redis converts (double,
 * big_number, verbatim_string, map, set; checked in Redis's order with rawget) become arrays led by a
 * marker status that luaToReply turns back into the reply type. Arrays stop at the first nil, as Redis's.
 */
const RESULT_ENCODER =
  `local __cinnabar_enc __cinnabar_enc = function(v) if type(v) ~= 'table' then return v end ` +
  `if type(rawget(v, 'err')) == 'string' or type(rawget(v, 'ok')) == 'string' then return v end ` +
  `local x = rawget(v, 'double') if type(x) == 'number' then return {{ok = '${RESULT_MARK}double'}, string.format('%.17g', x)} end ` +
  `x = rawget(v, 'big_number') if type(x) == 'string' then return {{ok = '${RESULT_MARK}big_number'}, x} end ` +
  `x = rawget(v, 'verbatim_string') if type(x) == 'table' and type(rawget(x, 'format')) == 'string' and type(rawget(x, 'string')) == 'string' then ` +
  `return {{ok = '${RESULT_MARK}verbatim'}, rawget(x, 'format'), rawget(x, 'string')} end ` +
  `x = rawget(v, 'map') if type(x) == 'table' then local out, n = {{ok = '${RESULT_MARK}map'}}, 1 ` +
  `for k, e in pairs(x) do out[n + 1] = __cinnabar_enc(k) out[n + 2] = __cinnabar_enc(e) n = n + 2 end return out end ` +
  `x = rawget(v, 'set') if type(x) == 'table' then local out, n = {{ok = '${RESULT_MARK}set'}}, 1 ` +
  `for k in pairs(x) do n = n + 1 out[n] = __cinnabar_enc(k) end return out end ` +
  `local out, i = {}, 1 while true do local e = rawget(v, i) if e == nil then break end out[i] = __cinnabar_enc(e) i = i + 1 end return out end `;

