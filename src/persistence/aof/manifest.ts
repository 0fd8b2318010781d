// The manifest of a Redis 7 multi-part AOF (`appendonlydir/appendonly.aof.manifest`): one line per file,
//   file appendonly.aof.1.base.rdb seq 1 type b
//   file appendonly.aof.1.incr.aof seq 1 type i
// with types b (base, at most one), h (history, being deleted) and i (incr, increasing seq). Lines that
// start with '#' are comments; keys are case-insensitive and unknown key/value pairs are skipped, as
// Redis's aofLoadManifestFromFile does. Problems are reported with Redis's wording and the line number.
import { splitArgs } from '../../util/split-args.js';

export type AofFileType = 'b' | 'h' | 'i';

export interface AofManifestEntry {
  file: string;
  seq: number;
  type: AofFileType;
}

export interface AofManifest {
  base: AofManifestEntry | null;
  history: AofManifestEntry[];
  incr: AofManifestEntry[];
}

export class ManifestError extends Error {
  /** lineNumber is 1-based (0 for problems with the whole file); line is its text without the newline. */
  constructor(readonly reason: string, readonly lineNumber: number, readonly line: string) {
    super(reason);
    this.name = 'ManifestError';
  }
}

const MAX_LINE = 1024;

/** atoll(): leading spaces, a sign, digits; anything else stops it (0 when there are no digits). */
function atoll(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number(m[1]);
}

/**
 * True when the first line that is not a comment starts with "file". (redis-check-aof accepts a "file"
 * line anywhere, so an AOF holding a value that starts a line with "file" passes for a manifest there.)
 */
export function looksLikeManifest(text: string): boolean {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    return line.startsWith('file');
  }
  return false;
}

export function parseAofManifest(text: string): AofManifest {
  const m: AofManifest = { base: null, history: [], incr: [] };
  if (text.length === 0) throw new ManifestError('Found an empty AOF manifest', 0, '');
  let maxSeq = 0;
  let lineNo = 0;
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const raw = nl < 0 ? text.slice(at) : text.slice(at, nl + 1);
    at = nl < 0 ? text.length : nl + 1;
    lineNo++;
    const shown = raw.replace(/[\r\n]+$/, '');
    if (raw.startsWith('#')) continue;
    if (nl < 0 || raw.length > MAX_LINE) throw new ManifestError('The AOF manifest file contains too long line', 0, shown);
    const line = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    const bad = (reason: string): never => {
      throw new ManifestError(reason, lineNo, shown);
    };
    if (line.length === 0) bad('Invalid AOF manifest file format');
    const argv = splitArgs(line);
    if (argv === null || argv.length < 6 || argv.length % 2 !== 0) bad('Invalid AOF manifest file format');
    let file: string | null = null;
    let seq = 0;
    let type: string | null = null;
    for (let i = 0; i < argv!.length; i += 2) {
      const k = argv![i].toLowerCase();
      const v = argv![i + 1];
      if (k === 'file') {
        file = v;
        if (v.includes('/')) bad("File can't be a path, just a filename");
      } else if (k === 'seq') seq = atoll(v);
      else if (k === 'type') type = v.slice(0, 1);
    }
    if (file === null || seq === 0 || type === null || type === '') bad('Invalid AOF manifest file format');
    const entry = { file: file!, seq, type: type as AofFileType };
    if (type === 'b') {
      if (m.base !== null) bad('Found duplicate base file information');
      m.base = entry;
    } else if (type === 'h') {
      m.history.push(entry);
    } else if (type === 'i') {
      if (seq <= maxSeq) bad('Found a non-monotonic sequence number');
      m.incr.push(entry);
      maxSeq = seq;
    } else bad('Unknown AOF file type');
  }
  return m;
}
