// An ACL user: on/off, passwords (SHA-256 hex), nopass, the payload-sanitising flag and its selectors (the
// root selector first). `unrestricted` is recomputed after every change so the dispatcher's check for a user
// like the default one (+@all ~* &*) is a single flag test.
// Counterpart: the user struct, ACLSetUser and ACLDescribeUser (acl.c).
import { createHash } from 'node:crypto';
import type { AclCommandTable } from './command-table.js';
import type { Command } from '../spec/types.js';
import type { ErrorReply } from '../protocol/reply.js';
import { RuleFailure, Selector } from './selector.js';

/** A password as Redis stores it: the SHA-256 of its bytes in lower-case hex. */
export function hashPassword(pass: string): string {
  return createHash('sha256').update(Buffer.from(pass, 'latin1')).digest('hex');
}

function validHash(h: string): boolean {
  return /^[0-9a-f]{64}$/.test(h);
}

export class AclUser {
  enabled = false;
  nopass = false;
  /** RESTORE payloads are sanitised (sanitize-payload) or not (skip-sanitize-payload); 7.2 sets the former on creation. */
  sanitizePayload = true;
  skipSanitizePayload = false;
  passwords: string[] = [];
  selectors: Selector[];
  /** Some selector allows every command, key and channel: permission checks can be skipped. */
  unrestricted = false;

  constructor(
    readonly name: string,
    readonly table: AclCommandTable,
    /** acl-pubsub-default: new selectors start with all channels allowed. */
    private readonly allChannelsByDefault: () => boolean,
    /** The ACL this user belongs to (null for a user that only validates rules). */
    private readonly owner: {
      checkCommand(c: never, cmd: Command, argv: readonly string[]): ErrorReply | null;
      recheckQueued(c: never, cmd: Command, argv: readonly string[]): ErrorReply | null;
    } | null = null,
  ) {
    this.selectors = [new Selector(table, true, allChannelsByDefault())];
  }

  /**
   * The dispatcher's check for a restricted user: null, or the NOPERM error (logged in ACL LOG). Callers test
   * `unrestricted` first, so the default user costs one flag test.
   */
  check(c: unknown, cmd: Command, argv: readonly string[]): ErrorReply | null {
    return this.owner === null ? null : this.owner.checkCommand(c as never, cmd, argv);
  }

  /** EXEC's second check of a queued command (the rules may have changed since it was queued). */
  recheck(c: unknown, cmd: Command, argv: readonly string[]): ErrorReply | null {
    return this.owner === null ? null : this.owner.recheckQueued(c as never, cmd, argv);
  }

  get root(): Selector {
    return this.selectors[0];
  }

  /** Copies another user's rules (not its name) - ACL SETUSER stages changes on a copy, then copies back. */
  copyFrom(src: AclUser): void {
    this.enabled = src.enabled;
    this.nopass = src.nopass;
    this.sanitizePayload = src.sanitizePayload;
    this.skipSanitizePayload = src.skipSanitizePayload;
    this.passwords = [...src.passwords];
    this.selectors = src.selectors.map((s) => s.clone());
    this.refresh();
  }

  refresh(): void {
    this.unrestricted = this.selectors.some((s) => s.allCommands && s.allKeys && s.allChannels);
  }

  /** Applies one rule; returns the failure for a bad one. Empty rules do nothing, as in Redis. */
  apply(op: string): RuleFailure | null {
    const r = this.applyRule(op);
    this.refresh();
    return r;
  }

  private applyRule(op: string): RuleFailure | null {
    if (op.length === 0) return null;
    const lower = op.toLowerCase();
    switch (lower) {
      case 'on':
        this.enabled = true;
        return null;
      case 'off':
        this.enabled = false;
        return null;
      case 'skip-sanitize-payload':
        this.skipSanitizePayload = true;
        this.sanitizePayload = false;
        return null;
      case 'sanitize-payload':
        this.skipSanitizePayload = false;
        this.sanitizePayload = true;
        return null;
      case 'nopass':
        this.nopass = true;
        this.passwords = [];
        return null;
      case 'resetpass':
        this.nopass = false;
        this.passwords = [];
        return null;
      case 'clearselectors':
        this.selectors = [this.selectors[0]];
        return null;
      case 'reset':
        this.applyRule('resetpass');
        this.applyRule('resetkeys');
        this.applyRule('resetchannels');
        if (this.allChannelsByDefault()) this.applyRule('allchannels');
        this.applyRule('off');
        this.applyRule('sanitize-payload');
        this.applyRule('clearselectors');
        this.applyRule('-@all');
        return null;
    }
    const c = op[0];
    if (c === '>' || c === '#') {
      let h: string;
      if (c === '>') h = hashPassword(op.slice(1));
      else {
        h = op.slice(1);
        if (!validHash(h)) return new RuleFailure('EBADMSG');
      }
      if (!this.passwords.includes(h)) this.passwords.push(h);
      this.nopass = false;
      return null;
    }
    if (c === '<' || c === '!') {
      let h: string;
      if (c === '<') h = hashPassword(op.slice(1));
      else {
        h = op.slice(1);
        if (!validHash(h)) return new RuleFailure('EBADMSG');
      }
      const at = this.passwords.indexOf(h);
      if (at < 0) return new RuleFailure('ENODEV');
      this.passwords.splice(at, 1);
      return null;
    }
    if (c === '(' && op[op.length - 1] === ')') {
      const sel = new Selector(this.table, false, this.allChannelsByDefault());
      for (const part of splitSelectorBody(op.slice(1, -1))) {
        const err = sel.apply(part);
        if (err) return err;
      }
      this.selectors.push(sel);
      return null;
    }
    return this.root.apply(op);
  }

  /** Does this password open the user (nopass users accept any)? */
  checkPassword(pass: string): boolean {
    if (this.nopass) return true;
    if (this.passwords.length === 0) return false;
    return this.passwords.includes(hashPassword(pass));
  }

  /** Flags in GETUSER/LIST order: on|off, nopass, skip-sanitize-payload, sanitize-payload. */
  flagNames(): string[] {
    const f = [this.enabled ? 'on' : 'off'];
    if (this.nopass) f.push('nopass');
    if (this.skipSanitizePayload) f.push('skip-sanitize-payload');
    if (this.sanitizePayload) f.push('sanitize-payload');
    return f;
  }

  /** The rule text of ACL LIST and ACL SAVE (after "user <name> "). */
  describe(): string {
    let out = '';
    for (const f of this.flagNames()) out += f + ' ';
    for (const p of this.passwords) out += '#' + p + ' ';
    out += this.root.describe();
    for (let i = 1; i < this.selectors.length; i++) out += ` (${this.selectors[i].describe()})`;
    return out;
  }
}

/** The rules inside "( ... )": split on blanks like Redis's sdssplitargs for the plain words rules are. */
function splitSelectorBody(body: string): string[] {
  return body.split(/[ \t\n\r\v\f]+/).filter((s) => s.length > 0);
}
