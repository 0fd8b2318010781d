// The commands ACL rules can name: every registered command and subcommand gets a small id (an index into each
// selector's permission bytes), its category mask, whether it takes keys, and how it names Pub/Sub channels.
// Counterpart: ACLGetCommandID and ACLLookupCommand (acl.c), lookupCommandBySdsLogic (server.c).
import type { Command } from '../spec/types.js';
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

export interface AclCommand {
  id: number;
  /** Lower-case full name: "get", "config|get". */
  name: string;
  categories: number;
  hasKeys: boolean;
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
      channels: CHANNEL_ARGS[cmd.name] ?? ChannelArgs.None,
      parent,
      subcommands: null,
      command: cmd,
    };
    this.byId.push(entry);
    this.byName.set(cmd.name, entry);
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
    return this.byName.get(cmd.name);
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
