// Checking one RDB image the way redis-check-rdb does: stream it through the reader, report what was
// read as "[offset N] ..." lines (RDB version, AUX fields, databases, checksum) and, at the first problem,
// its offset, reason and what was being read, then the key/expiry counts. Used by `rdb-check` and by
// `aof-check` for RDB-preamble AOFs. Counterpart: redis_check_rdb in Redis's redis-check-rdb.c.
import { createReadStream } from 'node:fs';
import { RdbReader, type RdbEndInfo, type RdbKeyRecord } from '../../persistence/rdb/reader.js';
import { RdbError } from '../../persistence/rdb/errors.js';
import { rdbTypeName } from '../../persistence/rdb/constants.js';
import { valueProblem } from './validate.js';
import { valueSize } from '../../persistence/rdb/value-reader.js';

export interface RdbCheckHooks {
  /** Receives every report line (without newline). */
  report(line: string): void;
  /** Every key read, in file order. */
  key?(rec: RdbKeyRecord): void;
  /** Called after each chunk with the bytes read so far (flush output, update a progress bar). */
  progress?(bytesRead: number): Promise<void> | void;
  /** Reported file name (default: the path). */
  name?: string;
  /** Print the RDB version line (default true). */
  versionLine?: boolean;
}

export interface RdbCheckResult {
  ok: boolean;
  /** Offset just past the checksum (the end of the RDB part). */
  bytes: number;
  keys: number;
  expires: number;
  alreadyExpired: number;
  version: number;
  /** The first problem, when not ok. */
  error: RdbError | null;
}

/** A clearer wording of the reader's reason where Redis's own is terse. */
function explain(reason: string, fileSize: number): string {
  if (reason.startsWith('Unexpected EOF')) {
    return `Unexpected EOF reading RDB file: the file is truncated (it ends at byte ${fileSize}, before the end of this record)`;
  }
  const crc = /^Wrong RDB checksum expected: (\w+) got: (\w+)/.exec(reason);
  if (crc !== null) {
    return `RDB CRC error: the data's CRC-64 is ${crc[1]} but the file stores ${crc[2]} (the file changed after it was written)`;
  }
  if (reason.startsWith('Wrong signature')) return `${reason}: this is not an RDB file (it does not start with "REDIS" and 4 version digits)`;
  const type = /^Unknown object type or opcode (\d+)$/.exec(reason);
  if (type !== null) return `Invalid object type: ${type[1]} (neither a value type nor an opcode of RDB versions 1 to 11)`;
  return reason;
}

export async function checkRdb(path: string, fileSize: number, hooks: RdbCheckHooks): Promise<RdbCheckResult> {
  const out = hooks.report;
  const now = Date.now();
  const res: RdbCheckResult = { ok: false, bytes: 0, keys: 0, expires: 0, alreadyExpired: 0, version: 0, error: null };
  let endInfo: RdbEndInfo | null = null;
  const reader = new RdbReader({
    header(version) {
      res.version = version;
      if (hooks.versionLine !== false) out(`[offset 9] RDB format version ${version}`);
    },
    aux(key, value, _at, end) {
      out(`[offset ${end}] AUX FIELD ${key} = '${value}'`);
    },
    selectDb(db, _at, end) {
      out(`[offset ${end}] Selecting DB ID ${db}`);
    },
    key(rec) {
      const problem = valueProblem(rec.value);
      if (problem !== null) throw new RdbError(problem, rec.offset);
      // redis-check-rdb stops at an empty aggregate (as an unexplained EOF) while redis-server loads the
      // file and skips the key: say so and go on.
      if (rec.value.type !== 'string' && rec.value.type !== 'stream' && valueSize(rec.value) === 0) {
        out(`[offset ${rec.offset}] Empty ${rec.value.type} '${rec.key}' in DB ${rec.db}: Redis skips empty keys when loading`);
      }
      res.keys++;
      if (rec.expireMs !== -1) {
        res.expires++;
        if (rec.expireMs < now) res.alreadyExpired++;
      }
      hooks.key?.(rec);
    },
    end(info) {
      endInfo = info;
    },
  });
  out(`[offset 0] Checking RDB file ${hooks.name ?? path}`);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  try {
    for await (const chunk of stream) {
      read += (chunk as Buffer).length;
      reader.push(chunk as Buffer);
      if (reader.done) break;
      await hooks.progress?.(read);
    }
    reader.end();
  } catch (e) {
    if (!(e instanceof RdbError)) throw e;
    res.error = e;
  } finally {
    stream.destroy();
  }
  const info = endInfo as RdbEndInfo | null;
  if (res.error === null && info !== null) {
    res.bytes = info.bytes;
    if (info.checksum !== null) {
      if (info.checksumChecked) out(`[offset ${info.bytes}] Checksum OK`);
      else if (info.checksum === 0n) out(`[offset ${info.bytes}] RDB file was saved with checksum disabled: no check performed.`);
    }
    res.ok = true;
    return res;
  }
  const err = res.error!;
  const p = reader.progress;
  out('--- RDB ERROR DETECTED ---');
  // A checksum mismatch is reported, as redis-check-rdb does, at the end of the checksum it read.
  const crc = err.reason.startsWith('Wrong RDB checksum');
  const where = crc ? err.offset + 8 : err.offset;
  out(`[offset ${where}] ${explain(err.reason, fileSize)}${crc ? ` (checksum stored at offset ${err.offset})` : ''}`);
  out(`[additional info] While doing: ${p.doing}`);
  if (p.key !== null) {
    out(`[additional info] Reading key '${p.key}'`);
    res.keys++; // redis-check-rdb counts a key once its name is read
  }
  if (p.type !== -1) out(`[additional info] Reading type ${p.type} (${rdbTypeName(p.type)})`);
  return res;
}

export function summaryLines(res: RdbCheckResult): string[] {
  return [`[info] ${res.keys} keys read`, `[info] ${res.expires} expires`, `[info] ${res.alreadyExpired} already expired`];
}
