// Run-time configuration: values by directive name, redis.conf and command-line loading (with
// include), CONFIG SET validation and CONFIG GET. Counterpart: Redis's config.c.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigApi } from '../spec/context.js';
import { directives } from './config-table.js';
import { normalise, type Directive } from './config-types.js';
import { splitArgs } from '../util/split-args.js';
import { validateUserLine } from '../acl/acl.js';

export const REDIS_VERSION = '7.2.4';

export class ConfigError extends Error {
  constructor(readonly lineNo: number, readonly line: string, readonly reason: string) {
    super(reason);
  }
  /** The text redis-server prints before exiting on a bad config. */
  render(): string {
    return `\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nReading the configuration file, at line ${this.lineNo}\n>>> '${this.line}'\n${this.reason}\n`;
  }
}

type Listener = (name: string, value: string) => string | null;

export class Config implements ConfigApi {
  private readonly byName = new Map<string, Directive>();
  private readonly values = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();
  /** The file the server was started with (CONFIG REWRITE target, INFO config_file). */
  configFile = '';
  /** `user <name> <rules...>` lines, loaded into ACL at start-up (after the command table exists). */
  readonly userLines: string[][] = [];
  /** `rename-command` lines in file order, applied to the command table once it exists. */
  readonly renames: Array<{ lineNo: number; line: string; from: string; to: string }> = [];

  constructor() {
    for (const d of directives) {
      this.byName.set(d.name, d);
      for (const a of d.aliases ?? []) this.byName.set(a, d);
      this.store(d.name, d.default);
    }
  }

  /** Every change of a stored value goes through here. */
  private store(name: string, value: string): void {
    this.values.set(name, value);
    this.numbers.clear();
    this.derived.clear();
  }

  directive(name: string): Directive | undefined {
    return this.byName.get(name.toLowerCase());
  }

  get(name: string): string | undefined {
    const d = this.byName.get(name);
    return d ? this.values.get(d.name) : undefined;
  }

  /** getNumber's parsed values, dropped whenever any value changes (data types read limits per command). */
  private readonly numbers = new Map<string, number>();

  /** derive's results, dropped with the numbers. */
  private readonly derived = new Map<(c: this) => unknown, unknown>();

  /**
   * A value computed from directives (say, a data type's encoding limits), computed once and kept until
   * any directive changes: commands that read several limits per call get one shared object.
   */
  derive<T>(fn: (c: this) => T): T {
    let v = this.derived.get(fn) as T | undefined;
    if (v === undefined) {
      v = fn(this);
      this.derived.set(fn, v);
    }
    return v;
  }

  getNumber(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = Number(this.get(name) ?? 0);
      this.numbers.set(name, n);
    }
    return n;
  }

  getBool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /** Called after a directive changes at run time; a returned text refuses the change. */
  onChange(name: string, fn: Listener): void {
    const l = this.listeners.get(name) ?? [];
    l.push(fn);
    this.listeners.set(name, l);
  }

  /** CONFIG SET of one directive: returns null or the reason text for Redis's error. */
  set(name: string, value: string): string | null {
    const d = this.byName.get(name.toLowerCase());
    if (!d) return 'unknown';
    const v = normalise(d, value);
    if (typeof v !== 'string') return v.error;
    const old = this.values.get(d.name)!;
    this.store(d.name, v);
    for (const fn of this.listeners.get(d.name) ?? []) {
      const err = fn(d.name, v);
      if (err) {
        this.store(d.name, old);
        return err;
      }
    }
    return null;
  }

  /**
   * CONFIG SET of several directives, as Redis applies them: every value is checked and stored first,
   * then each distinct change listener runs once (so tls-cert-file and tls-key-file can change
   * together); if a value or a listener fails, every old value is put back. Null, or the failing
   * directive (as the caller named it) and the reason.
   */
  setMany(pairs: Array<[string, string]>): [string, string] | null {
    const old: Array<[string, string]> = [];
    const restore = () => {
      for (const [n, v] of old.reverse()) this.store(n, v);
    };
    for (const [name, value] of pairs) {
      const d = this.byName.get(name.toLowerCase());
      if (!d) {
        restore();
        return [name, 'unknown'];
      }
      const v = normalise(d, value);
      if (typeof v !== 'string') {
        restore();
        return [name, v.error];
      }
      old.push([d.name, this.values.get(d.name)!]);
      this.store(d.name, v);
    }
    // Each listener once, with the first directive of the call it is registered for.
    const ran = new Map<Listener, string>();
    for (const [name] of pairs) {
      const d = this.byName.get(name.toLowerCase())!;
      for (const fn of this.listeners.get(d.name) ?? []) {
        if (ran.has(fn)) continue;
        ran.set(fn, d.name);
        const err = fn(d.name, this.values.get(d.name)!);
        if (err) {
          restore();
          // The listeners that took the new values see the old ones again (Redis re-applies its backup).
          for (const [f, n] of ran) if (f !== fn) f(n, this.values.get(n)!);
          return [name, err];
        }
      }
    }
    return null;
  }

  /** Sets without running listeners (start-up, rollback). */
  setRaw(name: string, value: string): void {
    const d = this.byName.get(name)!;
    this.store(d.name, value);
  }

  /** Every canonical directive name with its value (CONFIG GET *). */
  *entries(): IterableIterator<[string, string, Directive]> {
    for (const d of directives) yield [d.name, this.values.get(d.name)!, d];
  }

  /** Names a pattern can match: canonical names and aliases (CONFIG GET returns what was asked). */
  allNames(): string[] {
    return [...this.byName.keys()];
  }

  /** Loads redis.conf text; `save` lines accumulate like Redis's. */
  loadText(text: string, file = '', depth = 0): void {
    const lines = text.split('\n');
    let savesSeen = false;
    for (let n = 0; n < lines.length; n++) {
      const raw = lines[n].replace(/\r$/, '');
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const argv = splitArgs(line);
      if (argv === null) throw new ConfigError(n + 1, line, 'Unbalanced quotes in configuration line');
      if (argv.length === 0) continue;
      const name = argv[0].toLowerCase();
      if (name === 'include' && argv.length === 2) {
        if (depth > 16) throw new ConfigError(n + 1, line, 'Too many nested includes');
        const path = resolve(file ? resolve(file, '..') : process.cwd(), argv[1]);
        let inc: string;
        try {
          inc = readFileSync(path, 'latin1');
        } catch {
          throw new ConfigError(n + 1, line, `Fatal error, can't open config file '${path}'`);
        }
        this.loadText(inc, path, depth + 1);
        continue;
      }
      if (name === 'user' && argv.length >= 2) {
        const err = validateUserLine(argv, new Set(this.userLines.map((u) => u[1])));
        if (err !== null) throw new ConfigError(n + 1, line, err);
        this.userLines.push(argv);
        continue;
      }
      if (name === 'rename-command') {
        if (argv.length !== 3) throw new ConfigError(n + 1, line, 'Bad directive or wrong number of arguments');
        this.renames.push({ lineNo: n + 1, line, from: argv[1], to: argv[2] });
        continue;
      }
      if (name === 'loadmodule') continue;
      const d = this.byName.get(name);
      if (!d || argv.length < 2 || (!d.multiArg && argv.length !== 2)) {
        throw new ConfigError(n + 1, line, 'Bad directive or wrong number of arguments');
      }
      let value = argv.slice(1).join(' ');
      if (d.name === 'save') {
        // Each save line adds a point; `save ""` clears them.
        const prev = savesSeen ? this.values.get('save')! : '';
        savesSeen = true;
        value = value.trim() === '' ? '' : (prev ? prev + ' ' : '') + value;
      }
      const v = normalise(d, value);
      if (typeof v !== 'string') throw new ConfigError(n + 1, line, v.error);
      this.store(d.name, v);
    }
  }

  /** Turns redis-server style arguments (`--port 7000 --save ""`) into config text and loads it. */
  static argsToText(args: string[]): string {
    const lines: string[] = [];
    let cur: string[] | null = null;
    for (const a of args) {
      if (a.startsWith('--') && a.length > 2) {
        if (cur) lines.push(cur.join(' '));
        cur = [a.slice(2)];
      } else if (cur) {
        cur.push(quote(a));
      }
    }
    if (cur) lines.push(cur.join(' '));
    return lines.join('\n');
  }
}

function quote(a: string): string {
  let out = '"';
  for (const ch of a) {
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c < 32 || c > 126) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}
