// Five corrections to the pinned lua-redis-wasm interpreter and one shortcut, made by rewriting six of its functions
// before the module is instantiated (the count-hook rewrite in wasm-hook.ts is applied after these):
//
//  1. A null reply reaches Lua as nil once the script called redis.setresp(3), as Redis's
//     redisProtocolToLuaType does for RESP3 nulls (it stays false under RESP2). The interpreter's
//     reply decoder pushed false in both protocols.
//  2. A script that raises a table (`error({err = "..."})`, Redis's error-object form) ends with that
//     table's err field as its message, as Redis's luaCallFunction replies, instead of the
//     interpreter's "script execution failed". The interpreter's message handler, which records the
//     line where an error happened, now also replaces a table error by its err field and marks the
//     recorded line with TABLE_ERROR_FLAG so the host words the reply as Redis does for tables.
//
//  3. pcall hands a caught error table's err field to its caller instead of the table, as Redis's
//     own pcall does (luaRedisPcall): errors scripts raise as error({err = ...}) read as strings.
//
//  4. A number a script returns becomes an integer reply as Redis's `(long long)` cast of it does on
//     x86-64: NaN, the infinities and anything outside the 64-bit range give -9223372036854775808.
//     The interpreter's saturating conversion gave 0 for NaN and the nearest bound otherwise.
//
//  5. A number a script passes to redis.call / redis.pcall reaches the host as its 8 bytes, behind a
//     16-byte token chosen by the host for the process (NUMBER_TOKEN_LENGTH + 8 bytes in all), so the
//     host can write it as Redis 7.2 does (integer digits when integral, else the shortest round-trip
//     form). The interpreter wrote it with Lua's "%.14g", which loses digits (0.1 + 0.2 became "0.3",
//     10^15 "1e+15", which INCRBY then refused).
//
// The shortcut: a script source that starts with a NUL byte (which Lua source never does: the host
// never sends one) is not compiled but names a function compiled earlier, `table[key]` with both names
// in the source (cachedCall): EVALSHA then runs the script's function directly, as Redis calls its
// f_<sha>, instead of compiling a one-line call to it each time.
//
// The function indices, data addresses and byte sequences below belong to one build of the
// interpreter, named by its SHA-256; any other build is left as it is (patchInterpreter returns null)
// and scripts then see the interpreter's own behaviour for these cases.
import { createHash } from 'node:crypto';
import { readFunctionImports, readU32, sections, u32, i32, type Cursor } from './wasm-bytes.js';

/** SHA-256 of redis_lua.wasm in lua-redis-wasm 1.5.0. */
const KNOWN_BUILD = 'c95b450f963b03479fe34da98bfecff67f277708dff89893ce2e40f898a0b42a';

/** Set in a script error's line when the script raised a table; the line is in the low 31 bits. */
export const TABLE_ERROR_FLAG = 0x80000000;

// Functions of the known build (indices count the 21 imported functions).
const FN_ERROR_HANDLER = 33; // the lua_pcall message handler that records the error line
const FN_DECODE_REPLY = 52; // host reply -> Lua value, as redis.call returns it
const FN_LUA_TYPE = 62;
const FN_LUA_GETFIELD = 85;
const FN_LUA_PUSHBOOLEAN = 81;
const FN_LUAB_PCALL = 285; // the base library's pcall
const FN_LUA_SETTOP = 57;
const FN_LUA_INSERT = 59;
const FN_LUA_REPLACE = 60;
const FN_LUA_ISSTRING = 66;
const FN_LUA_GETTOP = 56;
const FN_LUA_PCALL = 97; // lua_pcall as this build specialises it: (L, nargs, errfunc), all results
const FN_LUAL_CHECKANY = 250;
const FN_ENCODE_VALUE = 35; // Lua value -> reply, for the script's result
const FN_REDIS_CALL = 51; // redis.call / redis.pcall: arguments -> host call -> reply
const FN_LUA_TOLSTRING = 70;

const FN_EVAL_WITH_ARGS = 37; // the exported eval_with_args, with the script runner inlined
const FN_LUAL_LOADBUFFER = 264;
const LUA_GLOBALSINDEX = -10002;
/** Where a cached call's key starts: after the NUL, the table name and its NUL padding. */
const CACHED_KEY_AT = 32;

/**
 * A source that runs `table[key]`, compiled earlier, without compiling anything (the shortcut above):
 * a NUL, the table's name padded with NULs to CACHED_KEY_AT bytes, the key, a NUL.
 */
export function cachedCall(table: string, key: string): Buffer {
  if (table.length >= CACHED_KEY_AT - 1) throw new Error('table name too long');
  const b = Buffer.alloc(CACHED_KEY_AT + key.length + 1);
  b.write(table, 1, 'latin1');
  b.write(key, CACHED_KEY_AT, 'latin1');
  return b;
}

/** Bytes of the token that marks a number argument (followed by the number's 8 bytes, little-endian). */
export const NUMBER_TOKEN_LENGTH = 16;
// Addresses in its linear memory.
const ADDR_RESP_VERSION = 27960; // the protocol redis.setresp chose
const ADDR_ERROR_LINE = 28476; // the line the message handler recorded
const ADDR_ERR_FIELD = 2668; // "err\0"

const LOCAL_GET = 0x20;
const LOCAL_TEE = 0x22;
const I32_CONST = 0x41;
const I32_LOAD = 0x28;
const I32_STORE = 0x36;
const CALL = 0x10;
const RETURN = 0x0f;

/** Replaces the one occurrence of `find` in `body`; null when it occurs zero or several times. */
function replaceOnce(body: Uint8Array, find: number[], replacement: number[], fromEnd = false): Uint8Array | null {
  const hits: number[] = [];
  for (let i = 0; i + find.length <= body.length; i++) {
    let k = 0;
    while (k < find.length && body[i + k] === find[k]) k++;
    if (k === find.length) hits.push(i);
  }
  if (hits.length === 0 || (hits.length > 1 && !fromEnd)) return null;
  const at = hits[hits.length - 1];
  return Buffer.concat([body.subarray(0, at), Buffer.from(replacement), body.subarray(at + find.length)]);
}

/**
 * The reply decoder's null case, `lua_pushboolean(L, 0); return 1`, becomes: push a value whose type
 * is boolean (false) unless the script's protocol is 3, then nil (type 0). A TValue is 8 bytes of
 * value then the type tag at offset 8; L->top is at offset 8 of lua_State.
 */
function patchDecodeReply(body: Uint8Array): Uint8Array | null {
  const pushFalse = [LOCAL_GET, 0, I32_CONST, 0, CALL, ...u32(FN_LUA_PUSHBOOLEAN), I32_CONST, 1, RETURN];
  // Local 5 holds the reply's length field, which the null case never reads: it serves as scratch.
  const pushNullValue = [
    LOCAL_GET, 0, I32_LOAD, 2, 8, LOCAL_TEE, 5, // top = L->top
    I32_CONST, ...i32(ADDR_RESP_VERSION), I32_LOAD, 2, 0, I32_CONST, 3, 0x47, // resp != 3
    I32_STORE, 2, 8, // top->tt = (resp != 3) ? LUA_TBOOLEAN : LUA_TNIL
    LOCAL_GET, 5, I32_CONST, 0, I32_STORE, 2, 0, // top->value.b = 0
    LOCAL_GET, 0, LOCAL_GET, 5, I32_CONST, 16, 0x6a, I32_STORE, 2, 8, // L->top = top + 1
    I32_CONST, 1, RETURN,
  ];
  return replaceOnce(body, pushFalse, pushNullValue);
}

/**
 * Before the message handler returns its one result (the top of the stack), a table error gets its
 * err field pushed on top, so that field becomes the error the script ends with, and the recorded
 * line is flagged. The handler's epilogue is `local.get 1; i32.const 112; i32.add; global.set 0;
 * i32.const 1` (restore the stack pointer, return 1 result).
 */
function patchErrorHandler(body: Uint8Array): Uint8Array | null {
  const epilogue = [LOCAL_GET, 1, I32_CONST, ...i32(112), 0x6a, 0x24, 0, I32_CONST, 1, 0x0b];
  if (body.length < epilogue.length) return null;
  const tail = body.subarray(body.length - epilogue.length);
  if (!epilogue.every((b, i) => tail[i] === b)) return null;
  const convert = [
    LOCAL_GET, 0, I32_CONST, 1, CALL, ...u32(FN_LUA_TYPE), I32_CONST, 5, 0x46, // lua_type(L, 1) == LUA_TTABLE
    0x04, 0x40, // if
    LOCAL_GET, 0, I32_CONST, 1, I32_CONST, ...i32(ADDR_ERR_FIELD), CALL, ...u32(FN_LUA_GETFIELD), // lua_getfield(L, 1, "err")
    I32_CONST, ...i32(ADDR_ERROR_LINE), I32_CONST, ...i32(ADDR_ERROR_LINE), I32_LOAD, 2, 0,
    I32_CONST, ...i32(TABLE_ERROR_FLAG | 0), 0x72, I32_STORE, 2, 0, // line |= TABLE_ERROR_FLAG
    0x0b, // end
  ];
  return replaceOnce(body, epilogue, [...convert, ...epilogue], true);
}

/**
 * luaB_pcall: `luaL_checkany(L, 1); status = lua_pcall(L, top - 1, LUA_MULTRET, 0);
 * lua_pushboolean(L, status == 0); lua_insert(L, 1); return lua_gettop(L)`, with, on an error that
 * is a table whose err field is a string (or number), that field in place of the table.
 */
function patchPcall(body: Uint8Array): Uint8Array | null {
  const call = (fn: number): number[] => [CALL, ...u32(fn)];
  const original = [
    0x00,
    LOCAL_GET, 0, I32_CONST, 1, ...call(FN_LUAL_CHECKANY),
    LOCAL_GET, 0, LOCAL_GET, 0, LOCAL_GET, 0, ...call(FN_LUA_GETTOP), I32_CONST, 1, 0x6b, I32_CONST, 0, ...call(FN_LUA_PCALL), 0x45, ...call(FN_LUA_PUSHBOOLEAN),
    LOCAL_GET, 0, I32_CONST, 1, ...call(FN_LUA_INSERT),
    LOCAL_GET, 0, ...call(FN_LUA_GETTOP),
    0x0b,
  ];
  if (body.length !== original.length || !original.every((b, i) => body[i] === b)) return null;
  return Buffer.from([
    0x01, 0x01, 0x7f, // local 1: the status
    LOCAL_GET, 0, I32_CONST, 1, ...call(FN_LUAL_CHECKANY),
    LOCAL_GET, 0, LOCAL_GET, 0, ...call(FN_LUA_GETTOP), I32_CONST, 1, 0x6b, I32_CONST, 0, ...call(FN_LUA_PCALL), LOCAL_TEE, 1,
    0x04, 0x40, // if the call failed
    LOCAL_GET, 0, I32_CONST, ...i32(-1), ...call(FN_LUA_TYPE), I32_CONST, 5, 0x46,
    0x04, 0x40, // and the error is a table
    LOCAL_GET, 0, I32_CONST, ...i32(-1), I32_CONST, ...i32(ADDR_ERR_FIELD), ...call(FN_LUA_GETFIELD),
    LOCAL_GET, 0, I32_CONST, ...i32(-1), ...call(FN_LUA_ISSTRING),
    0x04, 0x40, LOCAL_GET, 0, I32_CONST, ...i32(-2), ...call(FN_LUA_REPLACE), // its err field replaces it
    0x05, LOCAL_GET, 0, I32_CONST, ...i32(-2), ...call(FN_LUA_SETTOP), 0x0b, // else drop the field
    0x0b,
    0x0b,
    LOCAL_GET, 0, LOCAL_GET, 1, 0x45, ...call(FN_LUA_PUSHBOOLEAN),
    LOCAL_GET, 0, I32_CONST, 1, ...call(FN_LUA_INSERT),
    LOCAL_GET, 0, ...call(FN_LUA_GETTOP),
    0x0b,
  ]);
}

/**
 * The result encoder's number case, `local.get 13; i64.trunc_sat_f64_s` (local 13 holds the number),
 * becomes: the truncation when the number is within [-2^63, 2^63), else INT64_MIN (NaN fails both
 * comparisons).
 */
function patchNumberReply(body: Uint8Array): Uint8Array | null {
  const f64 = (x: number): number[] => [0x44, ...Buffer.from(new Float64Array([x]).buffer)];
  const number = [LOCAL_GET, 13];
  const inRange = [
    ...number, ...f64(-9223372036854775808), 0x66, // x >= -2^63
    ...number, ...f64(9223372036854775808), 0x63, // x < 2^63
    0x71, // and
  ];
  const int64Min = [0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f];
  return replaceOnce(body, [...number, 0xfc, 0x06], [...inRange, 0x04, 0x7e, ...number, 0xb0, 0x05, ...int64Min, 0x0b]);
}

/** Signed LEB128 of a 64-bit value (an i64.const immediate). */
function i64(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/**
 * redis.call's argument loop reads each argument with `lua_tolstring(L, i, &len)` (local 9 is i, local
 * 4 the 16-byte stack frame whose bytes 8..11 receive len). For a number, it now writes the token and the
 * number's 8 bytes into 24 more bytes of that frame (made 48 bytes long) and hands those over instead: a
 * positive index i is the TValue at L->base + (i - 1) * 16 (L->base at offset 12 of lua_State), whose
 * first 8 bytes are the number.
 */
function patchCallArguments(body: Uint8Array, token: Uint8Array): Uint8Array | null {
  const frameIn = [0x23, 0x00, I32_CONST, 16, 0x6b, LOCAL_TEE, 4, 0x24, 0x00];
  const frameOut = [LOCAL_GET, 4, I32_CONST, 16, 0x6a, 0x24, 0x00];
  const tolstring = [LOCAL_GET, 0, LOCAL_GET, 9, LOCAL_GET, 4, I32_CONST, 8, 0x6a, CALL, ...u32(FN_LUA_TOLSTRING)];
  const word = (at: number): bigint => Buffer.from(token).readBigInt64LE(at);
  const numberArgument = [
    LOCAL_GET, 0, LOCAL_GET, 9, CALL, ...u32(FN_LUA_TYPE), I32_CONST, 3, 0x46, // lua_type(L, i) == LUA_TNUMBER
    0x04, 0x7f, // if (result i32)
    LOCAL_GET, 4, 0x42, ...i64(word(0)), 0x37, 0x03, 16, // frame[16..24) = token[0..8)
    LOCAL_GET, 4, 0x42, ...i64(word(8)), 0x37, 0x03, 24, // frame[24..32) = token[8..16)
    LOCAL_GET, 4,
    LOCAL_GET, 0, I32_LOAD, 2, 12, LOCAL_GET, 9, I32_CONST, 4, 0x74, 0x6a, I32_CONST, 16, 0x6b, // L->base + (i - 1) * 16
    0x2b, 0x03, 0x00, // f64.load
    0x39, 0x03, 32, // frame[32..40) = the number
    LOCAL_GET, 4, I32_CONST, NUMBER_TOKEN_LENGTH + 8, I32_STORE, 2, 8, // len = 24
    LOCAL_GET, 4, I32_CONST, 16, 0x6a, // the bytes: frame + 16
    0x05, // else
    ...tolstring,
    0x0b,
  ];
  const withFrame = replaceOnce(body, frameIn, [0x23, 0x00, I32_CONST, 48, 0x6b, LOCAL_TEE, 4, 0x24, 0x00]);
  const withExit = withFrame && replaceOnce(withFrame, frameOut, [LOCAL_GET, 4, I32_CONST, 48, 0x6a, 0x24, 0x00]);
  return withExit && replaceOnce(withExit, tolstring, numberArgument);
}

/**
 * The script runner's `luaL_loadbuffer(g_state, script, len, "@user_script")` becomes, for a source
 * starting with a NUL: push globals[table], push that[key], drop the table (lua_replace), status 0.
 * Keys are C strings inside the source (cachedCall). local 1 is the source, local 2 its length.
 */
function patchRunScript(body: Uint8Array): Uint8Array | null {
  const state = [I32_CONST, 0xb8, 0xde, 0x01, I32_LOAD, 2, 0]; // g_state
  const load = [...state, LOCAL_GET, 1, LOCAL_GET, 2, I32_CONST, 0xc0, 0x0d, CALL, ...u32(FN_LUAL_LOADBUFFER)];
  const cached = [
    LOCAL_GET, 1, 0x2d, 0, 0, 0x45, LOCAL_GET, 2, I32_CONST, 1, 0x4b, 0x71, // source[0] == 0 && len > 1
    0x04, 0x7f, // if (result i32)
    ...state, I32_CONST, ...i32(LUA_GLOBALSINDEX), LOCAL_GET, 1, I32_CONST, 1, 0x6a, CALL, ...u32(FN_LUA_GETFIELD),
    ...state, I32_CONST, ...i32(-1), LOCAL_GET, 1, I32_CONST, CACHED_KEY_AT, 0x6a, CALL, ...u32(FN_LUA_GETFIELD),
    ...state, I32_CONST, ...i32(-2), CALL, ...u32(FN_LUA_REPLACE),
    I32_CONST, 0,
    0x05, // else
    ...load,
    0x0b,
  ];
  return replaceOnce(body, load, cached);
}

/** The stock binary with the corrections, or null when it is not the build they were made for. */
export function patchInterpreter(wasm: Uint8Array, numberToken: Uint8Array): Uint8Array | null {
  if (numberToken.length !== NUMBER_TOKEN_LENGTH) return null;
  if (createHash('sha256').update(wasm).digest('hex') !== KNOWN_BUILD) return null;
  let imported = 0;
  for (const { id, header, start, end } of sections(wasm)) {
    const c: Cursor = { b: wasm, p: start };
    if (id === 2) {
      const imports = readFunctionImports(c);
      if (imports === null) return null;
      imported = imports.length;
    } else if (id === 10) {
      const count = readU32(c);
      const parts: Uint8Array[] = [Buffer.from(u32(count))];
      let changed = 0;
      for (let f = 0; f < count; f++) {
        const len = readU32(c);
        const body = wasm.subarray(c.p, c.p + len);
        c.p += len;
        const index = imported + f;
        const patched =
          index === FN_DECODE_REPLY
            ? patchDecodeReply(body)
            : index === FN_ERROR_HANDLER
              ? patchErrorHandler(body)
              : index === FN_LUAB_PCALL
                ? patchPcall(body)
                : index === FN_ENCODE_VALUE
                  ? patchNumberReply(body)
                  : index === FN_REDIS_CALL
                    ? patchCallArguments(body, numberToken)
                    : index === FN_EVAL_WITH_ARGS
                      ? patchRunScript(body)
                      : body;
        if (patched === null) return null;
        if (patched !== body) changed++;
        parts.push(Buffer.from(u32(patched.length)), patched);
      }
      if (changed !== 6 || c.p !== end) return null;
      const section = Buffer.concat(parts);
      return Buffer.concat([wasm.subarray(0, header), Buffer.from([10, ...u32(section.length)]), section, wasm.subarray(end)]);
    }
  }
  return null;
}
