// Redis's sdscatrepr quoting of a byte string (latin1), as redis-cli prints replies and MONITOR shows
// arguments: printable ASCII as is, `\n \r \t \a \b \\ \"` escaped, every other byte as \xHH.

/** Quotes bytes like redis-cli: printable ASCII as is, `\n \r \t \a \b \\ \"` escaped, the rest as \xHH. */
export function quoteBytes(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    switch (c) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        if (c >= 0x20 && c <= 0x7e) out += bytes[i];
        else out += '\\x' + c.toString(16).padStart(2, '0');
    }
  }
  return out + '"';
}
