// --eval <file> key1 key2 , arg1 arg2: EVAL with the file's text as the script; a lone "," separates
// the KEYS from the ARGV arguments. Counterpart: evalMode in Redis's redis-cli.c.
import { readFileSync } from 'node:fs';

export class EvalFileError extends Error {}

const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
};

/** The EVAL command line as byte strings; the script is read as bytes. */
export function evalArgv(file: string, args: string[]): string[] {
  let script: string;
  try {
    script = readFileSync(file).toString('latin1');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new EvalFileError(`Can't open file '${file}': ${STRERROR[e.code ?? ''] ?? e.message}\n`);
  }
  const keys: string[] = [];
  const rest: string[] = [];
  let gotComma = false;
  for (const a of args) {
    if (!gotComma && a === ',') {
      gotComma = true;
      continue;
    }
    (gotComma ? rest : keys).push(a);
  }
  return ['EVAL', script, String(keys.length), ...keys, ...rest];
}
