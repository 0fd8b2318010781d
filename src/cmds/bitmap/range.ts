// The start/end range of BITCOUNT and BITPOS: negative indexes count from the end, BIT mode indexes
// bits, and the edge bytes of a BIT range get masks for the bits outside it.
// Counterpart: the range handling shared by bitcountCommand and bitposCommand in Redis's bitops.c.

export interface ByteRange {
  /** First and last byte of the range (start > end means empty). */
  start: number;
  end: number;
  /** Bits of the first / last byte that lie outside a BIT range. */
  firstMask: number;
  lastMask: number;
}

/** Resolves a range over a string of `strlen` bytes; start and end are already parsed. */
export function resolveRange(strlen: number, rawStart: number | bigint, rawEnd: number | bigint, isBit: boolean): ByteRange {
  const totlen = isBit ? strlen * 8 : strlen;
  let start = Number(rawStart);
  let end = Number(rawEnd);
  if (start < 0) start = totlen + start;
  if (end < 0) end = totlen + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= totlen) end = totlen - 1;
  let firstMask = 0;
  let lastMask = 0;
  if (isBit && start <= end) {
    firstMask = ~((1 << (8 - (start % 8))) - 1) & 0xff;
    lastMask = (1 << (7 - (end % 8))) - 1;
    start = Math.floor(start / 8);
    end = Math.floor(end / 8);
  }
  return { start, end, firstMask, lastMask };
}

/** BYTE or BIT (as a C string, case-insensitive); null for anything else. */
export function parseUnit(arg: string): boolean | null {
  const nul = arg.indexOf('\0');
  const u = (nul < 0 ? arg : arg.slice(0, nul)).toLowerCase();
  if (u === 'bit') return true;
  if (u === 'byte') return false;
  return null;
}
