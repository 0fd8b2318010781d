// Splits a typed line into arguments the way redis-cli does: blanks separate, "double quotes" take
// \xHH \n \r \t \b \a and \<char> escapes, 'single quotes' take \' only, and a closing quote must end
// the argument. Counterpart: sdssplitargs in Redis's sds.c.

/** Arguments as byte strings (one char per byte), or null when quotes are unbalanced or misplaced. */
export function splitArgs(line: string): string[] | null {
  // Work on bytes so a typed UTF-8 character and a \xHH escape produce the same bytes.
  const s = Buffer.from(line, 'utf8').toString('latin1');
  const args: string[] = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    while (i < n && isBlank(s.charCodeAt(i))) i++;
    if (i >= n) return args;
    let current = '';
    let inDouble = false;
    let inSingle = false;
    for (;;) {
      const c = s[i];
      if (inDouble) {
        if (c === undefined) return null;
        if (c === '\\' && s[i + 1] === 'x' && isHex(s[i + 2]) && isHex(s[i + 3])) {
          current += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        if (c === '\\' && i + 1 < n) {
          current += unescape(s[i + 1]!);
          i += 2;
          continue;
        }
        if (c === '"') {
          if (i + 1 < n && !isBlank(s.charCodeAt(i + 1))) return null;
          i++;
          break;
        }
        current += c;
        i++;
      } else if (inSingle) {
        if (c === undefined) return null;
        if (c === '\\' && s[i + 1] === "'") {
          current += "'";
          i += 2;
          continue;
        }
        if (c === "'") {
          if (i + 1 < n && !isBlank(s.charCodeAt(i + 1))) return null;
          i++;
          break;
        }
        current += c;
        i++;
      } else {
        if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t') break;
        if (c === '"') inDouble = true;
        else if (c === "'") inSingle = true;
        else current += c;
        i++;
      }
    }
    args.push(current);
  }
}

function unescape(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'b':
      return '\b';
    case 'a':
      return '\x07';
    default:
      return c;
  }
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** C isspace(): space, \t \n \v \f \r. */
function isBlank(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}
