// Encodings redis-server 7.0.15 reads but no longer writes (zipmap, ziplist lists/hashes/sorted sets,
// quicklist v1, ZSET v1 text scores, plain lists, EXPIRETIME in seconds, RDB versions without a checksum),
// built byte by byte by test/persistence/old-encoder.ts. Each file is read by our reader, loaded into the
// in-process engine and into a real redis-server, and the two datasets are compared; redis-check-rdb must
// accept every file too.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRdbBuffer, type RdbKeyRecord } from '../../src/persistence/rdb/reader.js';
import { encodingLimits, toEngineValue } from '../../src/persistence/rdb/engine-values.js';
import { encodeIntset, encodeListpack } from '../../src/persistence/rdb/pack.js';
import { createHarness } from '../../src/server/harness.js';
import { startRedis } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';
import { harnessCall, snapshotDb } from './snapshot.js';
import {
  asciiDouble, expireMs, expireSeconds, intStr, key, len, lzfStr, rdbFile, selectDb, str, ziplist, zipmap,
} from './old-encoder.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const binaryDouble = (d: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(d);
  return b;
};

const FAR = 2000000000; // 2033, seconds (EXPIRETIME is a 32-bit count of seconds)

/** RDB 6: every pre-listpack compact encoding and the plain forms. */
const V6 = rdbFile(6, [
  selectDb(0),
  key(9, 'zipmap', str(zipmap([['f1', 'v1'], ['f2', 'x'.repeat(300)], ['num', '123']]))),
  key(10, 'zl:list', str(ziplist(['a', 1, -1, 12, 13, 300, -70000, 8000000, 5000000000, 'x'.repeat(100), 'y'.repeat(20000), 'after']))),
  key(12, 'zl:zset', str(ziplist(['m1', '1.5', 'm2', 2, 'm3', '1e10']))),
  key(13, 'zl:hash', str(ziplist(['f', 'v', 'g', 7, 'h', -20000]))),
  key(11, 'intset16', str(encodeIntset(['-5', '1', '2', '300']))),
  key(11, 'intset64', str(encodeIntset(['-5000000000', '1', '100000']))),
  key(1, 'plain:list', Buffer.concat([len(3), str('a'), intStr(5), lzfStr('z'.repeat(100))])),
  key(2, 'plain:set', Buffer.concat([len(3), str('p'), str('q'), intStr(-40000)])),
  key(3, 'plain:zset', Buffer.concat([len(3), str('a'), asciiDouble(1.5), str('b'), asciiDouble(Infinity), str('c'), asciiDouble(-Infinity)])),
  key(4, 'plain:hash', Buffer.concat([len(2), str('k1'), str('v1'), str('k2'), intStr(-300)])),
  expireSeconds(FAR),
  key(0, 'exp', str('soon')),
  expireMs(FAR * 1000 + 123),
  key(0, 'expms', intStr(1000000)),
  selectDb(3),
  key(0, 'db3', str('x')),
]);

const rawId = (ms: number, seq: number): Buffer => {
  const b = Buffer.alloc(16);
  b.writeBigUInt64BE(BigInt(ms), 0);
  b.writeBigUInt64BE(BigInt(seq), 8);
  return b;
};
const millis = (ms: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt(ms));
  return b;
};

/**
 * A STREAM_LISTPACKS (v1, Redis 5-6) value: one node with master fields [f], entries 1-1 {f: a} (same
 * fields) and 2-1 {g: b}, a group with one pending entry owned by consumer c.
 */
const STREAM_V1 = Buffer.concat([
  len(1),
  str(rawId(1, 1)),
  str(encodeListpack(['2', '0', '1', 'f', '0', '2', '0', '0', 'a', '4', '0', '1', '0', '1', 'g', 'b', '6'])),
  len(2), len(2), len(1),
  len(1), str('grp'), len(2), len(1),
  len(1), rawId(1, 1), millis(1700000000000), len(3),
  len(1), str('c'), millis(1700000000500), len(1), rawId(1, 1),
]);

/** RDB 9: quicklist v1 of ziplists, ZSET_2 binary doubles, the IDLE opcode. */
const V9 = rdbFile(9, [
  selectDb(0),
  key(14, 'ql', Buffer.concat([len(2), str(ziplist(['a', 'b', 3])), str(ziplist(['d', 'e'.repeat(70), 123456789]))])),
  key(5, 'zset2', Buffer.concat([len(3), str('a'), binaryDouble(0.1), str('b'), binaryDouble(-2), str('c'), binaryDouble(1e300)])),
  Buffer.concat([Buffer.from([0xf8]), len(5000)]),
  key(0, 'idle', str('old')),
  key(15, 'stream-v1', STREAM_V1),
]);

/** RDB 3 and 1: no checksum trailer. */
const V3 = rdbFile(3, [selectDb(0), key(0, 'k', str('v')), expireSeconds(FAR), key(1, 'l', Buffer.concat([len(2), str('x'), str('y')]))]);
const V1 = rdbFile(1, [selectDb(0), key(0, 'k', str('v1')), key(2, 's', Buffer.concat([len(1), str('m')]))]);

function read(buf: Buffer): RdbKeyRecord[] {
  const out: RdbKeyRecord[] = [];
  readRdbBuffer(buf, { key: (r) => out.push(r) });
  return out;
}

describe('old encodings', () => {
  it('decodes every pre-listpack encoding', () => {
    const byKey = Object.fromEntries(read(V6).map((r) => [r.key, r]));
    expect(byKey['zipmap'].value).toEqual({ type: 'hash', pairs: ['f1', 'v1', 'f2', 'x'.repeat(300), 'num', '123'] });
    expect(byKey['zl:list'].value).toEqual({
      type: 'list', items: ['a', '1', '-1', '12', '13', '300', '-70000', '8000000', '5000000000', 'x'.repeat(100), 'y'.repeat(20000), 'after'],
    });
    expect(byKey['zl:zset'].value).toEqual({ type: 'zset', members: ['m1', 'm2', 'm3'], scores: [1.5, 2, 1e10] });
    expect(byKey['zl:hash'].value).toEqual({ type: 'hash', pairs: ['f', 'v', 'g', '7', 'h', '-20000'] });
    expect(byKey['intset16'].value).toEqual({ type: 'set', members: ['-5', '1', '2', '300'] });
    expect(byKey['intset64'].value).toEqual({ type: 'set', members: ['-5000000000', '1', '100000'] });
    expect(byKey['plain:list'].value).toEqual({ type: 'list', items: ['a', '5', 'z'.repeat(100)] });
    expect(byKey['plain:zset'].value).toEqual({ type: 'zset', members: ['a', 'b', 'c'], scores: [1.5, Infinity, -Infinity] });
    expect(byKey['exp'].expireMs).toBe(FAR * 1000);
    expect(byKey['expms'].expireMs).toBe(FAR * 1000 + 123);
    expect(byKey['db3'].db).toBe(3);
    const v9 = Object.fromEntries(read(V9).map((r) => [r.key, r]));
    expect(v9['ql'].value).toEqual({ type: 'list', items: ['a', 'b', '3', 'd', 'e'.repeat(70), '123456789'] });
    expect(v9['idle'].idle).toBe(5000);
    const sv = v9['stream-v1'].value;
    expect(sv.type).toBe('stream');
    if (sv.type === 'stream') {
      expect(sv.stream.entries.map((e) => [`${e.id.ms}-${e.id.seq}`, e.fields])).toEqual([['1-1', ['f', 'a']], ['2-1', ['g', 'b']]]);
      expect([sv.stream.entriesAdded, `${sv.stream.firstId.ms}-${sv.stream.firstId.seq}`]).toEqual([2, '1-1']);
      expect(sv.stream.groups).toEqual([{
        name: 'grp', lastId: { ms: 2n, seq: 1n }, entriesRead: -1,
        pending: [{ id: { ms: 1n, seq: 1n }, deliveryTime: 1700000000000, deliveryCount: 3, consumer: 'c' }],
        consumers: [{ name: 'c', seenTime: 1700000000500, activeTime: 1700000000500, pending: [{ ms: 1n, seq: 1n }] }],
      }]);
    }
    expect(read(V3).map((r) => [r.key, r.expireMs])).toEqual([['k', -1], ['l', FAR * 1000]]);
    expect(read(V1).map((r) => r.value.type)).toEqual(['string', 'set']);
  });

  for (const [name, file] of [['RDB 6', V6], ['RDB 9', V9], ['RDB 3', V3], ['RDB 1', V1]] as const) {
    it(`${name}: redis-check-rdb accepts the file and redis-server loads the same dataset as cinnabar`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rdb-old-'));
      dirs.push(dir);
      writeFileSync(join(dir, 'old.rdb'), file);
      expect(execFileSync('redis-check-rdb', [join(dir, 'old.rdb')], { encoding: 'utf8' })).toContain('RDB looks OK');
      const h = createHarness();
      const redis = await startRedis(['--dbfilename', 'old.rdb', '--dir', dir]);
      const c = await RespConnection.open(redis.port);
      try {
        if (name === 'RDB 9') {
          // Read before anything touches the key.
          const idle = Number((await c.command(['object', 'idletime', 'idle'])).raw.toString().slice(1));
          expect(idle).toBeGreaterThanOrEqual(5000);
        }
        const limits = encodingLimits(h.server.config);
        const dbsUsed = new Set<number>();
        for (const r of read(file)) {
          const db = h.server.engine.dbs[r.db];
          db.add(r.key, toEngineValue(r.value, limits));
          if (r.expireMs !== -1) db.setExpire(r.key, r.expireMs);
          dbsUsed.add(r.db);
        }
        for (const db of dbsUsed) {
          h.resp(['select', String(db)]);
          await c.command(['select', db]);
          const theirs = await snapshotDb((argv) => c.command(argv));
          expect(Object.keys(theirs).length).toBeGreaterThan(0);
          expect(await snapshotDb(harnessCall(h.resp))).toEqual(theirs);
        }
      } finally {
        c.close();
        await redis.stop();
        h.close();
      }
    });
  }
});
