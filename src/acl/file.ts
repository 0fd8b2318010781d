// The aclfile: one "user <name> <rules...>" line per user. Loading checks every line and applies nothing
// if any is wrong (collecting every problem into one message); saving writes a temporary file and renames
// it over the old one. Counterpart: ACLLoadFromFile and ACLSaveToFile (acl.c).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mergeSelectorArgs, ruleErrorMessage } from './rules.js';
import { hasSpaces } from './selector.js';
import type { AclUser } from './user.js';

/** C strerror() wording for the errors a read can meet. */
function strerror(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return e.message;
  }
}

/** Parses and applies a whole file: the new users by name, or the error text (without "ERR "). */
export function loadAclFile(file: string, newUser: (name: string) => AclUser): Map<string, AclUser> | string {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (e) {
    return `Error loading ACLs, opening file '${file}': ${strerror(e as NodeJS.ErrnoException)}`;
  }
  const users = new Map<string, AclUser>();
  let errors = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    const linenum = i + 1;
    if (line === '') continue;
    const argv = line.split(' ');
    if (argv[0] !== 'user' || argv.length < 2) {
      errors += `${file}:${linenum} should start with user keyword followed by the username. `;
      continue;
    }
    if (hasSpaces(argv[1])) {
      errors += `'${file}:${linenum}: username '${argv[1]}' contains invalid characters. `;
      continue;
    }
    if (users.has(argv[1])) {
      errors += `WARNING: Duplicate user '${argv[1]}' found on line ${linenum}. `;
      continue;
    }
    const u = newUser(argv[1]);
    users.set(argv[1], u);
    const merged = mergeSelectorArgs(argv.slice(2));
    if ('unmatched' in merged) {
      errors += `${file}:${linenum}: Unmatched parenthesis in selector definition.`;
      continue;
    }
    let syntaxError = false;
    for (const raw of merged.rules) {
      const op = raw.replace(/^[\t\r\n]+|[\t\r\n]+$/g, '');
      const err = u.apply(op);
      if (err === null) continue;
      if (err.code === 'ENOENT') {
        errors += `${file}:${linenum}: Error in applying operation '${op}': ${ruleErrorMessage(err.code)}. `;
      } else if (!syntaxError) {
        errors += `${file}:${linenum}: ${ruleErrorMessage(err.code)}. `;
        syntaxError = true;
      }
    }
  }
  if (errors !== '') return errors + 'WARNING: ACL errors detected, no change to the previously active ACL rules was performed';
  return users;
}

/** Writes the file atomically; returns null or a log line describing the failure. */
export function saveAclFile(file: string, content: string): string | null {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  let fd = -1;
  try {
    fd = openSync(tmp, 'w', 0o644);
    writeSync(fd, Buffer.from(content, 'latin1'));
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, file);
    return null;
  } catch (e) {
    if (fd !== -1) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    return `Writing ACL file for ACL SAVE: ${(e as Error).message}`;
  }
}
