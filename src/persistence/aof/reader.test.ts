// The AOF reader gives the same commands, problem, good offset and line count whatever the chunk sizes
// the input arrives in (the state machine must carry every kind of token across chunk boundaries).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AofReader } from './reader.js';
import { looksLikeManifest, parseAofManifest, ManifestError } from './manifest.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'aof');

function read(input: Buffer, chunk: number, retainArgs = true) {
  const commands: string[][] = [];
  const annotations: string[] = [];
  const r = new AofReader(
    {
      command: (argv, offset, end) => void commands.push([String(offset), String(end), ...argv.map((a) => a.toString('latin1'))]),
      annotation: (line) => void annotations.push(line.toString('latin1')),
    },
    { retainArgs },
  );
  for (let i = 0; i < input.length && !r.done; i += chunk) r.push(input.subarray(i, i + chunk));
  r.end();
  return { commands, annotations, problem: r.problem, ok: r.okOffset, lines: r.lines, depth: r.multiDepth };
}

const incr = readFileSync(join(FIX, 'plain-7.0', 'appendonly.aof.1.incr.aof'));
const stamped = readFileSync(join(FIX, 'timestamps-7.0', 'appendonly.aof.1.incr.aof'));

describe('AofReader', () => {
  it('reads every command of a file written by redis-server, with offsets', () => {
    const r = read(incr, incr.length);
    expect(r.problem).toBeNull();
    expect(r.ok).toBe(incr.length);
    expect(r.commands[0].slice(2)).toEqual(['SELECT', '0']);
    expect(r.commands.some((c) => c[2] === 'set' && c[3] === 'binary' && c[4] === 'a\r\nb\x00c\xff')).toBe(true);
    for (const c of r.commands) expect(incr.latin1Slice(Number(c[0]), Number(c[0]) + 1)).toBe('*');
    const multis = r.commands.filter((c) => /^multi$/i.test(c[2])).length;
    expect(multis).toBeGreaterThan(0);
    expect(r.commands.filter((c) => /^exec$/i.test(c[2])).length).toBe(multis);
  });

  it('annotations are reported and not counted as lines', () => {
    const r = read(stamped, stamped.length);
    expect(r.annotations.length).toBeGreaterThanOrEqual(2);
    for (const a of r.annotations) expect(a).toMatch(/^#TS:\d+\r\n$/);
    const newlines = stamped.toString('latin1').split('\n').length - 1;
    expect(r.lines).toBe(newlines - r.annotations.length);
  });

  const damaged: Buffer[] = [
    incr,
    stamped,
    incr.subarray(0, 500),
    incr.subarray(0, incr.length - 9),
    Buffer.from(incr.toString('latin1').replace('hello\r\n', 'hello\rX'), 'latin1'),
    Buffer.from(incr.toString('latin1').replace('$5\r\nhello', '$-5\r\nhello'), 'latin1'),
    Buffer.concat([incr, Buffer.from('*1\r\n$5\r\nMULTI\r\n*1\r\n$5\r\nMULTI\r\n')]),
    Buffer.concat([incr, Buffer.from('*1\r\n$4\r\nexec\r\n')]),
    Buffer.concat([incr, Buffer.from('*1\r\n$5\r\nmulti\r\n*2\r\n$3\r\ndel\r\n$1\r\nx\r\n')]),
    Buffer.concat([incr, Buffer.from('junk\r\n')]),
    Buffer.concat([incr, Buffer.from(`*1\r\n$${'9'.repeat(150)}\r\n`)]),
  ];
  for (const [i, input] of damaged.entries()) {
    it(`input ${i}: the same result in chunks of 1, 2, 3, 7, 64 bytes and whole`, () => {
      const whole = read(input, input.length);
      for (const size of [1, 2, 3, 7, 64]) expect(read(input, size)).toEqual(whole);
      // Without retained arguments, the same verdict (commands carry only their names).
      const lean = read(input, 5, false);
      expect([lean.problem, lean.ok, lean.lines]).toEqual([whole.problem, whole.ok, whole.lines]);
      expect(lean.commands.map((c) => c[2])).toEqual(whole.commands.map((c) => c[2]));
    });
  }

  it('problems carry redis-check-aof\'s wording and position', () => {
    expect(read(Buffer.concat([incr, Buffer.from('*1\r\n$4\r\nexec\r\n')]), 99).problem).toEqual({ kind: 'exec', reason: 'Unexpected EXEC', offset: incr.length + 8 });
    const eofInMulti = read(Buffer.concat([incr, Buffer.from('*1\r\n$5\r\nmulti\r\n')]), 99);
    expect(eofInMulti.problem?.kind).toBe('eof-in-multi');
    expect(eofInMulti.ok).toBe(incr.length);
    expect(read(Buffer.concat([incr, Buffer.from('junk')]), 99).problem).toEqual({ kind: 'format', reason: 'format error', offset: incr.length });
    expect(read(Buffer.from('*1\r\n$3\r\nabc'), 99).problem).toEqual({ kind: 'resp', reason: 'Expected to read 5 bytes, got 3 bytes', offset: 8 });
  });

  it('a visitor can stop the reader at an annotation', () => {
    const r = new AofReader({ annotation: () => true });
    r.push(stamped);
    r.end();
    expect(r.stopOffset).toBe(stamped.indexOf('#TS:'));
    expect(r.problem).toBeNull();
  });
});

describe('AOF manifest', () => {
  it('parses what redis-server wrote', () => {
    const m = parseAofManifest(readFileSync(join(FIX, 'preamble-7.0', 'appendonly.aof.manifest'), 'latin1'));
    expect(m.base).toEqual({ file: 'appendonly.aof.2.base.rdb', seq: 2, type: 'b' });
    expect(m.incr).toEqual([{ file: 'appendonly.aof.2.incr.aof', seq: 2, type: 'i' }]);
  });

  it('refuses what Redis refuses, with its wording and the line', () => {
    const err = (text: string) => {
      try {
        parseAofManifest(text);
      } catch (e) {
        return [(e as ManifestError).reason, (e as ManifestError).lineNumber];
      }
      return null;
    };
    expect(err('file a seq 1 type b\nfile b seq 2 type b\n')).toEqual(['Found duplicate base file information', 2]);
    expect(err('file a seq 2 type i\nfile b seq 1 type i\n')).toEqual(['Found a non-monotonic sequence number', 2]);
    expect(err('file "a b seq 1 type i\n')).toEqual(['Invalid AOF manifest file format', 1]);
    expect(err('file ../a seq 1 type b\n')).toEqual(["File can't be a path, just a filename", 1]);
    expect(err('')).toEqual(['Found an empty AOF manifest', 0]);
    expect(err('# only\nfile "a b" seq 1 type i\n')).toBeNull();
  });

  it('tells a manifest from an AOF by its first line', () => {
    expect(looksLikeManifest('# c\nfile a seq 1 type b\n')).toBe(true);
    expect(looksLikeManifest('#TS:1\r\n*1\r\n$4\r\nfile\r\n')).toBe(false);
    expect(looksLikeManifest('*2\r\n$3\r\nget\r\n$4\r\nfile\r\n')).toBe(false);
  });
});
