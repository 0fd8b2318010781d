// The RDB writer: files written from the engine's values load in the real redis-server 7.0.15 with every
// key, type, value and TTL intact (compared over RESP with the in-process engine they came from), and
// redis-check-rdb finds them sound; files read back through our reader give the same engine values.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../../src/server/harness.js';
import { writeRdb, standardAux, RdbWriter, writerOptions } from '../../src/persistence/rdb/writer.js';
import { readRdbBuffer, type RdbKeyRecord } from '../../src/persistence/rdb/reader.js';
import type { RdbStream } from '../../src/persistence/rdb/stream.js';
import { toEngineValue } from '../../src/persistence/rdb/engine-values.js';
import { datasetDigest } from '../../src/persistence/digest.js';
import { startRedis } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';
import { harnessCall, snapshotDb } from './snapshot.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const bin = (n: number, seed = 11): string => range(n, (i) => String.fromCharCode((i * 37 + seed) & 0xff)).join('');

const DATA: string[][] = [
  ['set', 's:small', 'hello'],
  ['set', 's:int', '-100'],
  ['set', 's:int32', '2147483647'],
  ['set', 's:int64', '-9223372036854775808'],
  ['set', 's:binary', bin(300)],
  ['set', 's:compressible', 'abc'.repeat(500)],
  ['set', 's:empty', ''],
  ['append', 's:mutable', 'grown in place'],
  ['set', 's:ttl', 'x', 'px', '900000000'],
  ['rpush', 'l:small', 'a', '12', '-7', bin(30)],
  ['rpush', 'l:big', ...range(3000, (i) => (i % 2 ? `item-${i}` : String(i * 1013)))],
  ['rpush', 'l:huge-elements', 'q'.repeat(9000), 'r'.repeat(20000), 'tiny'],
  ['sadd', 'set:int', '5', '-3', '70000', '-5000000000'],
  ['sadd', 'set:str', 'a', 'b', 'c'],
  ['sadd', 'set:big', ...range(1000, (i) => `member-${i}`)],
  ['zadd', 'z:small', '1', 'a', '-2.5', 'b', 'inf', 'c', '0.1', 'd'],
  ['zadd', 'z:big', ...range(300, (i) => [String(i / 3), `m${i}`]).flat()],
  ['hset', 'h:small', 'a', '1', 'b', bin(20)],
  ['hset', 'h:big', ...range(1000, (i) => [`f${i}`, `v${i}`]).flat()],
  ['hset', 'h:long', 'f', 'v'.repeat(200)],
  ['pexpireat', 'h:small', '4102444800000'],
  ['pfadd', 'hll', 'x', 'y', 'z'],
  ['xadd', 'x:s', '1-1', 'a', '1'],
  ['xadd', 'x:s', '1-2', 'a', '2', 'b', '3'],
  ['xadd', 'x:s', '5-0', 'a', '4'],
  ['xdel', 'x:s', '1-2'],
  ['xgroup', 'create', 'x:s', 'grp', '0'],
  ['xreadgroup', 'group', 'grp', 'alice', 'count', '1', 'streams', 'x:s', '>'],
  ['xgroup', 'createconsumer', 'x:s', 'grp', 'bob'],
  ['select', '2'],
  ['set', 'db2', 'two'],
  ['zadd', 'db2:z', '1', 'x'],
  ['select', '0'],
];

function populated(): Harness {
  const h = createHarness();
  for (const argv of DATA) {
    const r = h.resp(argv);
    if (r.startsWith('-')) throw new Error(`${argv.join(' ')}: ${r}`);
  }
  return h;
}

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'rdb-writer-'));
  dirs.push(d);
  return d;
}

const LIB = "#!lua name=wlib\nredis.register_function('wfn', function(keys, args) return 'ok' end)";

async function loadInRedis(file: Buffer, check: (c: RespConnection) => Promise<void>): Promise<void> {
  const dir = tmp();
  writeFileSync(join(dir, 'x.rdb'), file);
  const check_rdb = execFileSync('redis-check-rdb', [join(dir, 'x.rdb')], { encoding: 'utf8' });
  expect(check_rdb).toContain('RDB looks OK');
  const redis = await startRedis(['--dbfilename', 'x.rdb', '--dir', dir]);
  try {
    const c = await RespConnection.open(redis.port);
    try {
      await check(c);
    } finally {
      c.close();
    }
  } finally {
    await redis.stop();
  }
}

describe('RDB writer', () => {
  for (const variant of [{ compression: true, checksum: true }, { compression: false, checksum: false }]) {
    it(`writes a file redis-server 7.0.15 loads with the same data (${JSON.stringify(variant)})`, async () => {
      const h = populated();
      try {
        h.run(['config', 'set', 'rdbcompression', variant.compression ? 'yes' : 'no']);
        h.run(['config', 'set', 'rdbchecksum', variant.checksum ? 'yes' : 'no']);
        const file = writeRdb(h.server.engine.dbs, { ...writerOptions(h.server.config), functions: [LIB] });
        expect(file.readBigUInt64LE(file.length - 8) === 0n).toBe(!variant.checksum);
        const ours = harnessCall(h.resp);
        await loadInRedis(file, async (c) => {
          const theirs = (argv: Parameters<typeof ours>[0]) => c.command(argv);
          for (const db of [0, 2]) {
            h.resp(['select', String(db)]);
            await c.command(['select', db]);
            expect(await snapshotDb(theirs)).toEqual(await snapshotDb(ours));
          }
          h.resp(['select', '0']);
          const fl = await c.command(['function', 'list', 'withcode']);
          expect(fl.raw.toString()).toContain('wlib');
          expect((await c.command(['fcall', 'wfn', 0])).raw.toString()).toBe('$2\r\nok\r\n');
        });
      } finally {
        h.close();
      }
    });
  }

  it('writes Redis-like AUX fields, SELECTDB/RESIZEDB and EXPIRETIME_MS', () => {
    const h = populated();
    try {
      const aux: Record<string, string> = {};
      const resize: number[][] = [];
      const records: RdbKeyRecord[] = [];
      readRdbBuffer(writeRdb(h.server.engine.dbs, { aux: standardAux({ version: '7.2.4', usedMem: 12345, ctime: 1700000000 }) }), {
        aux: (k, v) => (aux[k] = v),
        resizeDb: (a, b) => resize.push([a, b]),
        key: (r) => records.push(r),
        header: (v) => expect(v).toBe(10),
      });
      expect(aux).toEqual({ 'redis-ver': '7.2.4', 'redis-bits': '64', ctime: '1700000000', 'used-mem': '12345', 'aof-base': '0' });
      expect(resize).toEqual([[h.server.engine.dbs[0].dict.size, 2], [2, 0]]);
      expect(records.find((r) => r.key === 'h:small')!.expireMs).toBe(4102444800000);
      const enc = Object.fromEntries(records.map((r) => [r.key, r.encoding]));
      expect(enc).toMatchObject({
        's:small': 'string', 'l:small': 'quicklist-v2', 'set:int': 'set-intset', 'set:str': 'set-hashtable',
        'set:big': 'set-hashtable', 'z:small': 'zset-listpack', 'z:big': 'zset-v2', 'h:small': 'hash-listpack',
        'h:big': 'hash-hashtable', 'h:long': 'hash-hashtable', 'x:s': 'stream-v2',
      });
    } finally {
      h.close();
    }
  });

  it('round-trips through the reader to the same dataset digest, for RDB 10 and 11', () => {
    const h = populated();
    try {
      const want = datasetDigest(h.server.engine.dbs).toString('hex');
      const streams = new Map<number, RdbStream>();
      for (const version of [10, 11]) {
        const dbs = new Map<number, { id: number; dict: Map<string, never>; expires: Map<string, number> }>();
        const encodings: Record<string, string> = {};
        readRdbBuffer(writeRdb(h.server.engine.dbs, { version }), {
          header: (v) => expect(v).toBe(version),
          key: (r) => {
            let db = dbs.get(r.db);
            if (!db) dbs.set(r.db, (db = { id: r.db, dict: new Map(), expires: new Map() }));
            db.dict.set(r.key, toEngineValue(r.value, { set: { intsetEntries: 512, listpackEntries: 128, listpackValue: 64 }, zset: { listpackEntries: 128, listpackValue: 64 }, hashEntries: 512, hashValue: 64, listFill: -2 }) as never);
            if (r.expireMs !== -1) db.expires.set(r.key, r.expireMs);
            encodings[r.key] = r.encoding;
            if (r.value.type === 'stream') streams.set(version, r.value.stream);
          },
        });
        expect(datasetDigest([...dbs.values()].sort((a, b) => a.id - b.id)).toString('hex')).toBe(want);
        if (version === 11) expect([encodings['set:str'], encodings['x:s']]).toEqual(['set-listpack', 'stream-v3']);
      }
      // Consumer active times exist only in STREAM_LISTPACKS_3 (older types load the seen time in their
      // place, as Redis 7.2 does); everything else is the same.
      const [v10, v11] = [streams.get(10)!, streams.get(11)!];
      const c10 = v10.groups[0].consumers;
      const c11 = v11.groups[0].consumers;
      expect(c11.map((c) => [c.name, c.activeTime > 0])).toEqual([['alice', true], ['bob', false]]);
      expect(c10.map((c) => c.activeTime)).toEqual(c10.map((c) => c.seenTime));
      expect(c11.map((c) => ({ ...c, activeTime: c.seenTime }))).toEqual(c10);
      expect(v11.groups[0].pending).toEqual(v10.groups[0].pending);
      expect(v10.groups[0].pending.map((p) => [p.consumer, p.deliveryCount])).toEqual([['alice', 1]]);
      expect([v10.version, v11.version, v10.entriesAdded, v10.length]).toEqual([2, 3, 3, 2]);
    } finally {
      h.close();
    }
  });

  it('hands out the file in pieces that concatenate to the whole', () => {
    const h = populated();
    try {
      const whole = writeRdb(h.server.engine.dbs, { aux: [['ctime', '1']] });
      const w = new RdbWriter();
      const parts: Buffer[] = [];
      w.header([['ctime', '1']]);
      for (const db of h.server.engine.dbs) {
        if (db.dict.size === 0) continue;
        w.selectDb(db.id, db.dict.size, db.expires.size);
        for (const [k, v] of db.dict) {
          w.key(k, v, db.expires.get(k) ?? -1);
          parts.push(w.take());
        }
      }
      w.finish();
      parts.push(w.take());
      expect(Buffer.concat(parts).equals(whole)).toBe(true);
      expect(w.written).toBe(whole.length);
    } finally {
      h.close();
    }
  });
});
