// Directive kinds of the configuration table and their parse/format rules: yes/no booleans, integers
// and memory sizes with units (1k, 1kb, 1m, 1mb, 1g, 1gb), enums, strings and special formats.
// Counterpart: the typeInterface family of Redis's config.c.

export interface Directive {
  name: string;
  aliases?: string[];
  kind: 'bool' | 'int' | 'memory' | 'enum' | 'string' | 'special';
  default: string;
  min?: number;
  max?: number;
  values?: string[];
  /** Can't change at run time (CONFIG SET refuses). */
  immutable?: boolean;
  /** CONFIG SET only with enable-protected-configs. */
  protected?: boolean;
  /** Several values allowed on one line (bind, save) joined by spaces. */
  multiArg?: boolean;
  /** Custom normalisation for special directives; returns normalised value or an error text. */
  parse?: (v: string) => string | { error: string };
  /** Is a sensitive value not shown? (none so far) */
  hidden?: boolean;
}

/** Parses "1gb", "512mb", "100" into bytes; null when malformed (memtoull). */
export function parseMemory(v: string): number | null {
  const m = /^(-?[0-9]+)(k|kb|m|mb|g|gb|b)?$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const mul: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1048576, g: 1e9, gb: 1073741824 };
  return n * mul[unit];
}

export function parseYesNo(v: string): boolean | null {
  const l = v.toLowerCase();
  if (l === 'yes') return true;
  if (l === 'no') return false;
  return null;
}

/** Validates and normalises a value for a directive; returns the canonical text or an error. */
export function normalise(d: Directive, raw: string): string | { error: string } {
  switch (d.kind) {
    case 'bool': {
      const b = parseYesNo(raw);
      if (b === null) return { error: "argument must be 'yes' or 'no'" };
      return b ? 'yes' : 'no';
    }
    case 'int':
    case 'memory': {
      let n: number | null;
      if (d.kind === 'memory') {
        n = parseMemory(raw);
        if (n === null) return { error: 'argument must be a memory value' };
      } else {
        n = /^-?[0-9]+$/.test(raw) ? Number(raw) : null;
        if (n === null) return { error: "argument couldn't be parsed into an integer" };
      }
      if ((d.min !== undefined && n < d.min) || (d.max !== undefined && n > d.max)) {
        return { error: `argument must be between ${d.min} and ${d.max} inclusive` };
      }
      return String(n);
    }
    case 'enum': {
      const l = raw.toLowerCase();
      if (!d.values!.includes(l)) return { error: `argument(s) must be one of the following: ${d.values!.join(', ')}` };
      return l;
    }
    case 'string':
      return raw;
    case 'special':
      return d.parse ? d.parse(raw) : raw;
  }
}
