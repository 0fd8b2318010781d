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
