// Request bytes for a benchmark: a command encoded once, repeated for the pipeline, with the positions
// of every `__rand_int__` so each batch can be re-randomised in place (12 digits written over the
// placeholder, no new buffer). Counterpart: createClient() and randomizeClientKey() in
// redis-benchmark.c, which keep pointers into the client's output buffer the same way.
import { encodeCommand, type Arg } from '../../client/encode-command.js';

export const RAND_PLACEHOLDER = '__rand_int__';
const PLACEHOLDER_BYTES = Buffer.from(RAND_PLACEHOLDER, 'latin1');
export const RAND_DIGITS = PLACEHOLDER_BYTES.length;

export interface Payload {
  /** `pipeline` copies of the encoded command. */
  bytes: Buffer;
  /** Offsets in `bytes` of each placeholder (12 bytes each). */
  randOffsets: Int32Array;
  /** Commands in `bytes`. */
  pipeline: number;
}

/** Offsets of every `__rand_int__` in `bytes`, scanning on after each match like strstr in a loop. */
export function findPlaceholders(bytes: Uint8Array): number[] {
  const out: number[] = [];
  const first = PLACEHOLDER_BYTES[0]!;
  outer: for (let i = 0; i + RAND_DIGITS <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < RAND_DIGITS; j++) if (bytes[i + j] !== PLACEHOLDER_BYTES[j]) continue outer;
    out.push(i);
    i += RAND_DIGITS - 1;
  }
  return out;
}

/** Encodes `argv` once and lays out `pipeline` copies of it. */
export function buildPayload(argv: readonly Arg[], pipeline: number): Payload {
  return repeatRequest(encodeCommand(argv), pipeline);
}

/** Lays out `pipeline` copies of already-encoded request bytes (an inline command, for instance). */
export function repeatRequest(one: Buffer, pipeline: number): Payload {
  const bytes = Buffer.allocUnsafe(one.length * pipeline);
  for (let i = 0; i < pipeline; i++) one.copy(bytes, i * one.length);
  const inOne = findPlaceholders(one);
  const randOffsets = new Int32Array(inOne.length * pipeline);
  for (let i = 0; i < pipeline; i++) {
    for (let j = 0; j < inOne.length; j++) randOffsets[i * inOne.length + j] = i * one.length + inOne[j]!;
  }
  return { bytes, randOffsets, pipeline };
}

/** Writes `value` as 12 zero-padded decimal digits at `offset` (the placeholder's place). */
export function writeRandInt(buf: Uint8Array, offset: number, value: number): void {
  let r = value;
  for (let p = offset + RAND_DIGITS - 1; p >= offset; p--) {
    const q = Math.floor(r / 10);
    buf[p] = 0x30 + (r - q * 10);
    r = q;
  }
}

/**
 * A small seeded generator (xoshiro128**): fast, no allocation, reproducible with --seed. Threads get
 * distinct streams from one seed.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // splitmix32 spreads the seed over the four words of state.
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** An integer in [0, n) for n >= 1. */
  below(n: number): number {
    if (n <= 0x100000000) return this.nextU32() % n;
    return (this.nextU32() * 0x100000000 + this.nextU32()) % n;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Re-randomises every placeholder of a payload for a new batch: numbers in [0, keyspacelen). */
export function randomizePayload(p: Payload, rng: Random, keyspacelen: number): void {
  const offs = p.randOffsets;
  const bytes = p.bytes;
  for (let i = 0; i < offs.length; i++) writeRandInt(bytes, offs[i]!, keyspacelen > 0 ? rng.below(keyspacelen) : 0);
}

/**
 * The value bytes of SET/LPUSH/HSET/MSET in the default tests: the same pseudo-random printable
 * characters redis-benchmark generates (a linear congruential generator seeded with 1234, each byte
 * '0' plus 6 bits of the state), so both tools store identical values.
 */
export class DataGenerator {
  private state = 1234;

  next(size: number): Buffer {
    const out = Buffer.allocUnsafe(size);
    for (let i = 0; i < size; i++) {
      this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
      out[i] = 0x30 + ((this.state >>> 16) & 63);
    }
    return out;
  }
}
