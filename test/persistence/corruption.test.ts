// Damaged input: truncated files, flipped bits, wrong checksums, unsupported versions and opcodes all end
// in an RdbError naming the reason and the byte offset, never in another exception; damaged DUMP payloads
// are refused by RESTORE with Redis's errors.
import { describe, expect, it, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/servers.js';
import { RdbReader, readRdbBuffer } from '../../src/persistence/rdb/reader.js';
import { RdbError } from '../../src/persistence/rdb/errors.js';
import { valueSize } from '../../src/persistence/rdb/value-reader.js';
import { crc64 } from '../../src/util/crc64.js';
import { createHarness, type Harness } from '../../src/server/harness.js';
import { rdbFile, str, key, len } from './old-encoder.js';
import { encodeListpack } from '../../src/persistence/rdb/pack.js';
import { startRedis } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'rdb', `${name}.rdb`));

function errorOf(buf: Buffer, verifyChecksum = true): RdbError | null {
  try {
    readRdbBuffer(buf, { key: () => {} }, { verifyChecksum });
    return null;
  } catch (e) {
    if (e instanceof RdbError) return e;
    throw e;
  }
}

/** Recomputes the trailer so only structural checks can catch the damage. */
function resum(buf: Buffer): Buffer {
  const b = Buffer.from(buf);
  b.writeBigUInt64LE(crc64(b.subarray(0, b.length - 8)), b.length - 8);
  return b;
}

let seed = 12345;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

describe('corrupt RDB files', () => {
  it('a file cut anywhere reports an unexpected EOF at the end of the data', () => {
    for (const name of ['lru-7.0', 'list-plain-node-7.0', 'list-compressed-7.0']) {
      const buf = fixture(name);
      for (let cut = 0; cut < buf.length; cut++) {
        const e = errorOf(buf.subarray(0, cut));
        expect(e, `${name} cut at ${cut}`).not.toBeNull();
        expect(e!.reason, `${name} cut at ${cut}`).toMatch(/Unexpected EOF|Wrong signature/);
        expect(e!.offset).toBeLessThanOrEqual(cut);
      }
    }
  });

  it('a cut stream fed in chunks fails the same way at end()', () => {
    const buf = fixture('types-7.0');
    const r = new RdbReader({});
    r.push(buf.subarray(0, 10000));
    expect(() => r.end()).toThrow(/Unexpected EOF reading RDB file \(at offset/);
  });

  it('flipped bits are caught by the checksum with its offset', () => {
    const buf = fixture('types-7.0');
    for (let n = 0; n < 200; n++) {
      const b = Buffer.from(buf);
      const at = 9 + rnd(b.length - 17);
      b[at] ^= 1 << rnd(8);
      const e = errorOf(b);
      expect(e, `flip at ${at}`).not.toBeNull();
    }
    const b = Buffer.from(buf);
    b[b.length - 1] ^= 0xff;
    const e = errorOf(b)!;
    expect(e.reason).toMatch(/^Wrong RDB checksum expected: [0-9a-f]{16} got: [0-9a-f]{16}$/);
    expect(e.offset).toBe(b.length - 8);
  });

  it('damage behind a recomputed checksum is caught by structure checks or read as other data, never a crash', () => {
    const buf = fixture('types-7.0');
    let structural = 0;
    for (let n = 0; n < 400; n++) {
      const b = Buffer.from(buf);
      const at = 9 + rnd(b.length - 17);
      b[at] = rnd(256);
      const e = errorOf(resum(b));
      if (e) {
        structural++;
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset).toBeLessThanOrEqual(b.length);
      }
    }
    expect(structural).toBeGreaterThan(0);
  });

  it('a zero checksum means "not computed" and is accepted', () => {
    const buf = Buffer.from(fixture('lru-7.0'));
    buf.fill(0, buf.length - 8);
    expect(errorOf(buf)).toBeNull();
  });

  it('refuses unsupported versions, signatures, opcodes and types clearly', () => {
    const v12 = Buffer.from(rdbFile(12, []));
    expect(errorOf(v12)!.message).toMatch(/Can't handle RDB format version 12.*Redis 7\.4/);
    expect(errorOf(Buffer.from('REDIT0010\xff', 'latin1'))!.reason).toBe('Wrong signature trying to load DB from file');
    expect(errorOf(Buffer.from('REDIS0000\xff', 'latin1'))!.reason).toMatch(/version 0/);
    expect(errorOf(rdbFile(10, [Buffer.from([247]), len(1)]))!.reason).toMatch(/Module auxiliary data is not supported/);
    expect(errorOf(rdbFile(10, [key(7, 'm', Buffer.alloc(0))]))!.reason).toMatch(/Module values are not supported/);
    expect(errorOf(rdbFile(10, [Buffer.from([246]), str('x')]))!.reason).toMatch(/Pre-release function format/);
    const e = errorOf(rdbFile(10, [key(99, 'k', str('v'))]))!;
    expect(e.reason).toMatch(/Unknown object type or opcode 99/);
    expect(e.offset).toBe(9);
  });

  it('reports damaged packed encodings with the offset of their blob', () => {
    const lp = Buffer.from([0x0d, 0, 0, 0, 2, 0, 0x81, 0x61, 0x02, 0x81, 0x62, 0x02, 0xfe]);
    const e = errorOf(rdbFile(10, [key(16, 'h', str(lp))]))!;
    expect(e.reason).toMatch(/Listpack integrity check failed/);
    expect(e.offset).toBe(9 + 1 + 2);
  });
});

describe('agreement with redis-check-rdb', () => {
  it('both refuse truncated, bit-flipped and structurally damaged files, and both accept intact ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rdb-corrupt-'));
    try {
      const check = (b: Buffer): boolean => {
        writeFileSync(join(dir, 'c.rdb'), b);
        try {
          execFileSync('redis-check-rdb', [join(dir, 'c.rdb')], { stdio: 'pipe' });
          return true;
        } catch {
          return false;
        }
      };
      const buf = fixture('types-7.0');
      const flipped = Buffer.from(buf);
      flipped[5000] ^= 0x10;
      const lp = Buffer.from([0x0d, 0, 0, 0, 2, 0, 0x81, 0x61, 0x02, 0x81, 0x62, 0x02, 0xfe]);
      const cases: Array<[string, Buffer]> = [
        ['intact', buf],
        ['truncated', buf.subarray(0, 20000)],
        ['flipped', flipped],
        ['bad listpack', rdbFile(10, [key(16, 'h', str(lp))])],
        ['unknown type', rdbFile(10, [key(99, 'k', str('v'))])],
        ['empty ziplist hash', rdbFile(6, [key(13, 'h', str(Buffer.from([0x0b, 0, 0, 0, 0x0a, 0, 0, 0, 0, 0, 0xff])))])],
      ];
      // An empty aggregate decodes fine; Redis skips such keys on load and redis-check-rdb refuses them,
      // which valueSize() lets a checker do too.
      const ours = (b: Buffer): boolean => {
        let empty = false;
        try {
          readRdbBuffer(b, { key: (r) => (empty ||= valueSize(r.value) === 0) });
        } catch (e) {
          if (e instanceof RdbError) return false;
          throw e;
        }
        return !empty;
      };
      for (const [name, b] of cases) expect(ours(b), name).toBe(check(b));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('corrupt DUMP payloads', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('RESTORE answers with Redis errors and never fails otherwise', () => {
    h = createHarness();
    h.run(['rpush', 'l', ...Array.from({ length: 50 }, (_, i) => `e${i}`)]);
    h.run(['hset', 'h', 'a', '1', 'b', '2']);
    h.run(['zadd', 'z', '1', 'a', '2', 'b']);
    h.run(['xadd', 'x', '1-1', 'f', 'v']);
    const allowed = new Set(['+OK\r\n', '-ERR Bad data format\r\n', '-ERR DUMP payload version or checksum are wrong\r\n']);
    for (const k of ['l', 'h', 'z', 'x']) {
      const p = Buffer.from(h.run(['dump', k]) as Buffer);
      for (let n = 0; n < 150; n++) {
        const b = Buffer.from(p);
        b[rnd(b.length - 10)] = rnd(256);
        const body = b.subarray(0, b.length - 8);
        b.writeBigUInt64LE(crc64(body), b.length - 8);
        const r = h.resp(['restore', `r${n}`, '0', b.toString('latin1'), 'replace']);
        expect(allowed.has(r), r).toBe(true);
      }
    }
  });
});

describe('stream payload checks, as Redis with sanitize-dump-payload yes', () => {
  const id = (ms: number, seq: number): Buffer => {
    const b = Buffer.alloc(16);
    b.writeBigUInt64BE(BigInt(ms), 0);
    b.writeBigUInt64BE(BigInt(seq), 8);
    return b;
  };
  /** A STREAM_LISTPACKS_2 DUMP payload with the given node listpacks (ids 1-1 and 2-1 in the good form). */
  const payload = (nodes: Array<[Buffer, string[]]>): Buffer => {
    const body = Buffer.concat([
      Buffer.from([19]),
      len(nodes.length),
      ...nodes.flatMap(([k, entries]) => [str(k), str(encodeListpack(entries))]),
      len(2), len(2), len(1), len(1), len(1), len(0), len(0), len(2), len(0),
      Buffer.from([10, 0]),
    ]);
    const t = Buffer.alloc(8);
    t.writeBigUInt64LE(crc64(body));
    return Buffer.concat([body, t]);
  };
  const node = (lpCount: string, msDiff = '1'): string[] => ['2', '0', '1', 'f', '0', '2', '0', '0', 'a', '4', '0', msDiff, '0', '1', 'g', 'b', lpCount];

  it('accepts what Redis accepts (node order, entry order) and refuses what it refuses (counts, repeated keys)', async () => {
    const redis = await startRedis(['--sanitize-dump-payload', 'yes']);
    const c = await RespConnection.open(redis.port);
    const h2 = createHarness();
    try {
      const cases: Array<[string, Buffer]> = [
        ['sound', payload([[id(1, 1), node('6')]])],
        ['wrong lp-count', payload([[id(1, 1), node('7')]])],
        ['ids going back', payload([[id(1, 1), node('6', '-1')]])],
        ['nodes out of order', payload([[id(9, 1), ['1', '0', '1', 'f', '0', '2', '0', '0', 'z', '4']], [id(1, 1), node('6')]])],
        ['repeated node key', payload([[id(1, 1), node('6')], [id(1, 1), node('6')]])],
      ];
      for (const [name, p] of cases) {
        const theirs = (await c.command(['restore', name, 0, p])).raw.toString();
        expect(h2.resp(['restore', name, '0', p.toString('latin1')]), name).toBe(theirs);
        if (theirs === '+OK\r\n') {
          const range = (await c.command(['xrange', name, '-', '+'])).raw.toString('latin1');
          expect(h2.resp(['xrange', name, '-', '+']), name).toBe(range);
        }
      }
    } finally {
      c.close();
      await redis.stop();
      h2.close();
    }
  });
});

