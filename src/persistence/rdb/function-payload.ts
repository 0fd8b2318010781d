// FUNCTION DUMP / FUNCTION RESTORE payloads: each library as the RDB function opcode followed by its
// code as an RDB string, then the 2-byte RDB version and a CRC-64 of everything before it (little
// endian), the footer DUMP payloads have. Counterpart: functionDumpCommand / functionRestoreCommand.
import { Cursor } from './cursor.js';
import { ByteSink } from './pack.js';
import { RDB_OPCODE } from './constants.js';
import { writeString } from './write-primitives.js';
import { finishPayload, verifyDumpPayload } from './dump-payload.js';
import { RdbError } from './errors.js';

export function createFunctionsPayload(codes: readonly string[], compress: boolean): Buffer {
  const out = new ByteSink(256);
  for (const code of codes) {
    out.byte(RDB_OPCODE.FUNCTION2);
    writeString(out, code, compress);
  }
  return finishPayload(out);
}

/** The library codes of a payload, or the error text Redis gives for it. */
export function readFunctionsPayload(p: Buffer): string[] | string {
  if (!verifyDumpPayload(p)) return 'ERR DUMP payload version or checksum are wrong';
  const end = p.length - 10;
  const c = new Cursor(p, 0, end);
  const codes: string[] = [];
  try {
    while (c.pos < end) {
      const t = c.u8();
      if (t === RDB_OPCODE.FUNCTION_PRE_GA) return 'ERR Pre-GA function format not supported';
      if (t !== RDB_OPCODE.FUNCTION2) return 'ERR given type is not a function';
      codes.push(c.stringBytes().latin1Slice());
    }
  } catch (e) {
    if (e instanceof RdbError) return 'ERR payload version or checksum are wrong';
    throw e;
  }
  return codes;
}
