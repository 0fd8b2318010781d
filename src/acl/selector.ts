// One ACL selector: which commands (a byte per command id plus Redis's "first argument" exceptions), which
// keys (glob patterns with read/write permissions) and which Pub/Sub channels it allows, plus the command
// rules as given, kept in order the way Redis 7.2 shows them in ACL LIST/GETUSER.
// Counterpart: aclSelector, ACLSetSelector, ACLDescribeSelector and ACLUpdateCommandRules (acl.c).
import { PERM_READ, PERM_WRITE, type AclCommand, type AclCommandTable } from './command-table.js';
import { categoryBit } from './categories.js';
import { stringMatch } from '../util/glob.js';

export { PERM_READ, PERM_WRITE };
export const PERM_ALL = PERM_READ | PERM_WRITE;

/** Why a rule was refused; acl-errors.ts turns each into Redis's wording. */
export type RuleError = 'EINVAL' | 'ENOENT' | 'EEXIST' | 'EISDIR' | 'ENODEV' | 'EBADMSG' | 'ECHILD' | 'EALREADY';

export class RuleFailure {
  constructor(readonly code: RuleError) {}
}

export interface KeyPattern {
  pattern: string;
  perms: number;
  /** How to match, decided once: 0 glob, 1 any non-empty key ("*"), 2 exact text, 3 prefix ("user:*"). */
  kind: number;
  /** The text for exact and prefix kinds. */
  literal: string;
}

const GLOB_CHARS = /[*?[\\]/;

/** A key pattern with its fast matching form. */
export function keyPattern(pattern: string, perms: number): KeyPattern {
  if (pattern === '*') return { pattern, perms, kind: 1, literal: '' };
  if (!GLOB_CHARS.test(pattern)) return { pattern, perms, kind: 2, literal: pattern };
  const body = pattern.slice(0, -1);
  if (pattern.endsWith('*') && !GLOB_CHARS.test(body)) return { pattern, perms, kind: 3, literal: body };
  return { pattern, perms, kind: 0, literal: '' };
}

/** Does a key match a pattern (Redis's stringmatchlen, with the common shapes short-cut)? */
export function matchKey(p: KeyPattern, key: string): boolean {
  switch (p.kind) {
    case 1:
      // Redis's glob matcher does not match "*" against the empty string.
      return key.length > 0;
    case 2:
      return key === p.literal;
    case 3:
      return key.startsWith(p.literal);
    default:
      return stringMatch(p.pattern, key);
  }
}

/** True for a string with whitespace or NUL (not allowed in usernames and patterns). */
export function hasSpaces(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || c === 32 || (c >= 9 && c <= 13)) return true;
  }
  return false;
}

export class Selector {
  allKeys = false;
  allChannels = false;
  allCommands = false;
  /** 1 where the command id is allowed; the last byte marks "+@all" (future commands). */
  bits: Uint8Array;
  /** Allowed first arguments of otherwise denied commands (+select|0), by command id. */
  firstArgs: Map<number, string[]> | null = null;
  keys: KeyPattern[] = [];
  channels: string[] = [];
  /** The command rules in the order given, without overridden ones ("+get", "-@read", "+config|get"). */
  rules: string[] = [];

  constructor(readonly table: AclCommandTable, readonly root: boolean, allChannelsByDefault: boolean) {
    this.bits = new Uint8Array(table.size + 1);
    this.allChannels = allChannelsByDefault;
  }

  clone(): Selector {
    const s = new Selector(this.table, this.root, this.allChannels);
    s.allKeys = this.allKeys;
    s.allCommands = this.allCommands;
    s.bits.set(this.bits);
    if (this.firstArgs) s.firstArgs = new Map([...this.firstArgs].map(([k, v]) => [k, [...v]]));
    s.keys = this.keys.map((k) => ({ ...k }));
    s.channels = [...this.channels];
    s.rules = [...this.rules];
    return s;
  }

  /** Can execute commands added later (the reserved bit only +@all sets). */
  get futureCommands(): boolean {
    return this.bits[this.table.size] === 1;
  }

  private setBit(id: number, allow: boolean): void {
    this.bits[id] = allow ? 1 : 0;
    if (!allow) this.allCommands = false;
  }

  /** Allows or denies a command, and with a container every subcommand (ACLChangeSelectorPerm). */
  private changePerm(cmd: AclCommand, allow: boolean): void {
    this.setBit(cmd.id, allow);
    this.firstArgs?.delete(cmd.id);
    if (cmd.subcommands) for (const sub of cmd.subcommands.values()) this.setBit(sub.id, allow);
  }

  private setCategory(bit: number, allow: boolean): void {
    const visit = (cmds: Iterable<AclCommand>) => {
      for (const c of cmds) {
        if (c.categories & bit) this.changePerm(c, allow);
        if (c.subcommands) visit(c.subcommands.values());
      }
    };
    visit(this.table.top);
  }

  /**
   * Records a command rule as Redis 7.2 does: an earlier rule for the same name (or one of its
   * subcommands, or first arguments) is dropped, then the new one is appended, lower-cased.
   */
  private updateRules(name: string, allow: boolean): void {
    const rule = name.toLowerCase();
    this.rules = this.rules.filter((r) => {
      const body = r.slice(1);
      return !(body === rule || (body.length > rule.length && body.startsWith(rule) && body.charCodeAt(rule.length) === 124));
    });
    this.rules.push((allow ? '+' : '-') + rule);
  }

  private resetAllCommands(allow: boolean): void {
    this.bits.fill(allow ? 1 : 0);
    this.allCommands = allow;
    this.rules = [];
    this.firstArgs = null;
  }

  /** Applies one selector rule; returns a RuleFailure for a bad one (nothing changes then). */
  apply(op: string): RuleFailure | null {
    const lower = op.toLowerCase();
    if (lower === 'allkeys' || op === '~*') {
      this.allKeys = true;
      this.keys = [];
    } else if (lower === 'resetkeys') {
      this.allKeys = false;
      this.keys = [];
    } else if (lower === 'allchannels' || op === '&*') {
      this.allChannels = true;
      this.channels = [];
    } else if (lower === 'resetchannels') {
      this.allChannels = false;
      this.channels = [];
    } else if (lower === 'allcommands' || lower === '+@all') {
      this.resetAllCommands(true);
    } else if (lower === 'nocommands' || lower === '-@all') {
      this.resetAllCommands(false);
    } else if (op[0] === '~' || op[0] === '%') {
      return this.addKeyPattern(op);
    } else if (op[0] === '&') {
      if (this.allChannels) return new RuleFailure('EISDIR');
      const pat = op.slice(1);
      if (hasSpaces(pat)) return new RuleFailure('EINVAL');
      if (!this.channels.includes(pat)) this.channels.push(pat);
      this.allChannels = false;
    } else if (op[0] === '+' && op[1] !== '@') {
      return this.allowCommand(op.slice(1));
    } else if (op[0] === '-' && op[1] !== '@') {
      const cmd = this.table.lookup(op.slice(1));
      if (cmd === undefined) return new RuleFailure('ENOENT');
      this.changePerm(cmd, false);
      this.updateRules(cmd.name, false);
    } else if ((op[0] === '+' || op[0] === '-') && op[1] === '@') {
      const bit = categoryBit(op.slice(2));
      if (bit === 0) return new RuleFailure('ENOENT');
      this.updateRules(op.slice(1), op[0] === '+');
      this.setCategory(bit, op[0] === '+');
    } else {
      return new RuleFailure('EINVAL');
    }
    return null;
  }

  private addKeyPattern(op: string): RuleFailure | null {
    if (this.allKeys) return new RuleFailure('EEXIST');
    let perms = 0;
    let offset = 1;
    if (op[0] === '%') {
      for (; offset < op.length; offset++) {
        const c = op[offset].toUpperCase();
        if (c === 'R' && !(perms & PERM_READ)) perms |= PERM_READ;
        else if (c === 'W' && !(perms & PERM_WRITE)) perms |= PERM_WRITE;
        else if (op[offset] === '~' && perms !== 0) {
          offset++;
          break;
        } else return new RuleFailure('EINVAL');
      }
      // A lone "%" grants nothing (Redis would accept it and then fail to describe the user).
      if (perms === 0) return new RuleFailure('EINVAL');
    } else {
      perms = PERM_ALL;
    }
    const pattern = op.slice(offset);
    if (hasSpaces(pattern)) return new RuleFailure('EINVAL');
    const existing = this.keys.find((k) => k.pattern === pattern);
    if (existing) existing.perms |= perms;
    else this.keys.push(keyPattern(pattern, perms));
    this.allKeys = false;
    return null;
  }

  /** "+cmd", "+container|sub", or "+cmd|first-arg" (the deprecated first-argument exception). */
  private allowCommand(text: string): RuleFailure | null {
    const bar = text.lastIndexOf('|');
    if (bar < 0) {
      const cmd = this.table.lookup(text);
      if (cmd === undefined) return new RuleFailure('ENOENT');
      this.changePerm(cmd, true);
      this.updateRules(cmd.name, true);
      return null;
    }
    const base = this.table.lookup(text.slice(0, bar));
    const sub = text.slice(bar + 1);
    if (base === undefined) return new RuleFailure('ENOENT');
    if (base.parent !== null) return new RuleFailure('ECHILD');
    if (sub.length === 0) return new RuleFailure('EINVAL');
    if (base.subcommands !== null) {
      const cmd = this.table.lookup(text);
      if (cmd === undefined) return new RuleFailure('ENOENT');
      this.changePerm(cmd, true);
    } else {
      const list: string[] = (this.firstArgs ??= new Map<number, string[]>()).get(base.id) ?? [];
      if (!list.some((a) => a.toLowerCase() === sub.toLowerCase())) list.push(sub);
      this.firstArgs.set(base.id, list);
    }
    this.updateRules(text, true);
    return null;
  }

  /** Command rules as ACL GETUSER's "commands" shows them: "+@all"/"-@all", then the kept rules. */
  describeCommands(): string {
    const head = this.futureCommands ? '+@all' : '-@all';
    return this.rules.length ? `${head} ${this.rules.join(' ')}` : head;
  }

  /** Key patterns as GETUSER shows them ("~*", or "~a* %R~b*"). */
  describeKeys(): string {
    if (this.allKeys) return '~*';
    return this.keys.map(patternText).join(' ');
  }

  describeChannels(): string {
    if (this.allChannels) return '&*';
    return this.channels.map((c) => '&' + c).join(' ');
  }

  /** The selector in ACL LIST form: keys, channels (after "resetchannels" unless all), commands. */
  describe(): string {
    let out = '';
    if (this.allKeys) out += '~* ';
    else for (const k of this.keys) out += patternText(k) + ' ';
    if (this.allChannels) out += '&* ';
    else {
      out += 'resetchannels ';
      for (const c of this.channels) out += '&' + c + ' ';
    }
    return out + this.describeCommands();
  }
}

function patternText(k: KeyPattern): string {
  return (k.perms === PERM_ALL ? '~' : k.perms === PERM_READ ? '%R~' : '%W~') + k.pattern;
}
