// `cinnabar rdb-check` run as a user runs it (bin/run.js, built), next to the real redis-check-rdb 7.0 on
// the same files: the fixtures saved by redis-server (test/fixtures/rdb/) and damaged copies (cut at many
// offsets, a checksum broken, a bad type byte, RDB 12). Verdicts, offsets, what was being read and exit
// status must match; only the reason is worded differently (clearer). Exports are checked against what
// redis-server reported when the fixture was made, and against a redis-server that loads the file
// (OBJECT ENCODING, MEMORY USAGE). A 200k-key file is checked with its peak RSS reported.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable, Readable } from 'node:stream';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, startRedis, type RunningServer } from '../helpers/servers.js';
import { RespConnection } from '../helpers/resp.js';
import { asciiDouble, expireMs, expireSeconds, intStr, key, len, lzfStr, rdbFile, selectDb, str, ziplist, zipmap } from '../persistence/old-encoder.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'rdb');
const TYPES = join(FIX, 'types-7.0.rdb');
const work = mkdtempSync(join(tmpdir(), 'rdb-check-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function ours(args: string[]): Promise<Run> {
  const r = await execa(process.execPath, [BIN, 'rdb-check', ...args], { reject: false, encoding: 'latin1', timeout: 120_000, maxBuffer: 1 << 30 });
  return { code: r.exitCode ?? -1, out: r.stdout, err: r.stderr };
}

async function theirs(file: string): Promise<Run> {
  const r = await execa('redis-check-rdb', [file], { reject: false, encoding: 'latin1', timeout: 60_000 });
  return { code: r.exitCode ?? -1, out: r.stdout, err: r.stderr };
}

/** The tool's entry point from the build, called in-process with captured output (for long loops). */
async function inProcess(args: string[]): Promise<Run> {
  const { runRdbCheck } = (await import(join(import.meta.dirname, '..', '..', 'dist', 'src', 'tools', 'rdb-check', 'index.js'))) as typeof import('../../src/tools/rdb-check/index.js');
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (to: Buffer[]) => new Writable({ write(c: Buffer, _e, cb) { to.push(Buffer.from(c)); cb(); } });
  const code = await runRdbCheck(args, { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), version: 'test' });
  return { code, out: Buffer.concat(out).toString('latin1').replace(/\n$/, ''), err: Buffer.concat(err).toString('latin1') };
}

/**
 * Our report in redis-check-rdb's terms: without the RDB version line, the error reason cut to its offset
 * (ours is worded differently) and type names dropped (7.0 calls types it does not name "unknown").
 */
function normalize(s: string): string[] {
  const lines = s.split('\n');
  // Until a first key is read, redis-check-rdb's "current type" is still its initial 0, and it reports
  // "Reading type 0 (string)" for problems in the header or AUX fields; ours prints no type there.
  const noKey = !lines.some((l) => l.startsWith('[additional info] Reading key'));
  return lines
    .filter((l) => !(noKey && l === '[additional info] Reading type 0 (string)'))
    .filter((l) => !/^\[offset 9\] RDB format version/.test(l) && !/Terminating server after rdb file reading failure/.test(l))
    .map((l) => l.replace(/^(\[additional info\] Reading type \d+) \(.*\)$/, '$1'));
}

function compare(a: Run, b: Run): void {
  const la = normalize(a.out);
  const lb = normalize(b.out);
  expect(la.length).toBe(lb.length);
  const err = lb.indexOf('--- RDB ERROR DETECTED ---');
  for (let i = 0; i < lb.length; i++) {
    if (err >= 0 && i === err + 1) {
      // The offset of the problem must match; the reason is ours.
      expect(la[i].replace(/\].*/, ']')).toBe(lb[i].replace(/\].*/, ']'));
    } else expect(la[i]).toBe(lb[i]);
  }
  expect(a.code).toBe(b.code);
}

describe('fixtures saved by redis-server 7.0: the same report as redis-check-rdb', () => {
  for (const f of ['types-7.0', 'types-7.0-plain', 'list-compressed-7.0', 'list-plain-node-7.0', 'lru-7.0', 'lfu-7.0']) {
    it(f, async () => {
      const file = join(FIX, `${f}.rdb`);
      const [a, b] = await Promise.all([ours([file]), theirs(file)]);
      compare(a, b);
      expect(a.code).toBe(0);
      expect(a.out).toContain('\\o/ RDB looks OK! \\o/');
      expect(a.out).toMatch(/^\[offset 9\] RDB format version 10$/m);
    });
  }
});

describe('older RDB versions and encodings (built byte by byte): the same report as redis-check-rdb', () => {
  const FAR = 2000000000;
  const files: Array<[string, Buffer]> = [
    ['RDB 3 (no checksum), plain encodings, EXPIRETIME in seconds', rdbFile(3, [
      selectDb(0),
      key(1, 'plain:list', Buffer.concat([len(3), str('a'), intStr(5), lzfStr('z'.repeat(100))])),
      key(3, 'plain:zset', Buffer.concat([len(2), str('a'), asciiDouble(1.5), str('b'), asciiDouble(Infinity)])),
      expireSeconds(FAR),
      key(0, 'exp', str('soon')),
    ])],
    ['RDB 6: zipmap, ziplists, plain set and hash, expiries in ms', rdbFile(6, [
      selectDb(0),
      key(9, 'zipmap', str(zipmap([['f1', 'v1'], ['f2', 'x'.repeat(300)]]))),
      key(10, 'zl:list', str(ziplist(['a', 1, -1, 300, -70000, 5000000000, 'y'.repeat(20000)]))),
      key(12, 'zl:zset', str(ziplist(['m1', '1.5', 'm2', 2]))),
      key(13, 'zl:hash', str(ziplist(['f', 'v', 'g', 7]))),
      key(2, 'plain:set', Buffer.concat([len(2), str('p'), intStr(-40000)])),
      key(4, 'plain:hash', Buffer.concat([len(1), str('k1'), str('v1')])),
      expireMs(FAR * 1000 + 123),
      key(0, 'expms', intStr(1000000)),
      selectDb(3),
      key(0, 'db3', str('x')),
    ])],
  ];
  for (const [name, content] of files) {
    it(name, async () => {
      const f = join(work, `old-${name.slice(0, 5).replace(/\W/g, '')}.rdb`);
      writeFileSync(f, content);
      const [a, b] = await Promise.all([ours([f]), theirs(f)]);
      compare(a, b);
      expect(a.code).toBe(0);
      // The same file cut short: the same offset and key.
      writeFileSync(f, content.subarray(0, content.length - 30));
      const [c, d] = await Promise.all([ours([f]), theirs(f)]);
      compare(c, d);
      expect(c.code).toBe(1);
    });
  }
});

describe('damaged files: same verdict, offset, key and exit status as redis-check-rdb', () => {
  const bytes = readFileSync(TYPES);

  it('cut at every 41st offset (in-process, the same code bin/run.js runs)', { timeout: 300_000 }, async () => {
    const dir = join(work, 'cuts');
    mkdirSync(dir);
    for (let n = 1; n < bytes.length; n += 41) {
      const f = join(dir, `cut${n}.rdb`);
      writeFileSync(f, bytes.subarray(0, n));
      const [a, b] = await Promise.all([inProcess([f]), theirs(f)]);
      // redis-check-rdb words some cuts as "Failed loading library" or "Stream listpacks loading failed".
      compare(a, b);
      expect(a.code).toBe(1);
      expect(a.out).toContain('the file is truncated');
      rmSync(f);
    }
  });

  it('cut (bin/run.js): the reason says the file is truncated', async () => {
    const f = join(work, 'cut.rdb');
    writeFileSync(f, bytes.subarray(0, 10000));
    const [a, b] = await Promise.all([ours([f]), theirs(f)]);
    compare(a, b);
    expect(a.out).toContain("[additional info] Reading key 'stream:big'");
    expect(a.out).toMatch(/^\[offset 8958\] Unexpected EOF reading RDB file: the file is truncated/m);
  });

  it('a changed byte inside a string value: RDB CRC error at the end of the checksum', async () => {
    const f = join(work, 'crc.rdb');
    // A short string value (not compressed): the change stays inside its data.
    const b2 = Buffer.from(bytes);
    b2[b2.indexOf('str:small') + 'str:small'.length + 2] ^= 0x01;
    writeFileSync(f, b2);
    const [a, b] = await Promise.all([ours([f]), theirs(f)]);
    compare(a, b);
    expect(a.out).toContain('RDB CRC error');
    expect(b.out).toContain('RDB CRC error');
  });

  it('a set member stored twice: refused like redis-check-rdb does', async () => {
    const f = join(work, 'dup.rdb');
    const b2 = Buffer.from(readFileSync(join(FIX, 'types-7.0-plain.rdb')));
    // set:big is a hashtable set (a 2-byte count, then length-prefixed members "m0".."m599"): make the
    // second member a copy of the first.
    const first = b2.indexOf('set:big') + 'set:big'.length + 3;
    const len = b2[first - 1];
    const next = first + len + 1;
    expect(b2[next - 1]).toBe(len);
    b2.copy(b2, next, first, first + len);
    writeFileSync(f, b2);
    const [a, b] = await Promise.all([ours([f]), theirs(f)]);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(b.out).toContain('Duplicate set members detected');
    expect(a.out).toContain('Duplicate set members detected');
    expect(a.out).toContain("[additional info] Reading key 'set:big'");
    expect(b.out).toContain("[additional info] Reading key 'set:big'");
  });

  it('an empty set: reported, but not an error (redis-server loads the file and skips the key)', async () => {
    const f = join(work, 'empty.rdb');
    writeFileSync(f, Buffer.from('REDIS0010\xfe\x00\x02\x01k\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00', 'latin1'));
    const a = await ours([f]);
    expect(a.code).toBe(0);
    expect(a.out).toContain("[offset 11] Empty set 'k' in DB 0: Redis skips empty keys when loading");
  });

  it('an unknown type byte', async () => {
    const f = join(work, 'type.rdb');
    const b2 = Buffer.from(bytes);
    // The first key of database 0 follows SELECTDB 0 and RESIZEDB.
    const select = b2.indexOf(Buffer.from([0xfe, 0x00, 0xfb]));
    let p = select + 3;
    for (let k = 0; k < 2; k++) p += b2[p] < 0x40 ? 1 : b2[p] < 0x80 ? 2 : 5;
    b2[p] = 100;
    writeFileSync(f, b2);
    const [a, b] = await Promise.all([ours([f]), theirs(f)]);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(b.out).toContain('Invalid object type: 100');
    expect(a.out).toContain('Invalid object type: 100');
    // redis-check-rdb reports the offset after the type byte; ours points at the byte itself.
    const off = (s: string) => Number(/\[offset (\d+)\] Invalid object type/.exec(s)![1]);
    expect(off(a.out)).toBe(off(b.out) - 1);
  });

  it('RDB 12 (Redis 7.4) and a wrong signature are refused with a clearer message', async () => {
    const v12 = join(work, 'v12.rdb');
    const b2 = Buffer.from(bytes);
    b2.write('0012', 5, 'latin1');
    writeFileSync(v12, b2);
    const [a, b] = await Promise.all([ours([v12]), theirs(v12)]);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(b.out).toContain("Can't handle RDB format version 12");
    expect(a.out).toContain("Can't handle RDB format version 12: this server reads RDB versions 1 to 11 (version 12 is written by Redis 7.4)");
    const sig = join(work, 'sig.rdb');
    writeFileSync(sig, Buffer.concat([Buffer.from('XEDIS'), bytes.subarray(5)]));
    const [c, d] = await Promise.all([ours([sig]), theirs(sig)]);
    expect([c.code, d.code]).toEqual([1, 1]);
    expect(c.out).toContain('Wrong signature trying to load DB from file: this is not an RDB file');
  });

  it('a file that does not exist, a directory, bad options', async () => {
    const a = await ours([join(work, 'nope.rdb')]);
    expect(a.code).toBe(1);
    expect(a.err).toContain('No such file or directory');
    expect((await ours([work])).code).toBe(1);
    expect((await ours(['--format', 'xml', TYPES])).code).toBe(1);
    expect((await ours([])).code).toBe(1);
    const h = await ours(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--memory');
  });
});

interface FixtureKey {
  type: string;
  encoding: string;
  pexpiretime: number;
  value: unknown;
}
const expected = JSON.parse(readFileSync(join(FIX, 'types-7.0.json'), 'utf8')) as { keys: Record<string, Record<string, FixtureKey>> };

interface Row {
  db: number;
  type: string;
  key: string;
  ttl: number;
  expires_at: number | null;
  encoding: string;
  size: number;
  elements: number;
  value: unknown;
}

/** Bytes (a latin1 string from the fixture JSON) as our export writes them: UTF-8 text when valid. */
function asText(s: string): string {
  const b = Buffer.from(s, 'latin1');
  const u = b.toString('utf8');
  return Buffer.byteLength(u) === b.length && !u.includes('\ufffd') ? u : s;
}

describe('exports', () => {
  let rows: Row[];
  beforeAll(async () => {
    const r = await ours(['--format', 'json', TYPES]);
    expect(r.code).toBe(0);
    rows = JSON.parse(Buffer.from(r.out, 'latin1').toString('utf8')) as Row[];
  });

  it('JSON: every key with the type, value and expiry redis-server reported when the file was saved', () => {
    const count = Object.values(expected.keys).reduce((n, ks) => n + Object.keys(ks).length, 0);
    expect(rows.length).toBe(count);
    for (const row of rows) {
      const key = Object.keys(expected.keys[row.db]).find((k) => asText(k) === row.key)!;
      const want = expected.keys[row.db][key];
      expect(row.type, row.key).toBe(want.type);
      expect(row.expires_at ?? -1, row.key).toBe(want.pexpiretime);
      // The fixture's TTLs were a day or so from when it was saved: some have passed since (0 then).
      if (want.pexpiretime === -1) expect(row.ttl).toBe(-1);
      else if (want.pexpiretime > Date.now() + 60_000) expect(row.ttl).toBeGreaterThan(0);
      else if (want.pexpiretime < Date.now()) expect(row.ttl).toBe(0);
      const v = want.value as unknown;
      switch (row.type) {
        case 'string': expect(row.value).toBe(asText(v as string)); break;
        case 'list': expect(row.value).toEqual((v as string[]).map(asText)); break;
        case 'set': expect((row.value as string[]).slice().sort()).toEqual((v as string[]).map(asText).sort()); break;
        case 'zset': {
          const flat = v as string[];
          const got = (row.value as Array<[string, number | string]>).map(([m, s]) => [m, typeof s === 'number' ? s : s === 'inf' ? Infinity : -Infinity]);
          const want2 = [];
          for (let i = 0; i < flat.length; i += 2) want2.push([asText(flat[i]), Number(flat[i + 1].replace(/^(-?)inf$/, '$1Infinity'))]);
          expect(got.sort()).toEqual(want2.sort());
          break;
        }
        case 'hash': expect(Object.entries(row.value as object).sort()).toEqual((v as Array<[string, string]>).map(([f, x]) => [asText(f), asText(x)]).sort()); break;
        case 'stream': {
          const entries = (row.value as { entries: Array<{ id: string; fields: Record<string, string> }> }).entries;
          const xr = v as Array<[string, string[]]>;
          expect(entries.map((e) => e.id)).toEqual(xr.map((e) => e[0]));
          expect(entries.map((e) => Object.entries(e.fields).flat())).toEqual(xr.map((e) => e[1]));
          break;
        }
      }
    }
  });

  it('encodings and sizes match a redis-server that loads the file (OBJECT ENCODING, MEMORY USAGE)', async () => {
    const dir = mkdtempSync(join(work, 'load-'));
    copyFileSync(TYPES, join(dir, 'dump.rdb'));
    let server: RunningServer | null = null;
    let conn: RespConnection | null = null;
    try {
      server = await startRedis(['--dir', dir, '--dbfilename', 'dump.rdb']);
      conn = await RespConnection.open(server.port);
      let checked = 0;
      let skipped = 0;
      for (const row of rows) {
        const name = Object.keys(expected.keys[row.db]).find((k) => asText(k) === row.key)!;
        // A key whose TTL has passed since the fixture was saved is not loaded: nothing to compare.
        const expiry = expected.keys[row.db][name].pexpiretime;
        if (expiry !== -1 && expiry < Date.now() + 60_000) {
          skipped++;
          continue;
        }
        const key = Buffer.from(name, 'latin1');
        await conn.command(['select', String(row.db)]);
        const enc = (await conn.command(['object', 'encoding', key])).data!.toString();
        const usage = Number((await conn.command(['memory', 'usage', key, 'samples', '0'])).data!.toString());
        expect(row.encoding, row.key).toBe(enc);
        // Strings, hashes, sets and lists are counted exactly; stream radix trees are estimated. A
        // skiplist node's level is random (each level 16 bytes, then rounded to an allocator size
        // class), so a zset with one or two members can sit several levels off the expected
        // height: allow 5% or ten levels' worth, whichever is larger.
        const margin = row.type === 'stream' ? 0.3 * usage : row.type === 'zset' ? Math.max(0.05 * usage, 160) : 0.01 * usage;
        expect(Math.abs(row.size - usage), `${row.key}: ${row.size} vs ${usage}`).toBeLessThanOrEqual(margin);
        checked++;
      }
      expect(checked + skipped).toBe(rows.length);
      expect(checked).toBeGreaterThan(rows.length / 2);
    } finally {
      conn?.close();
      await server?.stop();
    }
  });

  it('CSV: a header and one parsable line per key, values as in JSON', async () => {
    const r = await ours(['--format', 'csv', TYPES]);
    expect(r.code).toBe(0);
    const lines = parseCsv(r.out);
    expect(lines[0]).toEqual(['db', 'type', 'key', 'ttl', 'encoding', 'size', 'value']);
    expect(lines.length - 1).toBe(rows.length);
    const byKey = new Map(rows.map((x) => [`${x.db}/${x.key}`, x]));
    for (const l of lines.slice(1)) {
      const key = Buffer.from(l[2], 'latin1').toString('utf8');
      const row = byKey.get(`${l[0]}/${asText(l[2])}`) ?? byKey.get(`${l[0]}/${key}`);
      expect(row, l[2]).toBeDefined();
      expect(l[1]).toBe(row!.type);
      expect(l[4]).toBe(row!.encoding);
      expect(Number(l[5])).toBe(row!.size);
      if (row!.type === 'string') expect(asText(l[6])).toBe(row!.value);
      else expect(JSON.parse(Buffer.from(l[6], 'latin1').toString('utf8'))).toEqual(row!.value);
    }
  });

  it('--memory: the rdb-tools columns', async () => {
    const r = await ours(['--memory', TYPES]);
    expect(r.code).toBe(0);
    const lines = parseCsv(r.out);
    expect(lines[0].join(',')).toBe('database,type,key,size_in_bytes,encoding,num_elements,len_largest_element,expiry');
    expect(lines.length - 1).toBe(rows.length);
    const hash = lines.find((l) => l[2] === 'hash:small')!;
    const row = rows.find((x) => x.key === 'hash:small')!;
    expect(hash).toEqual(['0', 'hash', 'hash:small', String(row.size), 'listpack', String(Object.keys(row.value as object).length), expect.any(String), new Date(row.expires_at!).toISOString()]);
    const big = lines.find((l) => l[2] === 'str:big')!;
    expect(big.slice(5, 8)).toEqual(['3000', '3000', '']);
  });

  it('filters: --db, --type, --key', async () => {
    const only = async (...args: string[]) => JSON.parse((await ours(['--format', 'json', ...args, TYPES])).out) as Row[];
    expect((await only('--db', '1')).map((x) => x.key).sort()).toEqual(Object.keys(expected.keys[1]).sort());
    expect((await only('--type', 'hash')).map((x) => x.key).sort()).toEqual(rows.filter((x) => x.type === 'hash').map((x) => x.key).sort());
    expect((await only('--key', 'str:int*', '--db', '0')).map((x) => x.key).sort()).toEqual(['str:int16', 'str:int32', 'str:int64', 'str:int8']);
    expect(await only('--db', '7')).toEqual([]);
  });

  it('--top N: the biggest keys of each type, largest first, as plain columns when not on a terminal', async () => {
    const r = await ours(['--top', '2', TYPES]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['type', 'rank', 'db', 'key', 'size', 'bytes', 'encoding', 'elements']);
    for (const type of ['string', 'list', 'set', 'zset', 'hash', 'stream']) {
      const want = rows.filter((x) => x.type === type).sort((a, b) => b.size - a.size).slice(0, 2);
      const got = lines.slice(1).map((l) => l.split(/\s+/)).filter((c) => c[0] === type);
      expect(got.map((c) => c[3])).toEqual(want.map((x) => x.key));
      expect(got.map((c) => Number(c[5]))).toEqual(want.map((x) => x.size));
    }
  });

  it('a damaged file: the export stops, the error report goes to stderr, exit status 1', async () => {
    const f = join(work, 'cut-export.rdb');
    writeFileSync(f, readFileSync(TYPES).subarray(0, 10000));
    const r = await ours(['--format', 'json', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--- RDB ERROR DETECTED ---');
    expect(r.err).toContain('[offset 8958]');
  });
});

describe('a large file', () => {
  it('200k keys: checked like redis-check-rdb, exported in bounded memory (peak RSS reported)', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(work, 'big-'));
    let server: RunningServer | null = null;
    let conn: RespConnection | null = null;
    try {
      server = await startRedis(['--dir', dir, '--enable-debug-command', 'yes']);
      conn = await RespConnection.open(server.port);
      await conn.command(['debug', 'populate', '200000', 'key', '100'], 60_000);
      await conn.command(['rpush', 'biglist', ...Array.from({ length: 5000 }, (_, i) => `element-${i}`)]);
      await conn.command(['save'], 60_000);
    } finally {
      conn?.close();
      await server?.stop();
    }
    const file = join(dir, 'dump.rdb');
    const [a, b] = await Promise.all([ours([file]), theirs(file)]);
    compare(a, b);
    expect(a.out).toContain('[info] 200001 keys read');
    const rss = async (args: string[]) => {
      const r = await execa('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'rdb-check', ...args, file], { reject: false, encoding: 'latin1', timeout: 200_000, stdout: 'ignore' });
      expect(r.exitCode).toBe(0);
      return Number(r.stderr.trim().split('\n').pop()) / 1024;
    };
    const check = await rss([]);
    const json = await rss(['--format', 'json']);
    const memory = await rss(['--memory']);
    const size = readFileSync(file).length / (1 << 20);
    console.log(`rdb-check on ${size.toFixed(1)} MB / 200001 keys: peak RSS check ${check.toFixed(0)} MB, --format json ${json.toFixed(0)} MB, --memory ${memory.toFixed(0)} MB`);
    for (const mb of [check, json, memory]) expect(mb).toBeLessThan(200);
    // A reader that stops early (| head) ends the export at once, as SIGPIPE ends a C tool (status 141).
    const piped = await execa('bash', ['-c', `"${process.execPath}" "${BIN}" rdb-check --format json "${file}" | head -c 200 >/dev/null; echo "\${PIPESTATUS[0]}"`], { reject: false, timeout: 60_000 });
    expect(piped.stdout.trim()).toBe('141');
  });
});

/** A small RFC 4180 parser for the tests (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
