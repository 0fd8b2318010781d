// Small helpers for generating Lua source.

/** A Lua string literal holding exactly these bytes (latin1 string in, decimal escapes for the rest). */
export function escapeLuaString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) out += s[i];
    else out += '\\' + c.toString().padStart(3, '0');
  }
  return out + '"';
}
