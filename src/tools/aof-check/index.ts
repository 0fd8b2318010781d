// `cinnabar aof-check`: the redis-check-aof counterpart. Checks an old-style AOF (RESP commands), an
// RDB-preamble AOF (an RDB image, then commands), or a Redis 7 multi-part AOF given by its manifest or its
// directory: the base file, then the incr files in manifest order. The first problem is reported with
// redis-check-aof 7.0's wording, position (0x-prefixed, space-padded hex offset) and line count (which, as
// in redis-check-aof, runs on across the files of a multi-part AOF). --fix truncates the last file to its
// last complete command after a y/N confirmation (--yes answers it), --truncate-to-timestamp cuts the last
// file at the first "#TS:<unix>" annotation later than the given time. Exit status as redis-check-aof:
// 0 when valid or repaired, 1 otherwise. Counterpart: redis-check-aof.c.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { readAofFile, type AofReader } from '../../persistence/aof/reader.js';
import { looksLikeManifest, parseAofManifest, ManifestError } from '../../persistence/aof/manifest.js';
import { checkRdb, summaryLines } from '../rdb-check/check.js';
import type { ToolIo } from '../rdb-check/io.js';

export const AOF_CHECK_USAGE = `Usage: cinnabar aof-check [--fix [--yes] | --truncate-to-timestamp <unix-time>] <file.manifest|dir|file.aof>

Checks an append-only file like redis-check-aof: an old-style AOF, an RDB-preamble AOF (the file starts
with "REDIS"), or a Redis 7 multi-part AOF given by its manifest or by its directory (appendonlydir/).
Reports the file, offset and line of the first problem. Exit status: 0 when the AOF is valid (or was
repaired), 1 otherwise.

Options:
  --fix                          Truncate the last file to its last complete command (asks y/N on stdin)
  --yes                          With --fix: do not ask
  --truncate-to-timestamp <ts>   Truncate the last file before the first "#TS:" annotation later than ts
                                 (AOFs written with aof-timestamp-enabled yes)
  -v, --version                  Print the version
  -h, --help                     This help

Only the last file of a multi-part AOF can be truncated: a problem in an earlier file needs a decision
(restore it from a backup, or drop the later files from the manifest by hand).

Examples:
  cinnabar aof-check appendonlydir
  cinnabar aof-check appendonlydir/appendonly.aof.manifest
  cinnabar aof-check --fix --yes appendonlydir
  cinnabar aof-check --truncate-to-timestamp 1700000000 appendonlydir
  cinnabar aof-check appendonly.aof
`;

const enum Status {
  Ok,
  Empty,
  Truncated,
  TimestampTruncated,
}

/** Ends the run with an exit status (redis-check-aof calls exit() in the middle of checks too). */
class Exit {
  constructor(readonly code: number) {}
}

interface Options {
  path: string;
  fix: boolean;
  yes: boolean;
  toTimestamp: number;
}

/** C's "%16llx": hex, right-aligned with spaces in 16 columns. */
function hexPos(n: number): string {
  return n.toString(16).padStart(16, ' ');
}

/** strtol(s, &end, 10) for the whole string: the value, or null when characters are left over. */
function strtolWhole(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)?(.*)$/s.exec(s)!;
  if (m[2] !== '') return null;
  return m[1] === undefined ? 0 : Number(m[1]);
}

class AofCheck {
  private line = 1;

  constructor(private readonly io: ToolIo, private readonly o: Options) {}

  private out(s: string): void {
    this.io.stdout.write(Buffer.from(`${s}\n`, 'latin1'));
  }

  private async confirm(): Promise<boolean> {
    this.io.stdout.write('Continue? [y/N]: ');
    if (this.o.yes) {
      this.io.stdout.write('y\n');
      return true;
    }
    const stdin = this.io.stdin;
    const answer = await new Promise<string | null>((resolve) => {
      const onData = (d: Buffer | string): void => {
        cleanup();
        resolve(String(d));
      };
      const onEnd = (): void => {
        cleanup();
        resolve(null);
      };
      const cleanup = (): void => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        stdin.pause();
      };
      stdin.on('data', onData);
      stdin.on('end', onEnd);
      stdin.resume();
    });
    return answer !== null && /^y/i.test(answer);
  }

  private static isRdb(path: string, size: number): boolean {
    return size >= 8 && readHead(path, 5) === 'REDIS';
  }

  /** Checks one file: an old-style AOF, or one file of a multi-part AOF. */
  private async checkSingle(name: string, path: string, lastFile: boolean, preamble: boolean): Promise<Status> {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (e) {
      this.out(`Cannot open file ${path}: ${errnoText(e)}, aborting...`);
      throw new Exit(1);
    }
    if (size === 0) return Status.Empty;
    let start = 0;
    if (preamble) {
      const res = await checkRdb(path, size, { name, report: (l) => this.out(l) });
      if (!res.ok) {
        for (const l of summaryLines(res)) this.out(l);
        this.out('RDB preamble of AOF file is not sane, aborting.');
        throw new Exit(1);
      }
      this.out(`[offset ${res.bytes}] \\o/ RDB looks OK! \\o/`);
      for (const l of summaryLines(res)) this.out(l);
      this.out('RDB preamble is OK, proceeding with AOF tail...');
      start = res.bytes;
    }
    const to = this.o.toTimestamp;
    let cutAt = -1;
    const reader: AofReader = await readAofFile(path, {
      annotation: (text, offset) => {
        if (to === 0 || text.latin1Slice(0, 4) !== '#TS:') return false;
        const m = /^[ \t\n\v\f\r]*([+-]?\d+)?/.exec(text.latin1Slice(4, text.length))!;
        const rest = text.latin1Slice(4 + m[0].length, text.length);
        if (m[1] === undefined || rest[0] !== '\r') {
          this.out('Invalid timestamp annotation');
          throw new Exit(1);
        }
        if (Number(m[1]) <= to) return false;
        if (offset === 0) {
          this.out(`AOF ${path} has nothing before timestamp ${to}, aborting...`);
          throw new Exit(1);
        }
        if (!lastFile) {
          this.out(`Failed to truncate AOF ${path} to timestamp ${to} to offset ${offset} because it is not the last file.`);
          this.out('If you insist, please delete all files after this file according to the manifest file and delete the corresponding records in manifest file manually. Then re-run redis-check-aof.');
          throw new Exit(1);
        }
        cutAt = offset;
        return true;
      },
    }, { retainArgs: false, startOffset: start });
    this.line += reader.lines;
    if (cutAt >= 0) {
      truncateSync(path, cutAt);
      return Status.TimestampTruncated;
    }
    const problem = reader.problem;
    if (problem !== null) {
      if (problem.kind === 'format') this.out(`AOF ${name} format error`);
      else {
        const reason = problem.kind === 'multi' || problem.kind === 'exec' ? `${problem.reason} in AOF ${path}` : problem.reason;
        this.out(`0x${hexPos(problem.offset)}: ${reason}`);
      }
    }
    const pos = reader.okOffset;
    const diff = size - pos;
    if (diff === 0 && to !== 0) {
      this.out(`Truncate nothing in AOF ${name} to timestamp ${to}`);
      return Status.Ok;
    }
    this.out(`AOF analyzed: filename=${name}, size=${size}, ok_up_to=${pos}, ok_up_to_line=${this.line}, diff=${diff}`);
    if (diff <= 0) return Status.Ok;
    if (!this.o.fix) {
      this.out(`AOF ${name} is not valid. Use the --fix option to try fixing it.`);
      throw new Exit(1);
    }
    if (!lastFile) {
      this.out(`Failed to truncate AOF ${name} because it is not the last file`);
      throw new Exit(1);
    }
    this.out(`This will shrink the AOF ${name} from ${size} bytes, with ${diff} bytes, to ${pos} bytes`);
    if (!(await this.confirm())) {
      this.out('Aborting...');
      throw new Exit(1);
    }
    try {
      truncateSync(path, pos);
    } catch {
      this.out(`Failed to truncate AOF ${name}`);
      throw new Exit(1);
    }
    return Status.Truncated;
  }

  private printStatus(status: Status, name: string, kind: string): void {
    if (status === Status.Ok) this.out(`${kind} ${name} is valid`);
    else if (status === Status.Empty) this.out(`${kind} ${name} is empty`);
    else if (status === Status.TimestampTruncated) this.out(`Successfully truncated AOF ${name} to timestamp ${this.o.toTimestamp}`);
    else this.out(`Successfully truncated AOF ${name}`);
  }

  async oldStyle(path: string, preamble: boolean): Promise<void> {
    this.out('Start checking Old-Style AOF');
    this.printStatus(await this.checkSingle(path, path, true, preamble), path, 'AOF');
  }

  async multiPart(manifestPath: string): Promise<void> {
    this.out('Start checking Multi Part AOF');
    let manifest;
    try {
      manifest = parseAofManifest(readFileSync(manifestPath, 'latin1'));
    } catch (e) {
      if (!(e instanceof ManifestError)) {
        this.out(`Cannot read AOF manifest ${manifestPath}: ${errnoText(e)}`);
        throw new Exit(1);
      }
      this.out('');
      this.out('*** FATAL AOF MANIFEST FILE ERROR ***');
      if (e.lineNumber > 0) {
        this.out(`Reading the manifest file ${manifestPath}, at line ${e.lineNumber}`);
        this.out(`>>> '${e.line}'`);
      }
      this.out(e.reason);
      throw new Exit(1);
    }
    const dir = dirname(manifestPath);
    const total = (manifest.base ? 1 : 0) + manifest.incr.length;
    let n = 0;
    if (manifest.base !== null) {
      const name = manifest.base.file;
      const path = `${dir}/${name}`;
      let size: number;
      try {
        size = statSync(path).size;
      } catch (e) {
        this.out(`Cannot open file ${path}: ${errnoText(e)}`);
        throw new Exit(1);
      }
      const rdb = AofCheck.isRdb(path, size);
      this.out(`Start to check BASE AOF (${rdb ? 'RDB' : 'RESP'} format).`);
      this.printStatus(await this.checkSingle(name, path, ++n === total, rdb), name, 'BASE AOF');
    }
    if (manifest.incr.length > 0) {
      this.out('Start to check INCR files.');
      for (const entry of manifest.incr) {
        const path = `${dir}/${entry.file}`;
        this.printStatus(await this.checkSingle(entry.file, path, ++n === total, false), entry.file, 'INCR AOF');
      }
    }
    this.out('All AOF files and manifest are valid');
  }
}

/** The first n bytes of a file, as latin1. */
function readHead(path: string, n: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.latin1Slice(0, got);
  } finally {
    closeSync(fd);
  }
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EACCES') return 'Permission denied';
  if (code === 'EISDIR') return 'Is a directory';
  return (e as Error).message;
}

function parse(argv: string[], io: ToolIo): Options | number {
  const o: Options = { path: '', fix: false, yes: false, toTimestamp: 0 };
  const files: string[] = [];
  let missingValue = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      io.stdout.write(AOF_CHECK_USAGE);
      return 0;
    } else if (a === '-v' || a === '--version') {
      io.stdout.write(`cinnabar aof-check ${io.version}\n`);
      return 0;
    } else if (a === '--fix') o.fix = true;
    else if (a === '--yes' || a === '-y') o.yes = true;
    else if (a === '--truncate-to-timestamp') {
      if (i + 1 >= argv.length) missingValue = true;
      else {
        const ts = strtolWhole(argv[++i]);
        if (ts === null) {
          io.stdout.write('Invalid timestamp, aborting...\n');
          return 1;
        }
        o.toTimestamp = ts;
      }
    } else if (a.startsWith('-') && a.length > 1) {
      io.stdout.write(`Unknown option: ${a}\n${AOF_CHECK_USAGE}`);
      return 1;
    } else files.push(a);
  }
  if (missingValue || files.length !== 1 || (o.fix && o.toTimestamp !== 0) || (o.yes && !o.fix)) {
    io.stdout.write(AOF_CHECK_USAGE);
    return 1;
  }
  o.path = files[0];
  return o;
}

export async function runAofCheck(argv: string[], io: ToolIo): Promise<number> {
  const o = parse(argv, io);
  if (typeof o === 'number') return o;
  const check = new AofCheck(io, o);
  try {
    let path = o.path;
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      io.stdout.write(`Cannot open file ${path}: ${errnoText(e)}\n`);
      return 1;
    }
    if (st.isDirectory()) {
      const manifests = readdirSync(path).filter((f) => f.endsWith('.manifest'));
      if (manifests.length !== 1) {
        io.stdout.write(manifests.length === 0
          ? `No AOF manifest (*.manifest) in directory ${path}: give the manifest or an AOF file instead\n`
          : `Several AOF manifests in directory ${path} (${manifests.join(', ')}): give the one to check\n`);
        return 1;
      }
      path = `${path.replace(/\/+$/, '')}/${manifests[0]}`;
      await check.multiPart(path);
      return 0;
    }
    // A manifest is a few short lines; an AOF's first line starts with '*', '#' or "REDIS".
    const head = st.size === 0 ? '' : readHead(path, 64 * 1024);
    if (looksLikeManifest(head)) await check.multiPart(path);
    else await check.oldStyle(path, st.size >= 8 && head.startsWith('REDIS'));
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}
