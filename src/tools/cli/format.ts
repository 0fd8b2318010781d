// Renders reply trees the way redis-cli prints them: the human form for terminals (`(integer) 1`,
// `1) "a"`, quoted binary), the raw form for pipes, and CSV. Counterpart: cliFormatReplyTTY,
// cliFormatReplyRaw, cliFormatReplyCSV and sdscatrepr in Redis's redis-cli.c / sds.c.
//
// Output is built as "byte strings": JS strings whose every char code is one byte (latin1), so binary
// values pass through unchanged; write them with Buffer.from(text, 'latin1').
import type { ReplyNode } from '../../protocol/reply-decoder.js';

export type OutputMode = 'standard' | 'raw' | 'csv' | 'json' | 'quoted-json';

/** Text that arrived UTF-8 decoded (status and error lines) as a byte string. */
export function utf8Bytes(text: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

function bytesOf(node: { value: Buffer }): string {
  return node.value.toString('latin1');
}

export { quoteBytes } from '../../util/quote.js';
import { quoteBytes } from '../../util/quote.js';

const EMPTY_AGGREGATE: Record<string, string> = {
  array: '(empty array)\n',
  map: '(empty hash)\n',
  set: '(empty set)\n',
  push: '(empty push)\n',
};

/** The terminal form. `prefix` is the indentation nested elements inherit from their parents. */
export function formatTTY(node: ReplyNode, prefix = ''): string {
  switch (node.type) {
    case 'error':
      return `(error) ${utf8Bytes(node.value)}\n`;
    case 'status':
      return utf8Bytes(node.value) + '\n';
    case 'integer':
      return `(integer) ${node.value}\n`;
    case 'double':
      return `(double) ${node.value}\n`;
    case 'bignum':
      return `(big number) ${node.value}\n`;
    case 'bulk':
      return quoteBytes(bytesOf(node)) + '\n';
    case 'verbatim':
      return bytesOf(node) + '\n';
    case 'null':
      return '(nil)\n';
    case 'boolean':
      return node.value ? '(true)\n' : '(false)\n';
    case 'attribute':
      return formatTTY(node.value, prefix);
    case 'array':
    case 'set':
    case 'push':
    case 'map':
      return formatAggregateTTY(node.type, node.items, prefix);
  }
}

function formatAggregateTTY(type: 'array' | 'set' | 'push' | 'map', items: ReplyNode[], prefix: string): string {
  if (items.length === 0) return EMPTY_AGGREGATE[type]!;
  const isMap = type === 'map';
  const count = isMap ? Math.floor(items.length / 2) : items.length;
  const width = String(count).length;
  // Children line up under the first character after "N) ".
  const childPrefix = prefix + ' '.repeat(width + 2);
  const sep = type === 'set' ? '~' : isMap ? '#' : ')';
  let out = '';
  const step = isMap ? 2 : 1;
  for (let i = 0; i < items.length; i += step) {
    const index = String(i / step + 1).padStart(width, ' ');
    // The first element follows the parent's own "N) " on the same line.
    out += `${i === 0 ? '' : prefix}${index}${sep} `;
    out += formatTTY(items[i]!, childPrefix);
    if (isMap) {
      out = out.slice(0, -1) + ' => ';
      const value = items[i + 1];
      // A non-empty aggregate value starts on its own line, indented like a nested element.
      if (value && isNonEmptyAggregate(value)) out += '\n' + childPrefix;
      out += value ? formatTTY(value, childPrefix) : '(nil)\n';
    }
  }
  return out;
}

function isNonEmptyAggregate(node: ReplyNode): boolean {
  if (node.type === 'attribute') return isNonEmptyAggregate(node.value);
  return (node.type === 'array' || node.type === 'map' || node.type === 'set' || node.type === 'push') && node.items.length > 0;
}

/** The pipe form: bare values, aggregates joined by `delim`, nil as nothing. */
export function formatRaw(node: ReplyNode, delim = '\n'): string {
  switch (node.type) {
    case 'null':
      return '';
    case 'error':
      return utf8Bytes(node.value) + '\n';
    case 'status':
      return utf8Bytes(node.value);
    case 'bulk':
    case 'verbatim':
      return bytesOf(node);
    case 'boolean':
      return node.value ? '(true)' : '(false)';
    case 'integer':
      return String(node.value);
    case 'double':
    case 'bignum':
      return node.value;
    case 'attribute':
      return formatRaw(node.value, delim);
    case 'array':
    case 'set':
    case 'push':
      return node.items.map((n) => formatRaw(n, delim)).join(delim);
    case 'map': {
      const parts: string[] = [];
      for (let i = 0; i < node.items.length; i += 2) {
        const v = node.items[i + 1];
        parts.push(formatRaw(node.items[i]!, delim) + ' ' + (v ? formatRaw(v, delim) : ''));
      }
      return parts.join(delim);
    }
  }
}

/** CSV: strings quoted, aggregates (maps too) flattened into one comma-separated line. */
export function formatCSV(node: ReplyNode): string {
  switch (node.type) {
    case 'error':
      return 'ERROR,' + quoteBytes(utf8Bytes(node.value));
    case 'status':
      return quoteBytes(utf8Bytes(node.value));
    case 'integer':
      return String(node.value);
    case 'double':
    case 'bignum':
      return node.value;
    case 'bulk':
    case 'verbatim':
      return quoteBytes(bytesOf(node));
    case 'null':
      return 'NULL';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'attribute':
      return formatCSV(node.value);
    case 'array':
    case 'set':
    case 'push':
    case 'map':
      return node.items.map(formatCSV).join(',');
  }
}

/** A JSON string of bytes: `"` `\\` and control characters escaped, bytes from 0x80 up passed through. */
export function jsonString(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) out += '\\' + bytes[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c <= 0x1f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += bytes[i];
  }
  return out + '"';
}

/** --quoted-json strings: redis-cli's quoted form with each backslash doubled, so the text stays ASCII. */
function quotedJsonString(bytes: string): string {
  return quoteBytes(bytes).replace(/\\/g, '\\\\');
}

function isStringNode(n: ReplyNode): boolean {
  return n.type === 'bulk' || n.type === 'verbatim' || n.type === 'status' || n.type === 'error';
}

/** JSON (and --quoted-json): arrays and sets as lists, maps as objects whose keys are always strings. */
export function formatJSON(node: ReplyNode, quoted: boolean): string {
  const str = quoted ? quotedJsonString : jsonString;
  switch (node.type) {
    case 'error':
      return 'error:' + quoteBytes(utf8Bytes(node.value));
    case 'status':
      return str(utf8Bytes(node.value));
    case 'bulk':
    case 'verbatim':
      return str(bytesOf(node));
    case 'integer':
      return String(node.value);
    case 'double':
    case 'bignum':
      return node.value;
    case 'null':
      return 'null';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'attribute':
      return formatJSON(node.value, quoted);
    case 'array':
    case 'set':
    case 'push':
      return '[' + node.items.map((n) => formatJSON(n, quoted)).join(',') + ']';
    case 'map': {
      const parts: string[] = [];
      for (let i = 0; i < node.items.length; i += 2) {
        const k = node.items[i]!;
        let key = formatJSON(k, quoted);
        if (!isStringNode(k) && !key.startsWith('"')) key = `"${key}"`;
        const v = node.items[i + 1];
        parts.push(key + ':' + (v ? formatJSON(v, quoted) : 'null'));
      }
      return '{' + parts.join(',') + '}';
    }
  }
}

export interface FormatSettings {
  mode: OutputMode;
  /** Between elements of an aggregate in raw mode (-d). */
  mbDelim: string;
  /** After each reply in raw mode (-D). */
  cmdDelim: string;
}

/**
 * One reply as redis-cli writes it to stdout. `verbatim` is set for commands whose reply is a report
 * meant to be read as is (INFO, CLIENT LIST, ...): printed raw even on a terminal, with no delimiter.
 */
export function formatReply(node: ReplyNode, s: FormatSettings, verbatim: boolean): string {
  if (verbatim) return formatRaw(node, s.mbDelim);
  if (s.mode === 'standard') return formatTTY(node);
  if (s.mode === 'raw') return formatRaw(node, s.mbDelim) + s.cmdDelim;
  if (s.mode === 'json' || s.mode === 'quoted-json') return formatJSON(node, s.mode === 'quoted-json') + '\n';
  return formatCSV(node) + '\n';
}
