// Gives the interpreter's instruction-count hook a way out to JavaScript, by rewriting one function of
// the pinned lua-redis-wasm binary before it is instantiated.
//
// The interpreter sets a Lua count hook (every 1,000 instructions) that takes 1,000 from an instruction
// budget kept in linear memory and raises "Script killed by fuel limit" once it is spent; it never calls
// the host, so a script in an endless loop could not be interrupted. The rewritten hook, when the budget
// is spent, first calls the imported host_redis_setresp with the running lua_State pointer (scripts only
// reach that import with 2 or 3, checked in C before the call, and a pointer is never that small); the
// host then either refills the budget (the script goes on) or leaves it spent, and the hook raises its
// error. This is Redis's luaMaskCountHook (script_lua.c) in this interpreter's terms: the host decides
// when a script has run too long, serves other clients meanwhile and kills it on SCRIPT KILL.
//
// Nothing else in the binary changes, and scripts that finish within the first budget never call out.
import { readFunctionImports, readI32, readU32, sections, u32, i32, type Cursor } from './wasm-bytes.js';

export interface PatchedWasm {
  bytes: Uint8Array;
  /** Address of the instruction budget (a little-endian i64) in the interpreter's memory. */
  fuelAddress: number;
}

/**
 * The original hook, as the pinned build compiles it:
 *   (local i64)  fuel = *A; *A = fuel - 1000; if (fuel <= 1000) luaL_error(L, S)
 * Returns its addresses, or null when the body is something else.
 */
function matchFuelHook(body: Uint8Array): { fuel: number; message: number; raise: number } | null {
  const c: Cursor = { b: body, p: 0 };
  const expect = (...bytes: number[]): boolean => {
    for (const x of bytes) if (c.b[c.p++] !== x) return false;
    return true;
  };
  if (!expect(0x01, 0x01, 0x7e, 0x41)) return null; // one i64 local; i32.const A
  const fuel = readI32(c);
  if (!expect(0x41) || readI32(c) !== fuel) return null;
  // i64.load; local.tee 2; i64.const 1000; i64.sub; i64.store; local.get 2; i64.const 1000; i64.le_s; if
  if (!expect(0x29, 0x03, 0x00, 0x22, 0x02, 0x42, 0xe8, 0x07, 0x7d, 0x37, 0x03, 0x00, 0x20, 0x02, 0x42, 0xe8, 0x07, 0x57, 0x04, 0x40)) return null;
  if (!expect(0x20, 0x00, 0x41)) return null; // local.get 0; i32.const S
  const message = readI32(c);
  if (!expect(0x41, 0x00, 0x10)) return null; // i32.const 0 (no varargs); call luaL_error
  const raise = readU32(c);
  if (!expect(0x1a, 0x0b, 0x0b) || c.p !== body.length) return null; // drop; end; end
  return { fuel, message, raise };
}

function hookBody(fuel: number, message: number, raise: number, setresp: number): number[] {
  const body = [
    0x01, 0x01, 0x7e,
    0x41, ...i32(fuel), 0x41, ...i32(fuel), 0x29, 0x03, 0x00, 0x22, 0x02, 0x42, 0xe8, 0x07, 0x7d, 0x37, 0x03, 0x00,
    0x20, 0x02, 0x42, 0xe8, 0x07, 0x57, 0x04, 0x40,
    // The budget is spent: ask the host (which may refill it), passing the lua_State.
    0x20, 0x00, 0x10, ...u32(setresp),
    // Still spent: raise the error.
    0x41, ...i32(fuel), 0x29, 0x03, 0x00, 0x42, 0x00, 0x57, 0x04, 0x40,
    0x20, 0x00, 0x41, ...i32(message), 0x41, 0x00, 0x10, ...u32(raise), 0x1a,
    0x0b,
    0x0b,
    0x0b,
  ];
  return [...u32(body.length), ...body];
}

/** Rewrites the fuel hook of a lua-redis-wasm binary; null when the binary is not the expected build. */
export function patchFuelHook(wasm: Uint8Array): PatchedWasm | null {
  let setresp = -1;
  let typeOfSetresp = -1;
  let oneI32Param = -1;
  for (const { id, header, start, end } of sections(wasm)) {
    const c: Cursor = { b: wasm, p: start };
    if (id === 1) {
      // Types: find which (i32) -> () the import uses.
      const n = readU32(c);
      for (let t = 0; t < n; t++) {
        if (wasm[c.p++] !== 0x60) return null;
        const np = readU32(c);
        const params = wasm.subarray(c.p, c.p + np);
        c.p += np;
        const nr = readU32(c);
        c.p += nr;
        if (np === 1 && params[0] === 0x7f && nr === 0 && oneI32Param < 0) oneI32Param = t;
      }
    } else if (id === 2) {
      const imports = readFunctionImports(c);
      if (imports === null) return null;
      setresp = imports.findIndex((f) => f.name === 'host_redis_setresp');
      if (setresp >= 0) typeOfSetresp = imports[setresp].type;
    } else if (id === 10) {
      if (setresp < 0 || typeOfSetresp !== oneI32Param) return null;
      const n = readU32(c);
      for (let f = 0; f < n; f++) {
        const bodyStart = c.p;
        const len = readU32(c);
        const body = wasm.subarray(c.p, c.p + len);
        c.p += len;
        const m = matchFuelHook(body);
        if (m === null) continue;
        const replacement = Buffer.from(hookBody(m.fuel, m.message, m.raise, setresp));
        const sectionSize = bodyStart - start + replacement.length + (end - c.p);
        const out = Buffer.concat([
          wasm.subarray(0, header),
          Buffer.from([10, ...u32(sectionSize)]),
          wasm.subarray(start, bodyStart),
          replacement,
          wasm.subarray(c.p, end),
          wasm.subarray(end),
        ]);
        return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.length), fuelAddress: m.fuel };
      }
      return null;
    }
  }
  return null;
}
