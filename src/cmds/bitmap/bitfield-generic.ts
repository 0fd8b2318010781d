// The body of BITFIELD and BITFIELD_RO: every operation is parsed first, then the key is looked up
// once (grown to the farthest bit any write reaches) and the operations run in order, each seeing the
// writes before it. Fields are read and written as bigints so that i64 arithmetic is exact.
// Counterpart: bitfieldGeneric, getBitfieldTypeFromArgument and the check*BitfieldOverflow helpers
// in Redis's bitops.c.
import { ErrorReply, type Reply } from '../../protocol/reply.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE, errorReply } from '../../protocol/errors.js';
import type { CommandContext } from '../../spec/context.js';
import { parseI64 } from '../../util/number.js';
import { isString, optionName, stringLength } from '../string/string-value.js';
import { lookupStringForBit, parseBitOffset } from './bit-ops.js';

const ERR_TYPE = errorReply(
  'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.',
);
const ERR_OVERFLOW_TYPE = errorReply('ERR Invalid OVERFLOW type specified');
const ERR_RO = errorReply('ERR BITFIELD_RO only supports the GET subcommand');

type Overflow = 'wrap' | 'sat' | 'fail';

interface FieldOp {
  op: 'get' | 'set' | 'incrby';
  signed: boolean;
  bits: number;
  offset: number;
  value: bigint;
  overflow: Overflow;
}

/** "i<bits>" (1..64) or "u<bits>" (1..63); the prefix is case-sensitive and the text ends at a NUL. */
function parseType(arg: string): { signed: boolean; bits: number } | null {
  const c = arg.charCodeAt(0);
  if (c !== 105 /* i */ && c !== 117 /* u */) return null;
  const signed = c === 105;
  const nul = arg.indexOf('\0');
  const n = parseI64(arg.slice(1, nul < 0 ? arg.length : nul));
  if (n === null || n < 1n || n > (signed ? 64n : 63n)) return null;
  return { signed, bits: Number(n) };
}

/** Reads `bits` bits at `offset` (big-endian bit order) from bytes that read as zero past `len`. */
function readField(src: Uint8Array | string, len: number, offset: number, bits: number): bigint {
  const first = Math.floor(offset / 8);
  const last = Math.floor((offset + bits - 1) / 8);
  let x = 0n;
  for (let i = first; i <= last; i++) {
    const b = i >= len ? 0 : typeof src === 'string' ? src.charCodeAt(i) : src[i];
    x = (x << 8n) | BigInt(b);
  }
  const shift = BigInt((last + 1) * 8 - (offset + bits));
  return (x >> shift) & ((1n << BigInt(bits)) - 1n);
}

function writeField(buf: Uint8Array, offset: number, bits: number, value: bigint): void {
  const first = Math.floor(offset / 8);
  const last = Math.floor((offset + bits - 1) / 8);
  let x = 0n;
  for (let i = first; i <= last; i++) x = (x << 8n) | BigInt(buf[i]);
  const shift = BigInt((last + 1) * 8 - (offset + bits));
  const mask = ((1n << BigInt(bits)) - 1n) << shift;
  x = (x & ~mask) | ((BigInt.asUintN(bits, value) << shift) & mask);
  for (let i = last; i >= first; i--) {
    buf[i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

/**
 * value + incr checked against the field's range: [overflowed, result to store]. WRAP keeps the low
 * bits, SAT clamps. The tests are Redis's own, done in 64-bit two's complement: the distances to the
 * limits (max - value, min - value) can themselves wrap for extreme arguments, and Redis's answer
 * follows the wrapped distance (SET i1 with -2^63 saturates to 0, not -1). An unsigned SET sees its
 * argument as the 64-bit unsigned pattern, so SET u8 with -1 saturates to 255.
 */
function applyOverflow(signed: boolean, bits: number, value: bigint, incr: bigint, how: Overflow): [boolean, bigint] {
  const b = BigInt(bits);
  let high: boolean;
  let low: boolean;
  let max: bigint;
  let min: bigint;
  if (signed) {
    max = (1n << (b - 1n)) - 1n;
    min = -max - 1n;
    const maxIncr = BigInt.asIntN(64, max - value);
    const minIncr = BigInt.asIntN(64, min - value);
    high = value > max || (bits !== 64 && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr);
    low = !high && (value < min || (bits !== 64 && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr));
  } else {
    max = (1n << b) - 1n;
    min = 0n;
    const maxIncr = BigInt.asIntN(64, max - value);
    const minIncr = BigInt.asIntN(64, -value);
    high = value > max || (incr > 0n && incr > maxIncr);
    low = !high && incr < 0n && incr < minIncr;
  }
  if (!high && !low) return [false, value + incr];
  if (how === 'sat') return [true, high ? max : min];
  const sum = value + incr;
  return [true, signed ? BigInt.asIntN(bits, sum) : BigInt.asUintN(bits, sum)];
}

function toReply(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export function bitfieldGeneric(ctx: CommandContext, argv: string[], readOnlyCommand: boolean): Reply {
  const ops: FieldOp[] = [];
  let overflow: Overflow = 'wrap';
  let readonly = true;
  let highest = 0;
  for (let j = 2; j < argv.length; j++) {
    const rem = argv.length - j - 1;
    const sub = optionName(argv[j]);
    let op: FieldOp['op'];
    if (sub === 'get' && rem >= 2) op = 'get';
    else if (sub === 'set' && rem >= 3) op = 'set';
    else if (sub === 'incrby' && rem >= 3) op = 'incrby';
    else if (sub === 'overflow' && rem >= 1) {
      const how = optionName(argv[++j]);
      if (how !== 'wrap' && how !== 'sat' && how !== 'fail') return ERR_OVERFLOW_TYPE;
      overflow = how;
      continue;
    } else return ERR_SYNTAX;
    const type = parseType(argv[j + 1]);
    if (type === null) return ERR_TYPE;
    const offset = parseBitOffset(ctx, argv[j + 2], type.bits);
    if (offset instanceof ErrorReply) return offset;
    let value = 0n;
    if (op !== 'get') {
      readonly = false;
      if (offset + type.bits - 1 > highest) highest = offset + type.bits - 1;
      const n = parseI64(argv[j + 3]);
      if (n === null) return ERR_NOT_INTEGER;
      value = n;
    }
    ops.push({ op, signed: type.signed, bits: type.bits, offset, value, overflow });
    j += op === 'get' ? 2 : 3;
  }

  let src: Uint8Array | string = '';
  let buf: Uint8Array = new Uint8Array(0);
  let len = 0;
  if (readonly) {
    const v = ctx.db.lookupRead(argv[1], ctx.now);
    if (v !== undefined) {
      if (!isString(v)) return ERR_WRONGTYPE;
      src = typeof v === 'string' ? v : v.buf;
      len = stringLength(v);
    }
  } else {
    if (readOnlyCommand) return ERR_RO;
    const found = lookupStringForBit(ctx, argv[1], highest);
    if (found instanceof ErrorReply) return found;
    src = buf = found.m.buf;
    len = found.m.len;
  }

  const replies: Reply[] = [];
  let changes = 0;
  for (const f of ops) {
    if (f.op === 'get') {
      const u = readField(src, len, f.offset, f.bits);
      replies.push(toReply(f.signed ? BigInt.asIntN(f.bits, u) : u));
      continue;
    }
    changes++;
    const raw = readField(buf, len, f.offset, f.bits);
    const old = f.signed ? BigInt.asIntN(f.bits, raw) : raw;
    let failed: boolean;
    let stored: bigint;
    if (f.op === 'incrby') {
      [failed, stored] = applyOverflow(f.signed, f.bits, old, f.value, f.overflow);
    } else {
      const v = f.signed ? f.value : BigInt.asUintN(64, f.value);
      [failed, stored] = applyOverflow(f.signed, f.bits, v, 0n, f.overflow);
    }
    if (failed && f.overflow === 'fail') {
      replies.push(null);
      continue;
    }
    writeField(buf, f.offset, f.bits, stored);
    replies.push(toReply(f.op === 'incrby' ? stored : old));
  }
  if (changes > 0) {
    ctx.signalModifiedKey(ctx.db, argv[1]);
    ctx.notify('$', 'setbit', argv[1], ctx.db.id);
    ctx.addDirty(changes);
  }
  return replies;
}
