// Permission checks: may a user run this command line? Each selector is tried in turn (the first that allows
// everything wins); when none does, the reported failure is the most specific one (channel over key over
// command, then the last argument), as Redis reports it. Keys come from the command's key specs, with the
// spec flags deciding read (ACCESS) or write (INSERT/DELETE/UPDATE) access.
// Counterpart: ACLCheckAllUserCommandPerm, ACLSelectorCheckCmd and ACLSelectorCheckKey (acl.c).
import { getKeysFromCommand, type KeyRef } from '../spec/keys.js';
import { stringMatch } from '../util/glob.js';
import { ChannelArgs, type AclCommand } from './command-table.js';
import { PERM_READ, PERM_WRITE, type Selector } from './selector.js';
import type { AclUser } from './user.js';

export const enum Denied {
  Ok = 0,
  Command = 1,
  Key = 2,
  Channel = 4,
}

export interface CheckResult {
  denied: Denied;
  /** The argv index of the refused key or channel (0 for a refused command). */
  index: number;
}

const permsCache = new WeakMap<readonly string[], number>();

/** The access a key-spec flag list needs: read for ACCESS, write for INSERT, DELETE or UPDATE. */
export function keyPerms(flags: readonly string[]): number {
  let p = permsCache.get(flags);
  if (p === undefined) {
    p = 0;
    for (const f of flags) {
      const l = f.toLowerCase();
      if (l === 'access') p |= PERM_READ;
      else if (l === 'insert' || l === 'delete' || l === 'update') p |= PERM_WRITE;
    }
    permsCache.set(flags, p);
  }
  return p;
}

export function selectorAllowsKey(s: Selector, key: string, perms: number): boolean {
  if (s.allKeys) return true;
  for (const k of s.keys) {
    if ((k.perms & perms) !== perms) continue;
    if (stringMatch(k.pattern, key)) return true;
  }
  return false;
}

/** A channel against a selector's channel rules; a PSUBSCRIBE pattern must equal a rule literally. */
function channelAllowed(list: readonly string[], channel: string, isPattern: boolean): boolean {
  for (const p of list) {
    if (isPattern ? p === channel : stringMatch(p, channel)) return true;
  }
  return false;
}

function selectorCommandAllowed(s: Selector, cmd: AclCommand, argv: readonly string[]): boolean {
  if (s.allCommands || cmd.command.noAuth || s.bits[cmd.id] === 1) return true;
  const allowed = s.firstArgs?.get(cmd.id);
  if (allowed === undefined || argv.length < 2) return false;
  const arg = argv[cmd.parent ? 2 : 1]?.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === arg);
}

function checkSelector(s: Selector, cmd: AclCommand, argv: readonly string[], keys: { refs: KeyRef[] | null }, out: CheckResult): Denied {
  if (!selectorCommandAllowed(s, cmd, argv)) {
    out.index = 0;
    return Denied.Command;
  }
  if (!s.allKeys && cmd.hasKeys) {
    const refs = (keys.refs ??= getKeysFromCommand(cmd.command.meta, argv));
    for (const r of refs) {
      if (!selectorAllowsKey(s, argv[r.index], keyPerms(r.flags))) {
        out.index = r.index;
        return Denied.Key;
      }
    }
  }
  if (!s.allChannels && cmd.channels !== ChannelArgs.None) {
    const last = cmd.channels === ChannelArgs.First ? Math.min(2, argv.length) : argv.length;
    const isPattern = cmd.channels === ChannelArgs.AllPatterns;
    for (let i = 1; i < last; i++) {
      if (!channelAllowed(s.channels, argv[i], isPattern)) {
        out.index = i;
        return Denied.Channel;
      }
    }
  }
  return Denied.Ok;
}

/** Checks a command line against every selector of a user. */
export function checkUserCommand(u: AclUser, cmd: AclCommand, argv: readonly string[]): CheckResult {
  const result: CheckResult = { denied: Denied.Command, index: 0 };
  if (u.unrestricted) return { denied: Denied.Ok, index: 0 };
  const keys = { refs: null as KeyRef[] | null };
  const local: CheckResult = { denied: Denied.Ok, index: 0 };
  let lastIdx = 0;
  for (const s of u.selectors) {
    const d = checkSelector(s, cmd, argv, keys, local);
    if (d === Denied.Ok) return { denied: Denied.Ok, index: 0 };
    if (d > result.denied || (d === result.denied && local.index > lastIdx)) {
      result.denied = d;
      lastIdx = local.index;
    }
  }
  result.index = lastIdx;
  return result;
}

/**
 * SORT BY/GET: the user must be allowed this command by a selector that also reads every key (allkeys, or
 * a "*" pattern with read access). Counterpart: ACLUserCheckCmdWithUnrestrictedKeyAccess.
 */
export function hasUnrestrictedRead(u: AclUser, cmd: AclCommand, argv: readonly string[]): boolean {
  if (u.unrestricted) return true;
  const keys = { refs: null as KeyRef[] | null };
  const local: CheckResult = { denied: Denied.Ok, index: 0 };
  for (const s of u.selectors) {
    if (checkSelector(s, cmd, argv, keys, local) !== Denied.Ok) continue;
    if (s.allKeys) return true;
    if (s.keys.some((k) => (k.perms & PERM_READ) !== 0 && k.pattern === '*')) return true;
  }
  return false;
}

/** Can the user still use this channel (or, literally, this pattern)? For cutting off subscribers. */
export function userAllowsChannel(u: AclUser, channel: string, isPattern: boolean): boolean {
  for (const s of u.selectors) {
    if (s.allChannels) return true;
    if (channelAllowed(s.channels, channel, isPattern)) return true;
  }
  return false;
}
