// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN] - Redis counterpart: lcsCommand
// (t_string.c). The classic O(N*M) table, refused like Redis's when it would exceed
// proto-max-bulk-len bytes; ranges are reported from the end of the strings backwards, as Redis does.
import { defineCommand } from '../../spec/define.js';
import { MapReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../../protocol/errors.js';
import { I64_MAX } from '../../util/number.js';
import { ERR_LCS_IDX_AND_LEN, ERR_LCS_NO_MEMORY, ERR_LCS_TABLE_LIMIT, ERR_LCS_TOO_LONG, ERR_LCS_WRONGTYPE } from './errors.js';
import { parseInteger } from './incr-decr.js';
import { isString, optionName, stringLength, textOf } from './string-value.js';

const UINT32_MAX = 4294967295;

export default defineCommand('lcs', (ctx, argv) => {
  const va = ctx.db.lookupRead(argv[1], ctx.now);
  const vb = ctx.db.lookupRead(argv[2], ctx.now);
  if ((va !== undefined && !isString(va)) || (vb !== undefined && !isString(vb))) return ERR_LCS_WRONGTYPE;
  // The limits are checked on the lengths before the values become text: a string near 512 MB is longer
  // than V8 lets a string be, and Redis refuses such an LCS with its table-size error anyway.
  const alen = va === undefined ? 0 : stringLength(va as string);
  const blen = vb === undefined ? 0 : stringLength(vb as string);

  let getLen = false;
  let getIdx = false;
  let withMatchLen = false;
  let minMatchLen: number | bigint = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = optionName(argv[j]);
    if (opt === 'idx') getIdx = true;
    else if (opt === 'len') getLen = true;
    else if (opt === 'withmatchlen') withMatchLen = true;
    else if (opt === 'minmatchlen' && j + 1 < argv.length) {
      const n = parseInteger(argv[++j]);
      if (n === null) return ERR_NOT_INTEGER;
      minMatchLen = n < 0 ? 0 : n;
    } else return ERR_SYNTAX;
  }
  if (getIdx && getLen) return ERR_LCS_IDX_AND_LEN;
  if (alen >= UINT32_MAX - 1 || blen >= UINT32_MAX - 1) return ERR_LCS_TOO_LONG;

  const cols = blen + 1;
  const cells = (alen + 1) * cols;
  if (cells * 4 > ctx.server.config.getNumber('proto-max-bulk-len')) return ERR_LCS_TABLE_LIMIT;
  let lcs: Uint32Array;
  let a: string;
  let b: string;
  try {
    lcs = new Uint32Array(cells);
    // Past V8's string limit only with proto-max-bulk-len raised: as out of memory as the table would be.
    a = alen === 0 ? '' : textOf(va as string);
    b = blen === 0 ? '' : textOf(vb as string);
  } catch {
    return ERR_LCS_NO_MEMORY;
  }
  // lcs[i*cols + j] is the LCS length of a[0..i) and b[0..j); row 0 and column 0 stay zero.
  for (let i = 1; i <= alen; i++) {
    const ca = a.charCodeAt(i - 1);
    const row = i * cols;
    const prev = row - cols;
    for (let j = 1; j <= blen; j++) {
      if (ca === b.charCodeAt(j - 1)) {
        lcs[row + j] = lcs[prev + j - 1] + 1;
      } else {
        const up = lcs[prev + j];
        const left = lcs[row + j - 1];
        lcs[row + j] = up > left ? up : left;
      }
    }
  }
  const total = lcs[alen * cols + blen];
  if (getLen) return total;

  // Walk back from the end, collecting the common bytes and, for IDX, the matching ranges.
  const out = new Array<number>(total);
  let idx = total;
  const matches: Reply[] = [];
  const minLen = typeof minMatchLen === 'bigint' ? (minMatchLen > I64_MAX ? Infinity : Number(minMatchLen)) : minMatchLen;
  let aStart = alen; // alen means "no range open"
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let i = alen;
  let j = blen;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      out[--idx] = a.charCodeAt(i - 1);
      if (aStart === alen) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      if (aStart === 0 || bStart === 0) emit = true;
      i--;
      j--;
    } else {
      if (lcs[(i - 1) * cols + j] > lcs[i * cols + j - 1]) i--;
      else j--;
      if (aStart !== alen) emit = true;
    }
    if (emit) {
      const matchLen = aEnd - aStart + 1;
      if (getIdx && (minLen === 0 || matchLen >= minLen)) {
        const m: Reply[] = [
          [aStart, aEnd],
          [bStart, bEnd],
        ];
        if (withMatchLen) m.push(matchLen);
        matches.push(m);
      }
      aStart = alen;
    }
  }
  if (getIdx) return new MapReply(['matches', matches, 'len', total]);
  return charsOf(out);
});

/** Builds a latin1 string from byte values in chunks (argument lists have a size limit). */
function charsOf(codes: number[]): string {
  let s = '';
  for (let k = 0; k < codes.length; k += 32768) s += String.fromCharCode.apply(null, codes.slice(k, k + 32768));
  return s;
}
