// The commands ACL rules can name: every registered command and subcommand gets a small id (an index into each
// selector's permission bytes), its category mask, whether it takes keys, and how it names Pub/Sub channels.
// Counterpart: ACLGetCommandID and ACLLookupCommand (acl.c), lookupCommandBySdsLogic (server.c).
import type { Command, KeySpec } from '../spec/types.js';
import { commandHasKeys } from '../spec/keys.js';
import { categoryMask } from './categories.js';

/** How a command names Pub/Sub channels, for the channel checks (PUBLISH, SUBSCRIBE, PSUBSCRIBE...). */
export const enum ChannelArgs {
  None = 0,
  /** argv[1] is a channel (PUBLISH, SPUBLISH). */
  First = 1,
  /** argv[1..] are channels (SUBSCRIBE, SSUBSCRIBE). */
  All = 2,
  /** argv[1..] are patterns, compared literally with the user's channel rules (PSUBSCRIBE). */
  AllPatterns = 3,
}

const CHANNEL_ARGS: Record<string, ChannelArgs> = {
  publish: ChannelArgs.First,
  spublish: ChannelArgs.First,
  subscribe: ChannelArgs.All,
  ssubscribe: ChannelArgs.All,
  psubscribe: ChannelArgs.AllPatterns,
};

export const PERM_READ = 1;
export const PERM_WRITE = 2;

/** The access a key-spec flag list needs: read for ACCESS, write for INSERT, DELETE or UPDATE. */
export function keyPerms(flags: readonly string[]): number {
  let p = 0;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (f === 'access') p |= PERM_READ;
    else if (f === 'insert' || f === 'delete' || f === 'update') p |= PERM_WRITE;
  }
  return p;
}

/**
 * Keys at fixed positions (GET k, SET k v, COPY a b...): [index, perms, index, perms...], so the check needs
 * no key extraction. Null when a spec depends on the arguments (counted, keyword, variable flags).
 */
function fixedKeyPlan(specs: readonly KeySpec[]): Int32Array | null {
  if (specs.length === 0) return null;
  const plan: number[] = [];
  for (const s of specs) {
    if (s.flags.some((f) => f === 'variable_flags' || f === 'incomplete' || f === 'not_key')) return null;
    if (s.begin_search.type !== 'index' || s.find_keys.type !== 'range') return null;
    const first = s.begin_search.spec.index ?? 0;
    const lastkey = s.find_keys.spec.lastkey ?? 0;
    const step = s.find_keys.spec.keystep ?? 1;
    if (first < 1 || lastkey < 0 || step < 1) return null;
    for (let i = first; i <= first + lastkey; i += step) plan.push(i, keyPerms(s.flags));
  }
  return Int32Array.from(plan);
}

export interface AclCommand {
  id: number;
  /** Lower-case full name: "get", "config|get". */
  name: string;
  categories: number;
  hasKeys: boolean;
  /** Fixed key positions and access, or null to extract keys from the argv. */
  keyPlan: Int32Array | null;
  channels: ChannelArgs;
  parent: AclCommand | null;
  subcommands: Map<string, AclCommand> | null;
  command: Command;
}

export interface CommandSource {
  readonly commands: Map<string, Command>;
}

export class AclCommandTable {
  /** Top-level commands in registry order (ACL CAT lists them, then their subcommands). */
  readonly top: AclCommand[] = [];
  readonly byId: AclCommand[] = [];
  private readonly byName = new Map<string, AclCommand>();
  /** By command object: the dispatcher's lookup, keyed by identity (cheaper than hashing the name). */
  private readonly byCommand = new Map<Command, AclCommand>();

  constructor(source: CommandSource | null) {
    if (source === null) return;
    for (const cmd of source.commands.values()) this.top.push(this.add(cmd, null));
  }

  private add(cmd: Command, parent: AclCommand | null): AclCommand {
    const entry: AclCommand = {
      id: this.byId.length,
      name: cmd.name,
      categories: categoryMask(cmd.meta.acl),
      hasKeys: commandHasKeys(cmd.meta),
      keyPlan: fixedKeyPlan(cmd.meta.keySpecs),
      channels: CHANNEL_ARGS[cmd.name] ?? ChannelArgs.None,
      parent,
      subcommands: null,
      command: cmd,
    };
    this.byId.push(entry);
    this.byName.set(cmd.name, entry);
    this.byCommand.set(cmd, entry);
    if (cmd.subcommands) {
      entry.subcommands = new Map();
      for (const [sub, sc] of cmd.subcommands) entry.subcommands.set(sub, this.add(sc, entry));
    }
    return entry;
  }

  /** Ids in use; the id just past them is the "future commands" marker that +@all sets. */
  get size(): number {
    return this.byId.length;
  }

  /** The entry for a registered command object (the dispatcher's lookup result). */
  of(cmd: Command): AclCommand | undefined {
    return this.byCommand.get(cmd) ?? this.byName.get(cmd.name);
  }

  /**
   * Looks up "name" or "container|sub" case-insensitively, strictly as Redis's ACL does: a "|" form
   * needs a container with that subcommand, and more than one "|" names nothing.
   */
  lookup(text: string): AclCommand | undefined {
    const parts = text.toLowerCase().split('|');
    if (parts.length > 2) return undefined;
    const base = this.byName.get(parts[0]);
    if (base === undefined || base.parent !== null) return undefined;
    if (parts.length === 1) return base;
    if (base.subcommands === null) return undefined;
    return base.subcommands.get(parts[1]);
  }
}
