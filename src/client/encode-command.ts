// Encodes one command as a RESP multibulk request, the form every Redis client sends.
// Counterpart: hiredis's redisFormatCommandArgv.

export type Arg = string | Buffer;

/** `*<n>\r\n` then `$<len>\r\n<bytes>\r\n` per argument, in one Buffer; strings are written as UTF-8. */
export function encodeCommand(argv: readonly Arg[]): Buffer {
  let size = 1 + digits(argv.length) + 2;
  const lengths = new Array<number>(argv.length);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const len = typeof a === 'string' ? Buffer.byteLength(a, 'utf8') : a.length;
    lengths[i] = len;
    size += 1 + digits(len) + 2 + len + 2;
  }
  const out = Buffer.allocUnsafe(size);
  let p = writeHeader(out, 0, 0x2a, argv.length);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const len = lengths[i]!;
    p = writeHeader(out, p, 0x24, len);
    if (typeof a === 'string') p += out.write(a, p, len, 'utf8');
    else p += a.copy(out, p);
    out[p++] = 13;
    out[p++] = 10;
  }
  return out;
}

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

function writeHeader(out: Buffer, p: number, type: number, n: number): number {
  out[p++] = type;
  const s = String(n);
  for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i);
  out[p++] = 13;
  out[p++] = 10;
  return p;
}
