import { expect, test } from 'vitest';
import {
  HLL_DENSE,
  HLL_DENSE_SIZE,
  HLL_HDR_SIZE,
  HLL_REGISTERS,
  HLL_SPARSE,
  cacheValid,
  createDenseHLL,
  createHLL,
  decodeSparse,
  denseGet,
  denseSet,
  hllAdd,
  hllCount,
  hllMerge,
  hllPatLen,
  invalidateCache,
  isValidHLL,
  rawCount,
  readCachedCard,
  sparseSet,
  sparseToDense,
  writeCachedCard,
  zeroRunOf,
} from './hyperloglog.js';

const MAX = 3000;

test('an empty HLL is sparse: header and one XZERO run', () => {
  const m = createHLL();
  expect([...m.view()]).toEqual([0x48, 0x59, 0x4c, 0x4c, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0xff]);
  expect(isValidHLL(m.view())).toBe(true);
  expect(hllCount(m.view())).toBe(0);
  expect(decodeSparse(m.view())).toBe('Z:16384');
});

test('hllPatLen matches the register and count Redis computes', () => {
  // From PFADD + PFDEBUG DECODE on redis-server 7.0: [element, register, count].
  const cases: Array<[string, number, number]> = [
    ['', 5938, 2],
    ['a', 12711, 2],
    ['ab', 719, 1],
    ['abc', 9474, 1],
    ['abcdefg', 5634, 2],
    ['abcdefgh', 1383, 1],
    ['abcdefghi', 6903, 1],
    ['0123456789abcdef', 5949, 1],
    ['hello', 9216, 1],
  ];
  for (const [ele, index, count] of cases) expect(hllPatLen(ele)).toEqual({ index, count });
});

test('the zero run counts bits above the index and stops at 51', () => {
  expect(zeroRunOf(0, 1 << 14)).toBe(1);
  expect(zeroRunOf(0, 0x3fff | (1 << 15))).toBe(2);
  expect(zeroRunOf(0, 1 << 31)).toBe(18);
  expect(zeroRunOf(1, 0)).toBe(19);
  expect(zeroRunOf(1 << 14, 0)).toBe(33);
  expect(zeroRunOf(1 << 31, 0)).toBe(50);
  expect(zeroRunOf(0, 0)).toBe(51);
});

test('dense registers pack six bits each without disturbing neighbours', () => {
  const b = new Uint8Array(HLL_DENSE_SIZE);
  for (let r = 0; r < HLL_REGISTERS; r++) denseSet(b, HLL_HDR_SIZE, r, (r * 7) & 63);
  for (let r = 0; r < HLL_REGISTERS; r++) expect(denseGet(b, HLL_HDR_SIZE, r)).toBe((r * 7) & 63);
  const one = new Uint8Array(HLL_DENSE_SIZE);
  denseSet(one, HLL_HDR_SIZE, 1, 63);
  expect([...one.subarray(HLL_HDR_SIZE, HLL_HDR_SIZE + 2)]).toEqual([0xc0, 0x0f]);
});

test('sparse updates split runs and merge equal neighbours back', () => {
  const m = createHLL();
  expect(sparseSet(m, 0, 3, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,1 Z:16383');
  expect(sparseSet(m, 2, 3, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,1 z:1 v:3,1 Z:16381');
  expect(sparseSet(m, 1, 3, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,3 Z:16381');
  expect(sparseSet(m, 1, 2, MAX)).toBe(0);
  expect(sparseSet(m, 1, 5, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,1 v:5,1 v:3,1 Z:16381');
  expect(sparseSet(m, 100, 1, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,1 v:5,1 v:3,1 Z:97 v:1,1 Z:16283');
  expect(sparseSet(m, 16383, 1, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,1 v:5,1 v:3,1 Z:97 v:1,1 Z:16282 v:1,1');
  expect(sparseSet(m, 70, 1, MAX)).toBe(1);
  expect(decodeSparse(m.view())).toBe('v:3,1 v:5,1 v:3,1 Z:67 v:1,1 z:29 v:1,1 Z:16282 v:1,1');
});

test('a register above 32 or a value over the size limit turns the HLL dense', () => {
  const m = createHLL();
  expect(sparseSet(m, 5, 33, MAX)).toBe(1);
  expect(m.buf[4]).toBe(HLL_DENSE);
  expect(m.len).toBe(HLL_DENSE_SIZE);
  expect(denseGet(m.buf, HLL_HDR_SIZE, 5)).toBe(33);

  const s = createHLL();
  let r = 0;
  while (s.buf[4] === HLL_SPARSE) sparseSet(s, (r += 3), 1, 40);
  expect(s.len).toBe(HLL_DENSE_SIZE);
  for (let k = 3; k <= r; k += 3) expect(denseGet(s.buf, HLL_HDR_SIZE, k)).toBe(1);
});

test('sparse and dense give the same estimate for the same elements', () => {
  const sparse = createHLL();
  const dense = createDenseHLL();
  for (let i = 0; i < 2000; i++) {
    hllAdd(sparse, `e${i}`, 1 << 30);
    hllAdd(dense, `e${i}`, 1 << 30);
  }
  expect(sparse.buf[4]).toBe(HLL_SPARSE);
  const n = hllCount(dense.view())!;
  expect(hllCount(sparse.view())).toBe(n);
  expect(Math.abs(n - 2000)).toBeLessThan(100);
  const copy = createHLL();
  copy.buf = Buffer.from(sparse.view());
  copy.len = sparse.len;
  expect(sparseToDense(copy)).toBe(true);
  expect(Buffer.from(copy.view().subarray(HLL_HDR_SIZE)).equals(Buffer.from(dense.view().subarray(HLL_HDR_SIZE)))).toBe(true);
  const max = new Uint8Array(HLL_REGISTERS);
  expect(hllMerge(max, sparse.view())).toBe(true);
  expect(rawCount(max)).toBe(n);
});

test('the cached cardinality is little-endian with a stale flag in the top bit', () => {
  const m = createHLL();
  const b = m.view();
  expect(cacheValid(b)).toBe(true);
  invalidateCache(b);
  expect(cacheValid(b)).toBe(false);
  writeCachedCard(b, 0x123456);
  expect([...b.subarray(8, 16)]).toEqual([0x56, 0x34, 0x12, 0, 0, 0, 0, 0]);
  expect(cacheValid(b)).toBe(true);
  expect(readCachedCard(b)).toBe(0x123456);
});

test('malformed values are rejected or reported corrupt', () => {
  expect(isValidHLL(Buffer.from('HYLL\x01\x00\x00', 'latin1'))).toBe(false);
  expect(isValidHLL(Buffer.from('HYLX\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00', 'latin1'))).toBe(false);
  expect(isValidHLL(Buffer.from('HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00', 'latin1'))).toBe(false);
  const short = Buffer.from('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xfe', 'latin1');
  expect(isValidHLL(short)).toBe(true);
  expect(hllCount(short)).toBeNull();
  expect(hllMerge(new Uint8Array(HLL_REGISTERS), short)).toBe(false);
  const empty = createHLL();
  empty.len = HLL_HDR_SIZE;
  expect(sparseSet(empty, 0, 1, MAX)).toBe(-1);
});
