// The command registry: joins generated metadata (src/spec/table) with implementations (src/cmds)
// into Command objects the dispatcher looks up. Only implemented commands are registered, so
// COMMAND, COMMAND COUNT and the unknown-command error all describe what this server really does.
import type { Command, CommandMeta } from './types.js';
import type { CommandImpl } from './define.js';
import { commandTable } from './table/index.js';
import { extraTable } from './extra-table.js';

function makeCommand(meta: CommandMeta, impls: Map<string, CommandImpl>, parent?: Command): Command | null {
  const impl = impls.get(meta.name);
  const f = new Set(meta.flags);
  const cmd: Command = {
    meta,
    name: meta.name,
    fullName: meta.name,
    arity: meta.arity,
    execute: impl?.execute,
    parent,
    isWrite: f.has('write'),
    isReadonly: f.has('readonly'),
    denyOom: f.has('denyoom'),
    isAdmin: f.has('admin'),
    noScript: f.has('noscript'),
    allowLoading: f.has('loading'),
    allowStale: f.has('stale'),
    noAuth: f.has('no_auth'),
    noMulti: f.has('no_multi'),
    isFast: f.has('fast'),
    allowBusy: f.has('allow_busy'),
    isBlocking: f.has('blocking'),
    skipMonitor: f.has('skip_monitor'),
    skipSlowlog: f.has('skip_slowlog'),
    // Commands of these groups store or delete whole values and never change an aggregate in place.
    repriceKeys: f.has('write') && meta.docs.group !== 'string' && meta.docs.group !== 'generic',
    calls: 0,
    usec: 0,
    rejectedCalls: 0,
    failedCalls: 0,
    latencyHist: null,
  };
  if (meta.subcommands) {
    const subs = new Map<string, Command>();
    const kept: CommandMeta[] = [];
    for (const sm of meta.subcommands) {
      const sc = makeCommand(sm, impls, cmd);
      if (sc) {
        subs.set(sm.name.slice(sm.name.indexOf('|') + 1), sc);
        kept.push(sm);
      }
    }
    if (subs.size === 0) return null;
    cmd.subcommands = subs;
    cmd.meta = { ...meta, subcommands: kept };
  } else if (!impl) {
    return null;
  }
  return cmd;
}

export class Registry {
  readonly commands = new Map<string, Command>();
  /** Lower- and upper-case spellings, so the common cases need no toLowerCase() per request. */
  private readonly fast = new Map<string, Command>();

  constructor(impls: CommandImpl[]) {
    const byName = new Map<string, CommandImpl>();
    for (const i of impls) {
      if (byName.has(i.name)) throw new Error(`command ${i.name} defined twice`);
      byName.set(i.name, i);
    }
    const metas = new Map<string, CommandMeta>();
    for (const m of commandTable) metas.set(m.name, m);
    for (const m of extraTable) mergeMeta(metas, m);
    const used = new Set<string>();
    for (const meta of metas.values()) {
      const cmd = makeCommand(meta, byName);
      if (!cmd) continue;
      this.commands.set(meta.name, cmd);
      used.add(meta.name);
      if (cmd.subcommands) for (const s of cmd.subcommands.values()) used.add(s.name);
    }
    for (const [name, cmd] of this.commands) {
      this.fast.set(name, cmd);
      this.fast.set(name.toUpperCase(), cmd);
    }
    for (const name of byName.keys()) {
      if (!used.has(name)) throw new Error(`command ${name} has an implementation but no metadata`);
    }
  }

  /** The previous lookup: a pipeline mostly repeats one command, whose name the parser interns. */
  private lastName = '';
  private lastCmd: Command | undefined = undefined;

  /** Looks a command up by its (any-case) name. */
  lookup(name: string): Command | undefined {
    if (name === this.lastName) return this.lastCmd;
    const cmd = this.fast.get(name) ?? this.commands.get(name.toLowerCase());
    this.lastName = name;
    this.lastCmd = cmd;
    return cmd;
  }

  /**
   * rename-command: the command answers to `to` from now on, or to nothing when `to` is empty. Null,
   * or Redis's error text. Subcommands can't be renamed (redis-server crashes on them).
   */
  rename(from: string, to: string): string | null {
    const name = from.toLowerCase();
    const cmd = this.commands.get(name);
    if (cmd === undefined) return 'No such command in rename-command';
    this.lastName = '';
    this.lastCmd = undefined;
    this.commands.delete(name);
    this.fast.delete(name);
    this.fast.delete(from.toUpperCase());
    if (to === '') return null;
    const target = to.toLowerCase();
    if (this.commands.has(target)) return 'Target command name already exists';
    this.commands.set(target, cmd);
    this.fast.set(target, cmd);
    this.fast.set(to.toUpperCase(), cmd);
    return null;
  }

  /** Every registered command and subcommand, for COMMAND LIST / INFO / stats. */
  *all(): IterableIterator<Command> {
    for (const c of this.commands.values()) {
      yield c;
      if (c.subcommands) yield* c.subcommands.values();
    }
  }
}

/** Adds or replaces a command (or some of its subcommands) in the metadata map. */
function mergeMeta(metas: Map<string, CommandMeta>, m: CommandMeta): void {
  const existing = metas.get(m.name);
  if (!existing || !m.subcommands || !existing.subcommands) {
    metas.set(m.name, m);
    return;
  }
  const subs = new Map(existing.subcommands.map((s) => [s.name, s]));
  for (const s of m.subcommands) subs.set(s.name, s);
  metas.set(m.name, { ...existing, subcommands: [...subs.values()].sort((a, b) => a.name.localeCompare(b.name)) });
}
