// `cinnabar aof-check` run as a user runs it (bin/run.js, built), next to the real redis-check-aof 7.0 on
// identical copies of the same files: good fixtures written by redis-server (test/fixtures/aof/), and
// copies damaged here (cut at many offsets, bytes replaced, stray MULTI/EXEC, bad manifests). Output and
// exit status must match; --fix and --truncate-to-timestamp must leave byte-identical files behind.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/servers.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'aof');
const work = mkdtempSync(join(tmpdir(), 'aof-check-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  out: string;
}

async function ours(args: string[], input = ''): Promise<Run> {
  const r = await execa(process.execPath, [BIN, 'aof-check', ...args], { reject: false, input, encoding: 'latin1', cwd: work, timeout: 60_000 });
  // Our RDB report adds the format version line; redis-check-aof has no such line.
  const out = r.stdout.split('\n').filter((l) => !/^\[offset 9\] RDB format version/.test(l)).join('\n');
  return { code: r.exitCode ?? -1, out };
}

/** The tool's entry point from the build, called in-process with captured output (for long loops). */
async function inProcess(args: string[]): Promise<Run> {
  const { runAofCheck } = (await import(join(import.meta.dirname, '..', '..', 'dist', 'src', 'tools', 'aof-check', 'index.js'))) as typeof import('../../src/tools/aof-check/index.js');
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(c: Buffer, _e, cb) { chunks.push(Buffer.from(c)); cb(); } });
  const code = await runAofCheck(args, { stdin: Readable.from([]), stdout: sink, stderr: sink, version: 'test' });
  return { code, out: Buffer.concat(chunks).toString('latin1').replace(/\n$/, '') };
}

async function theirs(args: string[], input = ''): Promise<Run> {
  const r = await execa('redis-check-aof', args, { reject: false, input, encoding: 'latin1', cwd: work, timeout: 60_000 });
  return { code: r.exitCode ?? -1, out: r.stdout };
}

let seq = 0;
/** Two identical copies of a fixture directory (or of files built by `make`), under names relative to `work`. */
function pair(fixture: string | null, make?: (dir: string) => void): [string, string] {
  const names: [string, string] = [`o${++seq}`, `t${seq}`];
  for (const n of names) {
    const dir = join(work, n);
    if (fixture !== null) cpSync(join(FIX, fixture), dir, { recursive: true });
    else cpSync(join(FIX, 'plain-7.0'), dir, { recursive: true });
    make?.(dir);
  }
  return names;
}

/** Runs both tools with the file argument inside each copy; returns both results. */
async function both(p: [string, string], file: string, flags: string[] = [], input = ''): Promise<[Run, Run]> {
  return Promise.all([ours([...flags, `${p[0]}/${file}`], input), theirs([...flags, `${p[1]}/${file}`], input)]);
}

/**
 * Same output (modulo the copy's directory name) and exit status. When a count or length line ends before
 * its CRLF, redis-check-aof prints the line's NUL terminator and then an uninitialised stack byte (whatever
 * an earlier call left there); that last byte is not compared.
 */
function same(p: [string, string], a: Run, b: Run): void {
  const norm = (s: string, d: string) => s.replaceAll(`${d}/`, 'D/').replace(/got: 00[0-9a-f]+$/m, 'got: 00??');
  expect(norm(a.out, p[0])).toBe(norm(b.out, p[1]));
  expect(a.code).toBe(b.code);
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'latin1');
  return out;
}

const MANIFEST = 'appendonly.aof.manifest';
const PLAIN_INCR = 'appendonly.aof.1.incr.aof';
const incrBytes = readFileSync(join(FIX, 'plain-7.0', PLAIN_INCR));

describe('fixtures written by redis-server 7.0 are valid', () => {
  for (const fixture of ['plain-7.0', 'rewritten-plain-7.0', 'preamble-7.0', 'timestamps-7.0']) {
    it(`${fixture}: manifest, as redis-check-aof reports it`, async () => {
      const p = pair(fixture);
      const [a, b] = await both(p, MANIFEST);
      same(p, a, b);
      expect(a.code).toBe(0);
      expect(a.out).toContain('All AOF files and manifest are valid');
    });
  }

  it('the directory itself can be given instead of the manifest', async () => {
    const p = pair('preamble-7.0');
    const [a, b] = await Promise.all([ours([p[0]]), theirs([`${p[1]}/${MANIFEST}`])]);
    same(p, a, b);
  });

  it('old-style AOF, RDB-preamble AOF and an empty file', async () => {
    const p = pair('preamble-7.0', (dir) => {
      const base = readFileSync(join(dir, 'appendonly.aof.2.base.rdb'));
      const incr = readFileSync(join(dir, 'appendonly.aof.2.incr.aof'));
      writeFileSync(join(dir, 'preamble.aof'), Buffer.concat([base, incr]));
      writeFileSync(join(dir, 'plain.aof'), incrBytes);
      writeFileSync(join(dir, 'empty.aof'), '');
    });
    for (const f of ['preamble.aof', 'plain.aof', 'empty.aof']) {
      const [a, b] = await both(p, f);
      same(p, a, b);
      expect(a.code).toBe(0);
    }
  });
});

describe('damaged files: same verdict, position, line and exit status as redis-check-aof', () => {
  it('a single-file AOF cut at every offset (in-process, the same code bin/run.js runs)', { timeout: 120_000 }, async () => {
    const cuts: number[] = [];
    for (let n = 1; n < incrBytes.length; n++) cuts.push(n);
    const p = pair(null, (dir) => {
      for (const n of cuts) writeFileSync(join(dir, `cut${n}.aof`), incrBytes.subarray(0, n));
    });
    for (const n of cuts) {
      const [a, b] = await Promise.all([inProcess([join(work, p[0], `cut${n}.aof`)]), theirs([`${p[1]}/cut${n}.aof`])]);
      same([join(work, p[0]), p[1]], a, b);
    }
  });

  it('a single-file AOF cut at a few offsets (bin/run.js)', async () => {
    const cuts = [1, 3, 40, 57, 300, 900];
    const p = pair(null, (dir) => {
      for (const n of cuts) writeFileSync(join(dir, `cut${n}.aof`), incrBytes.subarray(0, n));
    });
    for (const n of cuts) {
      const [a, b] = await both(p, `cut${n}.aof`);
      same(p, a, b);
    }
  });

  const text = incrBytes.toString('latin1');
  const damages: Array<[string, (s: string) => string]> = [
    ['a length prefix replaced', (s) => s.replace('$5\r\nrpush', 'x5\r\nrpush')],
    ['a count prefix replaced', (s) => s.replace('*3\r\n$3\r\nset\r\n$1\r\nn', '*3\r\n$3\r\nset\r\n!1\r\nn')],
    ['CRLF after a bulk replaced', (s) => s.replace('hello\r\n', 'hello\rX')],
    ['CRLF after a count missing', (s) => s.replace('*2\r\n$6\r\nSELECT', '*2\n$6\r\nSELECT')],
    ['a bulk longer than declared', (s) => s.replace('$5\r\nhello', '$4\r\nhello')],
    ['a negative length', (s) => s.replace('$5\r\nhello', '$-5\r\nhello')],
    ['a count with junk', (s) => s.replace('*3\r\n$3\r\nset\r\n$3\r\nstr', '*3abc\r\n$3\r\nset\r\n$3\r\nstr')],
    ['a garbage line between commands', (s) => s.replace('*5\r\n$5\r\nrpush', 'garbage\r\n*5\r\n$5\r\nrpush')],
    ['a stray EXEC', (s) => s.replace('*5\r\n$5\r\nrpush', '*1\r\n$4\r\nEXEC\r\n*5\r\n$5\r\nrpush')],
    ['a MULTI inside a transaction', (s) => s.replace('*3\r\n$3\r\nset\r\n$3\r\ntx1', '*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nset\r\n$3\r\ntx1')],
    ['a MULTI never closed', (s) => `${s}*1\r\n$5\r\nmulti\r\n*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\nb\r\n`],
    ['an EXEC cut off', (s) => s.slice(0, s.lastIndexOf('$4\r\nEXEC'))],
    ['a high byte in a bad CRLF', (s) => s.replace('hello\r\n', 'hello\xff\xfe')],
    ['a line over 127 bytes', (s) => s.replace('*5\r\n$5\r\nrpush', `*${'0'.repeat(200)}5\r\n$5\r\nrpush`)],
  ];
  for (const [name, damage] of damages) {
    it(name, async () => {
      const bad = Buffer.from(damage(text), 'latin1');
      expect(bad.equals(incrBytes)).toBe(false);
      const p = pair(null, (dir) => writeFileSync(join(dir, PLAIN_INCR), bad));
      const [a, b] = await both(p, PLAIN_INCR);
      same(p, a, b);
      expect(a.code).toBe(1);
      const [ma, mb] = await both(p, MANIFEST);
      same(p, ma, mb);
    });
  }

  it('a damaged RDB preamble', async () => {
    const p = pair('preamble-7.0', (dir) => {
      const f = join(dir, 'appendonly.aof.2.base.rdb');
      const b = readFileSync(f);
      b[200] ^= 0xff;
      writeFileSync(f, b);
    });
    const [a, b] = await both(p, MANIFEST);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(a.out).toContain('RDB preamble of AOF file is not sane, aborting.');
    expect(a.out).toContain('--- RDB ERROR DETECTED ---');
  });

  it('a file named in the manifest is missing', async () => {
    const p = pair('rewritten-plain-7.0', (dir) => rmSync(join(dir, 'appendonly.aof.2.incr.aof')));
    const [a, b] = await both(p, MANIFEST);
    same(p, a, b);
    const p2 = pair('rewritten-plain-7.0', (dir) => rmSync(join(dir, 'appendonly.aof.2.base.aof')));
    const [a2, b2] = await both(p2, MANIFEST);
    same(p2, a2, b2);
  });

  const manifests: Array<[string, string]> = [
    ['duplicate base', 'file a seq 1 type b\nfile a2 seq 2 type b\n'],
    ['non-monotonic incr', 'file a seq 1 type b\nfile b seq 1 type i\nfile c seq 1 type i\n'],
    ['missing fields', 'file a seq 1\n'],
    ['unknown type', 'file a seq 1 type x\n'],
    ['a path', 'file a/b seq 1 type b\n'],
    ['sequence 0', 'file a seq 0 type b\n'],
    ['no newline at the end', 'file a seq 1 type b'],
  ];
  for (const [name, manifest] of manifests) {
    it(`manifest with ${name}`, async () => {
      const p = pair(null, (dir) => writeFileSync(join(dir, MANIFEST), manifest));
      const [a, b] = await both(p, MANIFEST);
      expect(a.code).toBe(b.code);
      // redis-check-aof prints these through its logger (pid, time); compare the messages.
      const messages = (s: string) => s.split('\n').map((l) => l.replace(/^\d+:C .*? # /, '').trim()).filter((l) => l !== '');
      const ma = messages(a.out).map((l) => l.replace(/^Reading the manifest file \S+, at/, 'Reading the manifest file, at'));
      expect(ma).toEqual(messages(b.out));
    });
  }

  it('a history-only manifest is valid', async () => {
    const p = pair(null, (dir) => writeFileSync(join(dir, MANIFEST), '# comment\nfile x seq 1 type h\n'));
    const [a, b] = await both(p, MANIFEST);
    same(p, a, b);
    expect(a.code).toBe(0);
  });
});

describe('--fix', () => {
  it('truncates the last file to the last complete command after "y", like redis-check-aof', async () => {
    const p = pair(null, (dir) => writeFileSync(join(dir, PLAIN_INCR), incrBytes.subarray(0, 700)));
    const [a, b] = await both(p, MANIFEST, ['--fix'], 'y\n');
    same(p, a, b);
    expect(a.out).toContain('Successfully truncated AOF appendonly.aof.1.incr.aof');
    expect(filesOf(join(work, p[0]))).toEqual(filesOf(join(work, p[1])));
    // The repaired AOF is valid for redis-check-aof.
    const again = await theirs([`${p[0]}/${MANIFEST}`]);
    expect(again.code).toBe(0);
  });

  it('leaves the file alone on any other answer or without input', async () => {
    for (const input of ['n\n', '']) {
      const p = pair(null, (dir) => writeFileSync(join(dir, PLAIN_INCR), incrBytes.subarray(0, 700)));
      const [a, b] = await both(p, MANIFEST, ['--fix'], input);
      same(p, a, b);
      expect(a.code).toBe(1);
      expect(readFileSync(join(work, p[0], PLAIN_INCR)).length).toBe(700);
    }
  });

  it('--yes answers for non-interactive use', async () => {
    const p = pair(null, (dir) => writeFileSync(join(dir, 'one.aof'), incrBytes.subarray(0, 333)));
    const a = await ours(['--fix', '--yes', `${p[0]}/one.aof`]);
    const b = await theirs(['--fix', `${p[1]}/one.aof`], 'y\n');
    expect(a.code).toBe(0);
    expect(a.out.replace('Continue? [y/N]: y\n', 'Continue? [y/N]: ')).toBe(b.out.replaceAll(`${p[1]}/`, `${p[0]}/`));
    expect(readFileSync(join(work, p[0], 'one.aof'))).toEqual(readFileSync(join(work, p[1], 'one.aof')));
    expect((await theirs([`${p[0]}/one.aof`])).code).toBe(0);
  });

  it('refuses to cut a file that is not the last one', async () => {
    const p = pair('rewritten-plain-7.0', (dir) => {
      const f = join(dir, 'appendonly.aof.2.base.aof');
      writeFileSync(f, readFileSync(f).subarray(0, 300));
    });
    const [a, b] = await both(p, MANIFEST, ['--fix'], 'y\n');
    same(p, a, b);
    expect(a.code).toBe(1);
  });

  it('a MULTI without EXEC is cut before the MULTI', async () => {
    const p = pair(null, (dir) => writeFileSync(join(dir, 'tx.aof'), Buffer.concat([incrBytes, Buffer.from('*1\r\n$5\r\nMULTI\r\n*2\r\n$4\r\nincr\r\n$1\r\nn\r\n')])));
    const [a, b] = await both(p, 'tx.aof', ['--fix'], 'y\n');
    same(p, a, b);
    expect(readFileSync(join(work, p[0], 'tx.aof'))).toEqual(incrBytes);
  });
});

describe('--truncate-to-timestamp', () => {
  const tsIncr = readFileSync(join(FIX, 'timestamps-7.0', 'appendonly.aof.1.incr.aof'), 'latin1');
  const stamps = [...tsIncr.matchAll(/#TS:(\d+)/g)].map((m) => Number(m[1]));

  it('cuts the last file at the first later annotation, byte for byte as redis-check-aof', async () => {
    expect(stamps.length).toBeGreaterThanOrEqual(2);
    const p = pair('timestamps-7.0');
    const [a, b] = await both(p, MANIFEST, ['--truncate-to-timestamp', String(stamps[0])]);
    same(p, a, b);
    expect(a.code).toBe(0);
    expect(filesOf(join(work, p[0]))).toEqual(filesOf(join(work, p[1])));
    expect(readFileSync(join(work, p[0], 'appendonly.aof.1.incr.aof'), 'latin1')).toBe(tsIncr.slice(0, tsIncr.indexOf(`#TS:${stamps[1]}`)));
  });

  it('nothing to cut, a cut in a file that is not the last, a bad timestamp', async () => {
    for (const ts of [String(stamps[stamps.length - 1] + 10), '1', 'abc']) {
      const p = pair('timestamps-7.0');
      const [a, b] = await both(p, MANIFEST, ['--truncate-to-timestamp', ts]);
      same(p, a, b);
      expect(filesOf(join(work, p[0]))).toEqual(filesOf(join(work, p[1])));
    }
  });

  it('a single file that starts with a later annotation has nothing before it', async () => {
    const p = pair('timestamps-7.0', (dir) => writeFileSync(join(dir, 'one.aof'), readFileSync(join(dir, 'appendonly.aof.1.base.aof'))));
    const [a, b] = await both(p, 'one.aof', ['--truncate-to-timestamp', '1']);
    same(p, a, b);
    expect(a.code).toBe(1);
  });
});

describe('a large file', () => {
  it('200k commands and a 32 MB value: same report as redis-check-aof, bounded memory (peak RSS reported)', { timeout: 300_000 }, async () => {
    const dir = join(work, 'big');
    cpSync(join(FIX, 'plain-7.0'), dir, { recursive: true });
    const f = join(dir, 'big.aof');
    const parts: Buffer[] = [Buffer.from('*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n')];
    for (let i = 0; i < 200_000; i++) {
      const k = `key:${i}`;
      const v = `value-${i}-${'x'.repeat(i % 50)}`;
      parts.push(Buffer.from(i % 1000 === 0
        ? `*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${v.length}\r\n${v}\r\n*1\r\n$4\r\nEXEC\r\n`
        : `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${v.length}\r\n${v}\r\n`));
    }
    const huge = 32 << 20;
    parts.push(Buffer.from(`*3\r\n$3\r\nSET\r\n$4\r\nhuge\r\n$${huge}\r\n`), Buffer.alloc(huge, 0x61), Buffer.from('\r\n'));
    writeFileSync(f, Buffer.concat(parts));
    const cut = join(dir, 'cut.aof');
    const whole = readFileSync(f);
    writeFileSync(cut, whole.subarray(0, whole.length - 1000));
    for (const file of ['big/big.aof', 'big/cut.aof']) {
      const [a, b] = await Promise.all([ours([file]), theirs([file])]);
      expect(a.out).toBe(b.out);
      expect(a.code).toBe(b.code);
    }
    const r = await execa('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'aof-check', '--fix', '--yes', cut], { reject: false, encoding: 'latin1', timeout: 200_000 });
    expect(r.exitCode).toBe(0);
    const rss = Number(r.stderr.trim().split('\n').pop()) / 1024;
    console.log(`aof-check --fix on ${(whole.length / (1 << 20)).toFixed(1)} MB / 200001 commands: peak RSS ${rss.toFixed(0)} MB`);
    expect(rss).toBeLessThan(200);
    expect((await theirs(['big/cut.aof'])).code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('usage', () => {
  it('wrong arguments print the usage and exit 1; --help exits 0', async () => {
    expect((await ours([])).code).toBe(1);
    expect((await ours(['--fix'])).code).toBe(1);
    const h = await ours(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--truncate-to-timestamp');
  });

  it('a file that does not exist', async () => {
    const a = await ours(['nope.aof']);
    expect(a.code).toBe(1);
    expect(a.out).toContain('Cannot open file nope.aof: No such file or directory');
  });
});
