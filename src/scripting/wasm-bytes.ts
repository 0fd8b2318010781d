// LEB128 reading and writing for the rewrites of the interpreter's WebAssembly binary (wasm-hook.ts,
// wasm-patch.ts).

/** A position in a binary being read. */
export interface Cursor {
  b: Uint8Array;
  p: number;
}

/** Unsigned LEB128 (sizes, counts, indices). */
export function readU32(c: Cursor): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = c.b[c.p++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
}

/** Signed LEB128 for an i32.const immediate. */
export function readI32(c: Cursor): number {
  let result = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = c.b[c.p++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (shift < 32 && byte & 0x40) result |= -1 << shift;
  return result;
}

export function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of an i32 (values beyond 2^31 wrap, as i32.const takes them). */
export function i32(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/**
 * The function imports of an import section, the cursor at its entry count: each one's field name and
 * type index, in order (their position is their function index). Other imports are skipped; null for a
 * kind this reader does not know.
 */
export function readFunctionImports(c: Cursor): Array<{ name: string; type: number }> | null {
  const out: Array<{ name: string; type: number }> = [];
  const n = readU32(c);
  for (let k = 0; k < n; k++) {
    const moduleLength = readU32(c);
    c.p += moduleLength;
    const nameLength = readU32(c);
    const name = Buffer.from(c.b.subarray(c.p, c.p + nameLength)).toString('latin1');
    c.p += nameLength;
    const kind = c.b[c.p++];
    if (kind === 0x00) {
      out.push({ name, type: readU32(c) });
    } else if (kind === 0x01) {
      // table: element type, limits
      c.p++;
      const flags = readU32(c);
      readU32(c);
      if (flags & 1) readU32(c);
    } else if (kind === 0x02) {
      // memory: limits
      const flags = readU32(c);
      readU32(c);
      if (flags & 1) readU32(c);
    } else if (kind === 0x03) {
      // global: value type, mutability
      c.p += 2;
    } else return null;
  }
  return out;
}

/** One section of a module: its id, where its header starts, and its contents [start, end). */
export interface Section {
  id: number;
  header: number;
  start: number;
  end: number;
}

/** The sections of a WebAssembly module, in order. */
export function* sections(wasm: Uint8Array): Generator<Section> {
  const c: Cursor = { b: wasm, p: 8 };
  while (c.p < wasm.length) {
    const header = c.p;
    const id = wasm[c.p++];
    const size = readU32(c);
    yield { id, header, start: c.p, end: c.p + size };
    c.p += size;
  }
}
