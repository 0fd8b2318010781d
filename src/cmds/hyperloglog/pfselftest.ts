// PFSELFTEST - Redis counterpart: pfselftestCommand (hyperloglog.c). Checks the dense register packing
// (every register written and read back without disturbing its neighbours), that the sparse and dense
// encodings of the same elements give the same estimate, and that estimates stay within a few
// standard errors of the true count.
import { defineCommand } from '../../spec/define.js';
import { OK, type Reply } from '../../protocol/reply.js';
import { errorReply } from '../../protocol/errors.js';
import {
  HLL_DENSE_SIZE,
  HLL_HDR_SIZE,
  HLL_REGISTERS,
  HLL_SPARSE,
  createDenseHLL,
  createHLL,
  denseGet,
  denseSet,
  hllAdd,
  hllCount,
} from '../../datatypes/hyperloglog.js';

/** A deterministic xorshift sequence, so a failure can be reproduced. */
function makeRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function checkRegisters(): Reply | null {
  const rand = makeRandom(0x5eed);
  const regs = Buffer.alloc(HLL_DENSE_SIZE);
  const expected = new Uint8Array(HLL_REGISTERS);
  for (let round = 0; round < 2; round++) {
    for (let r = 0; r < HLL_REGISTERS; r++) {
      expected[r] = rand() & 63;
      denseSet(regs, HLL_HDR_SIZE, r, expected[r]);
    }
    for (let r = 0; r < HLL_REGISTERS; r++) {
      if (denseGet(regs, HLL_HDR_SIZE, r) !== expected[r]) return errorReply(`TESTFAILED Register error at ${r}`);
    }
  }
  return null;
}

function checkEstimates(): Reply | null {
  const sparse = createHLL();
  const dense = createDenseHLL();
  // A sparse limit large enough that the sparse value only turns dense for a register above 32.
  const neverPromote = 1 << 30;
  const relErr = 1.04 / Math.sqrt(HLL_REGISTERS);
  let checkpoint = 1;
  for (let n = 1; n <= 50000; n++) {
    const ele = `selftest:${n}`;
    hllAdd(sparse, ele, neverPromote);
    hllAdd(dense, ele, neverPromote);
    if (n !== checkpoint) continue;
    checkpoint *= 10;
    const a = hllCount(dense.view());
    const b = hllCount(sparse.view());
    if (a === null || b === null) return errorReply('TESTFAILED corrupted HLL during self test');
    if (sparse.buf[4] === HLL_SPARSE && a !== b) {
      return errorReply(`TESTFAILED sparse and dense estimates differ at ${n}: ${b} vs ${a}`);
    }
    const tolerance = n < 100 ? 1 : Math.ceil(n * relErr * 5);
    if (Math.abs(a - n) > tolerance) {
      return errorReply(`TESTFAILED too big error. card:${n} abserr:${Math.abs(a - n)}`);
    }
  }
  return null;
}

export default defineCommand('pfselftest', () => checkRegisters() ?? checkEstimates() ?? OK);
