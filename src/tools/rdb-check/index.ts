// `cinnabar rdb-check`: the redis-check-rdb counterpart. Without options it validates the file and prints
// what redis-check-rdb 7.0 prints (plus the RDB version), with a clearer reason for the first problem;
// exit status 0 when the file is sound, 1 otherwise. Options export the keys (JSON, CSV), the rdb-tools
// memory report or a top-N table per type, filtered by database, type and key pattern. The file is
// streamed through the reader: memory stays bounded by the largest key, whatever the file size.
import { statSync } from 'node:fs';
import { stringMatch } from '../../util/glob.js';
import type { RdbKeyRecord } from '../../persistence/rdb/reader.js';
import { checkRdb, summaryLines } from './check.js';
import { CSV_HEADER, MEMORY_HEADER, TOP_COLUMNS, TopKeys, csvRow, exportRow, keyStats, memoryRow, plainTable, topRows } from './export.js';
import { OutputSink, startProgress, type ToolIo } from './io.js';

export const RDB_CHECK_USAGE = `Usage: cinnabar rdb-check [options] <rdb-file>

Checks an RDB file (structure, every value's encoding, the CRC-64 checksum) and prints what it read,
like redis-check-rdb. Exit status: 0 when the file is sound, 1 when it is not (or cannot be read).

Options:
  --format json|csv   Export the keys instead: db, type, key, ttl (ms, -1 = none), encoding, size, value
                      (json: one array of objects; csv: a header line, then one line per key)
  --memory            Memory report in rdb-tools' CSV form:
                      database,type,key,size_in_bytes,encoding,num_elements,len_largest_element,expiry
  --top N             The N biggest keys of each type (a table on a terminal, plain columns otherwise)
  --db N              Only keys of database N (exports and reports)
  --type T            Only keys of type T (string, list, set, zset, hash, stream)
  --key PATTERN       Only keys matching the glob-style pattern (as KEYS matches)
  --no-progress       No progress indicator (it is shown only when stderr is a terminal)
  -v, --version       Print the version
  -h, --help          This help

Sizes are estimates of what MEMORY USAGE reports for the key once loaded by Redis.
When exporting, the file is still fully checked: a damaged file ends the export with its error report on
stderr and exit status 1.

Examples:
  cinnabar rdb-check dump.rdb
  cinnabar rdb-check --format json --db 0 --key 'user:*' dump.rdb > users.json
  cinnabar rdb-check --memory dump.rdb > memory.csv
  cinnabar rdb-check --top 10 --type hash dump.rdb
`;

const TYPES = new Set(['string', 'list', 'set', 'zset', 'hash', 'stream']);

interface Options {
  file: string;
  format: 'json' | 'csv' | null;
  memory: boolean;
  top: number;
  db: number;
  type: string | null;
  key: string | null;
  progress: boolean;
}

class UsageError extends Error {}
class OutputClosed extends Error {}

function parse(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { file: '', format: null, memory: false, top: 0, db: -1, type: null, key: null, progress: true };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      if (i + 1 >= argv.length) throw new UsageError(`Option ${a} needs a value`);
      return argv[++i];
    };
    const int = (name: string, min: number): number => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`Invalid ${name}: ${v}`);
      return Number(v);
    };
    switch (a) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '--format': {
        const f = value().toLowerCase();
        if (f !== 'json' && f !== 'csv') throw new UsageError(`Invalid format: ${f} (json or csv)`);
        o.format = f;
        break;
      }
      case '--memory': o.memory = true; break;
      case '--top': o.top = int('--top count', 1); break;
      case '--db': o.db = int('database number', 0); break;
      case '--type': {
        const t = value().toLowerCase();
        if (!TYPES.has(t)) throw new UsageError(`Invalid type: ${t} (string, list, set, zset, hash or stream)`);
        o.type = t;
        break;
      }
      case '--key': o.key = value(); break;
      case '--no-progress': o.progress = false; break;
      default:
        if (a.startsWith('-') && a.length > 1) throw new UsageError(`Unknown option: ${a}`);
        files.push(a);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'No RDB file given' : 'Only one RDB file can be checked at a time');
  if ([o.format !== null, o.memory, o.top > 0].filter(Boolean).length > 1) throw new UsageError('--format, --memory and --top cannot be combined');
  o.file = files[0];
  return o;
}

export async function runRdbCheck(argv: string[], io: ToolIo): Promise<number> {
  let o: Options | 'help' | 'version';
  try {
    o = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n\n${RDB_CHECK_USAGE}`);
    return 1;
  }
  if (o === 'help') {
    io.stdout.write(RDB_CHECK_USAGE);
    return 0;
  }
  if (o === 'version') {
    io.stdout.write(`cinnabar rdb-check ${io.version}\n`);
    return 0;
  }
  let size: number;
  try {
    const st = statSync(o.file);
    if (st.isDirectory()) throw Object.assign(new Error('Is a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    const msg = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message;
    io.stdout.write(`[offset 0] Checking RDB file ${o.file}\n`);
    io.stderr.write(`Cannot open RDB file ${o.file}: ${msg}\n`);
    return 1;
  }
  const exporting = o.format !== null || o.memory || o.top > 0;
  const out = new OutputSink(io.stdout);
  const progress = o.progress ? startProgress(io, `Checking ${o.file}`, size) : null;
  if (progress) out.beforeWrite = () => progress.clear();
  // The check report goes to stdout when it is the output, to stderr (only on failure) when exporting.
  const reportLines: string[] = [];
  const report = exporting ? (line: string) => reportLines.push(line) : (line: string) => out.line(line);
  const opts = o;
  const match = (rec: RdbKeyRecord): boolean =>
    (opts.db < 0 || rec.db === opts.db) && (opts.type === null || rec.value.type === opts.type) && (opts.key === null || stringMatch(opts.key, rec.key));
  const now = Date.now();
  const top = o.top > 0 ? new TopKeys(o.top) : null;
  let first = true;
  if (o.format === 'json') out.raw('[');
  else if (o.format === 'csv') out.line(CSV_HEADER);
  else if (o.memory) out.line(MEMORY_HEADER);
  // Exports keep only the last few report lines (aux fields and databases are few, but bounded anyway).
  const keep = (line: string): void => {
    report(line);
    if (exporting && reportLines.length > 64) reportLines.splice(0, reportLines.length - 64);
  };
  const res = await checkRdb(o.file, size, {
    report: keep,
    key(rec) {
      if (!exporting || !match(rec)) return;
      const stats = keyStats(rec);
      if (opts.format === 'json') {
        out.raw(`${first ? '\n' : ',\n'}${Buffer.from(JSON.stringify(exportRow(rec, stats, now)), 'utf8').toString('latin1')}`);
        first = false;
      } else if (opts.format === 'csv') out.line(csvRow(rec, stats, now));
      else if (opts.memory) out.line(memoryRow(rec, stats));
      else top!.add(rec, stats);
    },
    async progress(read) {
      progress?.update(read);
      await out.drain();
      if (out.closed) throw new OutputClosed();
    },
  }).catch((e: unknown) => {
    if (e instanceof OutputClosed) return null;
    throw e;
  });
  if (res === null) {
    // Whoever read the output stopped (e.g. `| head`): end as a process ended by SIGPIPE would.
    progress?.stop();
    return 141;
  }
  progress?.stop();
  if (o.format === 'json') out.raw(first ? ']\n' : '\n]\n');
  if (top !== null && res.ok) {
    const rows = topRows(top);
    if (io.stdout.isTTY) {
      const { default: Table } = await import('cli-table3');
      const t = new Table({ head: TOP_COLUMNS });
      for (const r of rows) t.push(r);
      out.textLine(t.toString());
    } else for (const l of plainTable(TOP_COLUMNS, rows)) out.textLine(l);
  }
  if (!exporting) {
    if (res.ok) out.line('[offset ' + res.bytes + '] \\o/ RDB looks OK! \\o/');
    for (const l of summaryLines(res)) out.line(l);
  } else if (!res.ok) {
    for (const l of [...reportLines, ...summaryLines(res)]) io.stderr.write(`${l}\n`);
  }
  await out.drain();
  return res.ok ? 0 : 1;
}
