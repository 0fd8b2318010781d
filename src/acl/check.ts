// Permission checks: may a user run this command line? Each selector is tried in turn (the first that allows
// everything wins); when none does, the reported failure is the most specific one (channel over key over
// command, then the last argument), as Redis reports it. Keys come from the command's key specs, with the
// spec flags deciding read (ACCESS) or write (INSERT/DELETE/UPDATE) access. The common shapes cost no
// allocation: fixed key positions are precomputed per command and results are packed in one number.
// Counterpart: ACLCheckAllUserCommandPerm, ACLSelectorCheckCmd and ACLSelectorCheckKey (acl.c).
import { getKeysFromCommand, type KeyRef } from '../spec/keys.js';
import { stringMatch } from '../util/glob.js';
import { ChannelArgs, keyPerms, PERM_READ, type AclCommand } from './command-table.js';
import { matchKey, type Selector } from './selector.js';
import type { AclUser } from './user.js';

export { keyPerms };

export const enum Denied {
  Ok = 0,
  Command = 1,
  Key = 2,
  Channel = 4,
}

/** A check result: the Denied reason in the low 3 bits, the argv index of the refused key or channel above. */
export type CheckResult = number;
export const deniedOf = (r: CheckResult): Denied => r & 7;
export const indexOf = (r: CheckResult): number => r >>> 3;
const pack = (d: Denied, index: number): CheckResult => d | (index << 3);

export function selectorAllowsKey(s: Selector, key: string, perms: number): boolean {
  if (s.allKeys) return true;
  const keys = s.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if ((k.perms & perms) === perms && matchKey(k, key)) return true;
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
  if (s.allCommands || s.bits[cmd.id] === 1 || cmd.command.noAuth) return true;
  const allowed = s.firstArgs?.get(cmd.id);
  if (allowed === undefined || argv.length < 2) return false;
  const arg = argv[cmd.parent ? 2 : 1]?.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === arg);
}

/** Every fixed key position exists in this argv (otherwise the general extraction decides). */
function planFits(plan: Int32Array, argc: number): boolean {
  for (let i = 0; i < plan.length; i += 2) if (plan[i] >= argc) return false;
  return true;
}

/** Extracted keys, shared between the selectors of one check. */
class KeyCache {
  refs: KeyRef[] | null = null;
}

function checkSelector(s: Selector, cmd: AclCommand, argv: readonly string[], cache: KeyCache | null): CheckResult {
  if (!selectorCommandAllowed(s, cmd, argv)) return Denied.Command;
  if (!s.allKeys && cmd.hasKeys) {
    const plan = cmd.keyPlan;
    if (plan !== null && planFits(plan, argv.length)) {
      for (let i = 0; i < plan.length; i += 2) {
        if (!selectorAllowsKey(s, argv[plan[i]], plan[i + 1])) return pack(Denied.Key, plan[i]);
      }
    } else {
      const refs = cache !== null ? (cache.refs ??= getKeysFromCommand(cmd.command.meta, argv)) : getKeysFromCommand(cmd.command.meta, argv);
      for (let i = 0; i < refs.length; i++) {
        const r = refs[i];
        if (!selectorAllowsKey(s, argv[r.index], keyPerms(r.flags))) return pack(Denied.Key, r.index);
      }
    }
  }
  if (!s.allChannels && cmd.channels !== ChannelArgs.None) {
    const last = cmd.channels === ChannelArgs.First ? Math.min(2, argv.length) : argv.length;
    const isPattern = cmd.channels === ChannelArgs.AllPatterns;
    for (let i = 1; i < last; i++) {
      if (!channelAllowed(s.channels, argv[i], isPattern)) return pack(Denied.Channel, i);
    }
  }
  return Denied.Ok;
}

/** Checks a command line against every selector of a user. */
export function checkUserCommand(u: AclUser, cmd: AclCommand, argv: readonly string[]): CheckResult {
  if (u.unrestricted) return Denied.Ok;
  const selectors = u.selectors;
  if (selectors.length === 1) return checkSelector(selectors[0], cmd, argv, null);
  const cache = new KeyCache();
  let best = Denied.Command as Denied;
  let bestIdx = 0;
  for (const s of selectors) {
    const r = checkSelector(s, cmd, argv, cache);
    if (r === Denied.Ok) return Denied.Ok;
    const d = deniedOf(r);
    const idx = indexOf(r);
    if (d > best || (d === best && idx > bestIdx)) {
      best = d;
      bestIdx = idx;
    }
  }
  return pack(best, bestIdx);
}

/**
 * SORT BY/GET: the user must be allowed this command by a selector that also reads every key (allkeys, or
 * a "*" pattern with read access). Counterpart: ACLUserCheckCmdWithUnrestrictedKeyAccess.
 */
export function hasUnrestrictedRead(u: AclUser, cmd: AclCommand, argv: readonly string[]): boolean {
  if (u.unrestricted) return true;
  const cache = new KeyCache();
  for (const s of u.selectors) {
    if (checkSelector(s, cmd, argv, cache) !== Denied.Ok) continue;
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
