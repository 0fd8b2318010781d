// The rewritten count hook: the interpreter calls the host every HOOK_STEP instructions, the host's
// answer keeps a script going or stops it, and pcall cannot keep a stopped script alive.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LuaWasmEngine } from 'lua-redis-wasm';
import { patchFuelHook } from './wasm-hook.js';
import { HOOK_STEP, STOPPED_MESSAGE, evalVm, interruptible, type LuaHost } from './lua-vm.js';

const runLua = evalVm.run.bind(evalVm);

function host(tick: () => boolean): LuaHost {
  return { call: () => null, log: () => {}, setResp: () => {}, tick };
}

describe('count hook', () => {
  it('the pinned interpreter binary is rewritten and still valid', () => {
    const where = LuaWasmEngine.defaultWasmPath();
    const stock = readFileSync(where.startsWith('file:') ? fileURLToPath(where) : where);
    const patched = patchFuelHook(new Uint8Array(stock));
    expect(patched).not.toBeNull();
    expect(WebAssembly.validate(patched!.bytes)).toBe(true);
    expect(interruptible).toBe(true);
  });

  it('an unknown binary is left alone', () => {
    expect(patchFuelHook(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBeNull();
  });

  it('short scripts never call the host', () => {
    let ticks = 0;
    const r = runLua(Buffer.from('local n = 0 for i = 1, 1000 do n = n + i end return n'), [], [], host(() => (ticks++, true)));
    expect(r).toBe(500500);
    expect(ticks).toBe(0);
  });

  it('a long script is ticked about every HOOK_STEP instructions and runs to its end', () => {
    let ticks = 0;
    // Each iteration is a handful of instructions: 2,000,000 of them are well over ten budgets.
    const r = runLua(Buffer.from('local n = 0 for i = 1, 2000000 do n = n + 1 end return n'), [], [], host(() => (ticks++, true)));
    expect(r).toBe(2_000_000);
    expect(ticks).toBeGreaterThan(2_000_000 / HOOK_STEP);
    expect(ticks).toBeLessThan((2_000_000 * 10) / HOOK_STEP);
  });

  it('a false tick stops an endless loop, also one that pcall tries to keep alive, and a coroutine', () => {
    for (const src of [
      'while true do end',
      'while true do pcall(function() while true do end end) end',
      'local co = coroutine.wrap(function() while true do end end) co()',
    ]) {
      let ticks = 0;
      const r = runLua(Buffer.from(src), [], [], host(() => ++ticks < 3)) as { err: Buffer };
      expect(r.err.toString('latin1')).toContain(STOPPED_MESSAGE);
      // The interpreter is usable afterwards, with its normal hook period.
      let after = 0;
      expect(runLua(Buffer.from('return 7'), [], [], host(() => (after++, true)))).toBe(7);
      expect(after).toBe(0);
    }
  });
});
