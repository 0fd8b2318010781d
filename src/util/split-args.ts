// Splits a line into arguments with Redis's inline-command rules (sdssplitargs in sds.c): spaces
// separate, "double quotes" take \n \r \t \b \a \\ \" and \xHH escapes, 'single quotes' take \',
// and a closing quote must be followed by a space or the end. Returns null for unbalanced quotes.

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function hexVal(c: number): number {
  if (c <= 57) return c - 48;
  if (c >= 97) return c - 87;
  return c - 55;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 11 || c === 12;
}

export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  const n = line.length;
  let p = 0;
  for (;;) {
    while (p < n && isSpace(line.charCodeAt(p))) p++;
    if (p >= n || line.charCodeAt(p) === 0) return out;
    let inq = false;
    let insq = false;
    let cur = '';
    for (;;) {
      if (inq) {
        // A NUL ends the C string Redis parses: inside quotes that means unterminated quotes.
        if (p >= n || line.charCodeAt(p) === 0) return null;
        const c = line.charCodeAt(p);
        if (c === 92 /* \ */ && p + 3 < n && line.charCodeAt(p + 1) === 120 /* x */ && isHex(line.charCodeAt(p + 2)) && isHex(line.charCodeAt(p + 3))) {
          cur += String.fromCharCode(hexVal(line.charCodeAt(p + 2)) * 16 + hexVal(line.charCodeAt(p + 3)));
          p += 3;
        } else if (c === 92 && p + 1 < n) {
          p++;
          const e = line[p];
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === 34 /* " */) {
          if (p + 1 < n && !isSpace(line.charCodeAt(p + 1))) return null;
          inq = false;
          p++;
          break;
        } else {
          cur += line[p];
        }
      } else if (insq) {
        if (p >= n || line.charCodeAt(p) === 0) return null;
        const c = line.charCodeAt(p);
        if (c === 92 && p + 1 < n && line.charCodeAt(p + 1) === 39 /* ' */) {
          p++;
          cur += "'";
        } else if (c === 39) {
          if (p + 1 < n && !isSpace(line.charCodeAt(p + 1))) return null;
          insq = false;
          p++;
          break;
        } else {
          cur += line[p];
        }
      } else {
        // Take a run of ordinary characters in one slice (the common, unquoted case).
        const runStart = p;
        let c = 0;
        while (p < n) {
          c = line.charCodeAt(p);
          if (c === 0 || c === 32 || c === 10 || c === 13 || c === 9 || c === 34 || c === 39) break;
          p++;
        }
        if (p > runStart) cur = cur === '' ? line.slice(runStart, p) : cur + line.slice(runStart, p);
        if (p >= n) break;
        if (c === 0) {
          // Outside quotes a NUL ends the line as it ends Redis's C string.
          out.push(cur);
          return out;
        }
        if (c === 32 || c === 10 || c === 13 || c === 9) break;
        if (c === 34) inq = true;
        else insq = true;
      }
      p++;
    }
    out.push(cur);
  }
}
