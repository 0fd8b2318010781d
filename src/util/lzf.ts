// LZF compression as liblzf 3.6 does it in Redis (lzf_c.c / lzf_d.c with HLOG 16 and the VERY_FAST
// re-hashing after a match): RDB strings longer than 20 bytes are stored compressed when that saves
// space, and quicklist nodes may be stored compressed.
//
// Stream format: a control byte c; c < 32 is a literal run of c+1 bytes; otherwise a back reference of
// length (c >> 5) + 2 (length 7 means a further byte is added) at distance ((c & 31) << 8 | next) + 1.
// The hash table here starts empty (liblzf leaves it uninitialised unless INIT_HTAB), which only makes
// the output deterministic; any valid stream decodes the same.

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 32;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/** Positions + 1 of the last occurrence of each 3-byte hash (0 = none); reused between calls. */
const htab = new Int32Array(HSIZE);

function idx(h: number): number {
  return ((h >>> (3 * 8 - HLOG)) - h * 5) & (HSIZE - 1);
}

/**
 * Compresses input into out (which bounds the output size); returns the compressed length, or 0 when the
 * result would not fit in out (the caller then stores the data uncompressed).
 */
export function lzfCompress(input: Uint8Array, out: Uint8Array, inStart = 0, inEnd = input.length): number {
  const inLen = inEnd - inStart;
  const outEnd = out.length;
  if (inLen === 0) return 0;
  htab.fill(0);
  let ip = inStart;
  let op = 0;
  let lit = 0;
  op++; // room for the first literal run's length
  let hval = inLen >= 2 ? (input[ip] << 8) | input[ip + 1] : 0;
  while (ip < inEnd - 2) {
    hval = ((hval << 8) | input[ip + 2]) >>> 0;
    const slot = idx(hval);
    const ref = htab[slot] - 1;
    htab[slot] = ip + 1;
    const off = ip - ref - 1;
    if (
      ref > inStart && off < MAX_OFF &&
      input[ref + 2] === input[ip + 2] && input[ref + 1] === input[ip + 1] && input[ref] === input[ip]
    ) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      if (op + 3 + 1 >= outEnd) {
        if (op - (lit === 0 ? 1 : 0) + 3 + 1 >= outEnd) return 0;
      }
      out[op - lit - 1] = lit - 1; // stop the literal run
      if (lit === 0) op--;
      do len++;
      while (len < maxlen && input[ref + len] === input[ip + len]);
      len -= 2;
      ip++;
      if (len < 7) {
        out[op++] = (off >>> 8) + (len << 5);
      } else {
        out[op++] = (off >>> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++;
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      ip -= 2;
      hval = (input[ip] << 8) | input[ip + 1];
      hval = ((hval << 8) | input[ip + 2]) >>> 0;
      htab[idx(hval)] = ip + 1;
      ip++;
      hval = ((hval << 8) | input[ip + 2]) >>> 0;
      htab[idx(hval)] = ip + 1;
      ip++;
    } else {
      if (op >= outEnd) return 0;
      lit++;
      out[op++] = input[ip++];
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  if (op + 3 > outEnd) return 0;
  while (ip < inEnd) {
    lit++;
    out[op++] = input[ip++];
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1;
  if (lit === 0) op--;
  return op;
}

export class LzfError extends Error {}

/**
 * Decompresses exactly outLen bytes from input[start, end); throws LzfError when the stream is corrupt
 * or does not produce exactly outLen bytes.
 */
export function lzfDecompress(input: Uint8Array, outLen: number, start = 0, end = input.length): Buffer {
  const out = Buffer.allocUnsafe(outLen);
  let ip = start;
  let op = 0;
  while (ip < end) {
    let ctrl = input[ip++];
    if (ctrl < 32) {
      ctrl++;
      if (op + ctrl > outLen) throw new LzfError('LZF literal run overflows the output');
      if (ip + ctrl > end) throw new LzfError('LZF literal run past the end of the input');
      for (let k = 0; k < ctrl; k++) out[op++] = input[ip++];
    } else {
      let len = ctrl >>> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= end) throw new LzfError('LZF back reference past the end of the input');
      if (len === 7) {
        len += input[ip++];
        if (ip >= end) throw new LzfError('LZF back reference past the end of the input');
      }
      ref -= input[ip++];
      len += 2;
      if (op + len > outLen) throw new LzfError('LZF back reference overflows the output');
      if (ref < 0) throw new LzfError('LZF back reference before the start of the output');
      for (let k = 0; k < len; k++) out[op++] = out[ref++];
    }
  }
  if (op !== outLen) throw new LzfError(`LZF data decompressed to ${op} bytes, expected ${outLen}`);
  return out;
}
