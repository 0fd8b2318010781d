// The ACL subsystem of one server: the users (with the special "default" user), ACL LOG, the dispatcher's
// permission check, authentication, and the ACL SETUSER/GETUSER/LIST/... behaviour that src/cmds/acl calls.
// The server hands in an AclHost for what ACL needs from it (the clients, closing them, CLIENT LIST lines).
// Counterpart: Redis's acl.c (ACLSetUser on a staged copy, ACLFreeUserAndKillClients, ACL commands).
import { randomBytes } from 'node:crypto';
import type { Command } from '../spec/types.js';
import type { AclApi, ClientApi } from '../spec/context.js';
import { ErrorReply, MapReply, OK, SetReply, type Reply } from '../protocol/reply.js';
import { AclCommandTable, type AclCommand, type CommandSource } from './command-table.js';
import { CATEGORY_NAMES, categoryBit } from './categories.js';
import { checkUserCommand, Denied, deniedOf, hasUnrestrictedRead, indexOf, userAllowsChannel } from './check.js';
import { AclLog, type DenyContext, type DenyReason } from './log.js';
import { mergeSelectorArgs, ruleErrorMessage } from './rules.js';
import { hasSpaces, type Selector } from './selector.js';
import { AclUser } from './user.js';
import { loadAclFile, saveAclFile } from './file.js';

/** What ACL needs to know about a connection (the server's Client satisfies it). */
export interface AclClient {
  aclUser: AclUser;
  user: string;
  authenticated: boolean;
  lastCmd: string;
  multiQueue: unknown[] | null;
  readonly subs: Set<string>;
  readonly psubs: Set<string>;
  readonly ssubs: Set<string>;
  closeAfterReply(): void;
  syncParserAuth?(): void;
}

/** Server services ACL uses. */
export interface AclHost {
  clients(): Iterable<AclClient>;
  /** Disconnects a client at once. */
  freeClient(c: AclClient): void;
  /** The client's CLIENT LIST line (ACL LOG client-info). */
  clientInfo(c: AclClient): string;
  log(level: 'warning' | 'notice', msg: string): void;
  /** Configuration: aclfile, acllog-max-len, acl-pubsub-default. */
  config(name: string): string;
}

export const ERR_NO_ACLFILE =
  'ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.';

/** The NOPERM text (without the code) for a refused command line, as Redis 7.2 words it. */
export function deniedMessage(denied: Denied, user: AclUser, cmdName: string, object: string, verbose: boolean): string {
  if (denied === Denied.Command) return `User ${user.name} has no permissions to run the '${cmdName}' command`;
  if (denied === Denied.Key) return verbose ? `This user has no permissions to access the '${object}' key` : 'No permissions to access a key';
  return verbose ? `This user has no permissions to access the '${object}' channel` : 'No permissions to access a channel';
}

const REASONS: Record<number, DenyReason> = { [Denied.Command]: 'command', [Denied.Key]: 'key', [Denied.Channel]: 'channel' };

export class Acl {
  readonly table: AclCommandTable;
  readonly users = new Map<string, AclUser>();
  readonly defaultUser: AclUser;
  readonly log: AclLog;

  constructor(commands: CommandSource | null, readonly host: AclHost) {
    this.table = new AclCommandTable(commands);
    this.log = new AclLog(() => Number(host.config('acllog-max-len')));
    this.defaultUser = this.createDefaultUser();
    this.users.set('default', this.defaultUser);
  }

  /** The view commands get through ServerApi.acl (clients there are the server's, which are AclClients). */
  readonly api: AclApi = {
    setUser: (name, rules, self) => this.setUser(name, rules, (self ?? null) as unknown as AclClient | null),
    deleteUsers: (names, self) => this.deleteUsers(names, self as unknown as AclClient | null),
    getUser: (name) => this.getUser(name),
    list: () => this.list(),
    userNames: () => this.sortedUsers().map((u) => u.name),
    cat: (category) => this.cat(category),
    dryRun: (name, argv) => this.dryRun(name, argv),
    genpass: (bits) => this.genpass(bits),
    load: (self) => this.load((self ?? null) as unknown as AclClient | null),
    save: () => this.save(),
    logEntries: (count) => this.log.render(count, Date.now()),
    resetLog: () => this.log.reset(),
    authenticate: (c: ClientApi, name, pass, commandName) => this.authenticate(c as unknown as AclClient, name, pass, commandName),
    defaultUserNoPass: () => this.defaultUser.nopass,
    checkPermission: (c: ClientApi, cmd, argv, caller) =>
      this.checkPermission(c as unknown as AclClient, cmd, argv, (caller ?? null) as unknown as AclClient | null),
    hasFullKeyAccess: (c: ClientApi, cmd, argv) => this.hasFullKeyAccess(c as unknown as AclClient, cmd, argv),
    permits: (c: ClientApi, cmd, argv) => {
      const u = (c as unknown as AclClient).aclUser;
      const entry = this.table.of(cmd);
      return u.unrestricted || entry === undefined || checkUserCommand(u, entry, argv) === Denied.Ok;
    },
  };

  private allChannelsByDefault = (): boolean => this.host.config('acl-pubsub-default') === 'allchannels';

  newUser(name: string): AclUser {
    return new AclUser(name, this.table, this.allChannelsByDefault, this);
  }

  private createDefaultUser(): AclUser {
    const u = this.newUser('default');
    for (const op of ['+@all', '~*', '&*', 'on', 'nopass']) u.apply(op);
    return u;
  }

  /** requirepass: the default user gets that one password, or nopass when empty (ACLUpdateDefaultUserPassword). */
  updateDefaultPassword(pass: string): void {
    const u = this.defaultUser;
    u.apply('resetpass');
    u.apply(pass === '' ? 'nopass' : '>' + pass);
  }

  /** Must a new connection authenticate first? */
  authRequired(): boolean {
    return !this.defaultUser.nopass || !this.defaultUser.enabled;
  }

  // ---- authentication ----

  /**
   * AUTH / HELLO AUTH: on success the client runs as that user; on failure the attempt is logged
   * (reason auth, object = the command name as sent).
   */
  authenticate(c: AclClient, username: string, pass: string, commandName: string): boolean {
    const u = this.users.get(username);
    if (u !== undefined && u.enabled && u.checkPassword(pass)) {
      this.switchUser(c, u);
      return true;
    }
    this.addLogEntry(c, 'auth', commandName, username);
    return false;
  }

  private switchUser(c: AclClient, u: AclUser): void {
    c.aclUser = u;
    c.user = u.name;
    c.authenticated = true;
    c.syncParserAuth?.();
  }

  private context(c: AclClient): DenyContext {
    return c.multiQueue !== null ? 'multi' : 'toplevel';
  }

  private addLogEntry(c: AclClient, reason: DenyReason, object: string, username: string, context: DenyContext = this.context(c)): void {
    this.log.add(reason, context, object, username, this.host.clientInfo(c), Date.now());
  }

  // ---- permission checks ----

  /**
   * The dispatcher's check (after authentication): null when the client's user may run this command line,
   * otherwise the NOPERM error, logged in ACL LOG. Only called for users that are not unrestricted.
   */
  checkCommand(c: AclClient, cmd: Command, argv: readonly string[]): ErrorReply | null {
    const text = this.deny(c, cmd, argv, this.context(c));
    return text === null ? null : new ErrorReply('NOPERM ' + text);
  }

  /**
   * EXEC checks each queued command again, since the rules may have changed after it was queued; a refusal
   * replaces that command's reply (Redis's wording) and is logged with context multi.
   */
  recheckQueued(c: AclClient, cmd: Command, argv: readonly string[]): ErrorReply | null {
    const entry = this.table.of(cmd);
    if (entry === undefined) return null;
    const u = c.aclUser;
    const r = checkUserCommand(u, entry, argv);
    if (r === Denied.Ok) return null;
    const denied = deniedOf(r);
    // The client is running EXEC (what CLIENT LIST and this entry's client-info show in Redis).
    c.lastCmd = 'exec';
    this.addLogEntry(c, REASONS[denied], denied === Denied.Command ? cmd.fullName : argv[indexOf(r)], u.name, 'multi');
    const reason =
      denied === Denied.Command
        ? 'no permission to execute the command or subcommand'
        : denied === Denied.Key
          ? 'no permission to touch the specified keys'
          : 'no permission to access one of the channels used as arguments';
    return new ErrorReply(
      `NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: ${reason}`,
    );
  }

  /**
   * For the scripting layer (redis.call/pcall): null when allowed, otherwise the refusal text without an
   * error code ("User u has no permissions to run the 'set' command"); the denial is logged with context lua.
   * Redis words the script error as "ERR ACL failure in script: " + this text.
   */
  checkPermission(c: AclClient, cmd: Command, argv: readonly string[], caller: AclClient | null = null): string | null {
    if (c.aclUser.unrestricted) return null;
    return this.deny(c, cmd, argv, 'lua', caller);
  }

  /** Checks and logs a refusal; `infoClient` is the connection ACL LOG describes (a script's caller). */
  private deny(c: AclClient, cmd: Command, argv: readonly string[], context: DenyContext, infoClient: AclClient | null = null): string | null {
    const entry = this.table.of(cmd);
    if (entry === undefined) return null;
    const u = c.aclUser;
    const r = checkUserCommand(u, entry, argv);
    if (r === Denied.Ok) return null;
    const denied = deniedOf(r);
    // Redis has already made this the client's last command when it refuses it (CLIENT LIST cmd=).
    c.lastCmd = cmd.fullName;
    const object = denied === Denied.Command ? cmd.fullName : argv[indexOf(r)];
    this.log.add(REASONS[denied], context, object, u.name, this.host.clientInfo(infoClient ?? c), Date.now());
    return deniedMessage(denied, u, cmd.fullName, object, false);
  }

  /** SORT's BY and GET patterns read arbitrary keys: allowed only with read access to every key. */
  hasFullKeyAccess(c: AclClient, cmd: Command, argv: readonly string[]): boolean {
    const u = c.aclUser;
    if (u.unrestricted) return true;
    const entry = this.table.of(cmd);
    return entry === undefined || hasUnrestrictedRead(u, entry, argv);
  }

  // ---- ACL SETUSER / DELUSER ----

  /**
   * Applies rules to a copy of the user (or a new user) and keeps the result only when every rule is valid.
   * Returns null or the error text.
   */
  setUser(username: string, args: readonly string[], self: AclClient | null = null): string | null {
    if (hasSpaces(username)) return "ERR Usernames can't contain spaces or null characters";
    const merged = mergeSelectorArgs(args);
    if ('unmatched' in merged) return `ERR Unmatched parenthesis in acl selector starting at '${args[merged.unmatched]}'.`;
    const existing = this.users.get(username);
    const staged = this.newUser(username);
    if (existing) staged.copyFrom(existing);
    for (const op of merged.rules) {
      const err = staged.apply(op);
      if (err) return `ERR Error in ACL SETUSER modifier '${op}': ${ruleErrorMessage(err.code)}`;
    }
    if (existing) {
      this.killPubsubClientsIfNeeded(staged, existing, self);
      existing.copyFrom(staged);
    } else {
      this.users.set(username, staged);
    }
    return null;
  }

  /** Subscribers of `original` whose channels `updated` no longer allows are disconnected. */
  private killPubsubClientsIfNeeded(updated: AclUser, original: AclUser, self: AclClient | null): void {
    if (updated.selectors.some((s) => s.allChannels)) return;
    for (const c of [...this.host.clients()]) {
      if (c.aclUser !== original || c.subs.size + c.psubs.size + c.ssubs.size === 0) continue;
      if (this.subscriberViolates(c, updated)) this.closeClient(c, self);
    }
  }

  /** Closes a client; the one running the current command gets its reply first. */
  private closeClient(c: AclClient, self: AclClient | null): void {
    if (c === self) c.closeAfterReply();
    else this.host.freeClient(c);
  }

  private subscriberViolates(c: AclClient, u: AclUser): boolean {
    for (const p of c.psubs) if (!userAllowsChannel(u, p, true)) return true;
    for (const ch of c.subs) if (!userAllowsChannel(u, ch, false)) return true;
    for (const ch of c.ssubs) if (!userAllowsChannel(u, ch, false)) return true;
    return false;
  }

  /** ACL DELUSER: returns the number deleted, or an error text when "default" is named. */
  deleteUsers(names: readonly string[], self: AclClient | null): number | string {
    if (names.includes('default')) return "ERR The 'default' user cannot be removed";
    let n = 0;
    for (const name of names) {
      const u = this.users.get(name);
      if (u === undefined) continue;
      this.users.delete(name);
      this.disconnectUser(u, self);
      n++;
    }
    return n;
  }

  /** Clients authenticated as a removed user go back to default, unauthenticated, and are closed. */
  private disconnectUser(u: AclUser, self: AclClient | null): void {
    for (const c of [...this.host.clients()]) {
      if (c.aclUser !== u) continue;
      c.aclUser = this.defaultUser;
      c.user = 'default';
      c.authenticated = false;
      c.syncParserAuth?.();
      this.closeClient(c, self);
    }
  }

  // ---- views ----

  sortedUsers(): AclUser[] {
    return [...this.users.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** ACL LIST lines. */
  list(): string[] {
    return this.sortedUsers().map((u) => `user ${u.name} ${u.describe()}`);
  }

  /** ACL GETUSER: flags, passwords, commands, keys, channels, selectors (null for an unknown user). */
  getUser(name: string): Reply {
    const u = this.users.get(name);
    if (u === undefined) return null;
    const describeSelector = (s: Selector): Reply[] => ['commands', s.describeCommands(), 'keys', s.describeKeys(), 'channels', s.describeChannels()];
    return new MapReply([
      'flags', new SetReply(u.flagNames()),
      'passwords', [...u.passwords],
      ...describeSelector(u.root),
      'selectors', u.selectors.slice(1).map((s) => new MapReply(describeSelector(s))),
    ]);
  }

  /** ACL CAT [category]: category names, or the commands (and subcommands) in one. */
  cat(category?: string): Reply {
    if (category === undefined) return [...CATEGORY_NAMES];
    const bit = categoryBit(category);
    if (bit === 0) return new ErrorReply(`ERR Unknown category '${category.slice(0, 128)}'`);
    const out: string[] = [];
    const visit = (cmds: Iterable<AclCommand>) => {
      for (const c of cmds) {
        if (c.categories & bit) out.push(c.name);
        if (c.subcommands) visit(c.subcommands.values());
      }
    };
    visit(this.table.top);
    return out;
  }

  /** ACL DRYRUN user command [arg...]: OK, or the reason it would be refused (a bulk string). */
  dryRun(username: string, argv: readonly string[]): Reply {
    const u = this.users.get(username);
    if (u === undefined) return new ErrorReply(`ERR User '${username}' not found`);
    let cmd = this.table.lookup(argv[0]);
    if (cmd !== undefined && cmd.subcommands !== null && argv.length > 1) cmd = cmd.subcommands.get(argv[1].toLowerCase());
    if (cmd === undefined || argv[0].includes('|')) return new ErrorReply(`ERR Command '${argv[0]}' not found`);
    const arity = cmd.command.arity;
    if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
      return new ErrorReply(`ERR wrong number of arguments for '${cmd.name}' command`);
    }
    const r = checkUserCommand(u, cmd, argv);
    if (r === Denied.Ok) return OK;
    return deniedMessage(deniedOf(r), u, cmd.name, argv[indexOf(r)], true);
  }

  genpass(bits: number): string {
    const chars = Math.floor((bits + 3) / 4);
    return randomBytes(Math.ceil(chars / 2)).toString('hex').slice(0, chars);
  }

  // ---- ACL LOAD / SAVE and start-up ----

  get aclFile(): string {
    return this.host.config('aclfile');
  }

  /** ACL LOAD: all users from the file, or nothing at all when any line is bad; returns null or the error. */
  load(self: AclClient | null = null): string | null {
    const file = this.aclFile;
    if (!file) return ERR_NO_ACLFILE;
    const result = loadAclFile(file, (name) => this.newUser(name));
    if (typeof result === 'string') return 'ERR ' + result;
    this.replaceUsers(result, self);
    return null;
  }

  /**
   * Installs a loaded set of users. Existing user objects are kept (and updated) so their clients stay
   * authenticated; clients of users that are gone are disconnected, as are subscribers whose channels the new
   * rules no longer allow.
   */
  private replaceUsers(loaded: Map<string, AclUser>, self: AclClient | null): void {
    if (!loaded.has('default')) loaded.set('default', this.createDefaultUser());
    const next = new Map<string, AclUser>();
    const removed: AclUser[] = [];
    for (const [name, u] of loaded) {
      const old = this.users.get(name);
      if (old) {
        this.killPubsubClientsIfNeeded(u, old, self);
        old.copyFrom(u);
        next.set(name, old);
      } else next.set(name, u);
    }
    for (const [name, u] of this.users) if (!next.has(name)) removed.push(u);
    this.users.clear();
    for (const [name, u] of next) this.users.set(name, u);
    for (const u of removed) this.disconnectUser(u, self);
  }

  /** ACL SAVE: returns null or the error reply text. */
  save(): string | null {
    const file = this.aclFile;
    if (!file) return ERR_NO_ACLFILE;
    const err = saveAclFile(file, this.list().join('\n') + '\n');
    if (err !== null) {
      this.host.log('warning', err);
      return 'ERR There was an error trying to save the ACLs. Please check the server logs for more information';
    }
    return null;
  }

  /**
   * At start-up: `user` lines from the configuration, then the aclfile (both at once is refused, as Redis
   * does). Returns null, or the reason to abort start-up.
   */
  loadAtStartup(configured: readonly (readonly string[])[]): string | null {
    const file = this.aclFile;
    if (file && configured.length > 0) {
      return 'Configuring Redis with users defined in redis.conf and at the same setting an ACL file path is invalid. This setup is very likely to lead to configuration errors and security holes, please define either an ACL file or declare users directly in your redis.conf, but not both.';
    }
    for (const argv of configured) {
      const name = argv[1];
      if (hasSpaces(name)) return 'Spaces not allowed in ACL usernames';
      let u = this.users.get(name);
      if (u === undefined) {
        u = this.newUser(name);
        this.users.set(name, u);
      } else u.apply('reset');
      const merged = mergeSelectorArgs(argv.slice(2));
      const rules = 'rules' in merged ? merged.rules : [];
      for (const op of rules) {
        const err = u.apply(op);
        if (err) {
          return `Error loading ACL rule '${op}' for the user named '${name}': ${ruleErrorMessage(err.code)}`;
        }
      }
      if (!u.enabled) {
        this.host.log('notice', `The user '${name}' is disabled (there is no 'on' modifier in the user description). Make sure this is not a configuration error.`);
      }
    }
    if (file) {
      const result = loadAclFile(file, (name) => this.newUser(name));
      if (typeof result === 'string') return `Aborting Redis startup because of ACL errors: ${result}`;
      this.replaceUsers(result, null);
    }
    return null;
  }
}

/**
 * Validates one `user` line of the configuration file before the command table exists: unknown commands
 * are accepted (checked again at start-up), anything else wrong gives Redis's "Error in user declaration".
 */
export function validateUserLine(argv: readonly string[], seen: ReadonlySet<string>): string | null {
  if (argv.length < 2) return `Error in user declaration '${argv[0]}': Wrong format`;
  if (seen.has(argv[1])) return `Error in user declaration '${argv[1]}': ${ruleErrorMessage('EALREADY')}`;
  const merged = mergeSelectorArgs(argv.slice(2));
  if ('unmatched' in merged) return `Error in user declaration '${argv[merged.unmatched]}': Wrong format`;
  const probe = new AclUser(argv[1], new AclCommandTable(null), () => false);
  for (let j = 0; j < merged.rules.length; j++) {
    const err = probe.apply(merged.rules[j]);
    // Redis names the argument at the rule's index in the merged list here (not the rule itself).
    if (err && err.code !== 'ENOENT') return `Error in user declaration '${argv[j]}': ${ruleErrorMessage(err.code)}`;
  }
  return null;
}
