// Renders command metadata as COMMAND INFO and COMMAND DOCS replies, and looks commands up by the
// "container|sub" names those subcommands accept.
// Counterpart: addReplyCommandInfo / addReplyCommandDocs and their helpers in Redis's server.c.
// Reply types follow the reference server byte for byte: flags, ACL categories and doc flags are status
// strings in sets; tips, key specs, history and a leaf command's (empty) subcommand list are sets too,
// while a container's subcommands and the argument lists are arrays.
import { MapReply, SetReply, Status, type Reply } from '../../../protocol/reply.js';
import { legacyKeyRange } from '../../../spec/keys.js';
import type { ArgSpec, Command, CommandMeta, KeySpec } from '../../../spec/types.js';
import type { CommandContext } from '../../../spec/context.js';

type Registry = CommandContext['server']['registry'];

const statusSet = (items: readonly string[]) => new SetReply(items.map((s) => new Status(s)));

/** Field order of each begin_search / find_keys spec type on the wire. */
const SPEC_FIELDS: Record<string, readonly string[]> = {
  index: ['index'],
  keyword: ['keyword', 'startfrom'],
  range: ['lastkey', 'keystep', 'limit'],
  keynum: ['keynumidx', 'firstkey', 'keystep'],
  unknown: [],
};

function searchSpecReply(type: string, spec: Record<string, string | number | undefined>): MapReply {
  const flat: Reply[] = [];
  for (const field of SPEC_FIELDS[type] ?? Object.keys(spec)) {
    const v = spec[field];
    if (v !== undefined) flat.push(field, v);
  }
  return new MapReply(['type', type, 'spec', new MapReply(flat)]);
}

function keySpecReply(ks: KeySpec): MapReply {
  const flat: Reply[] = [];
  if (ks.notes !== undefined) flat.push('notes', ks.notes);
  flat.push(
    'flags',
    statusSet(ks.flags),
    'begin_search',
    searchSpecReply(ks.begin_search.type, ks.begin_search.spec),
    'find_keys',
    searchSpecReply(ks.find_keys.type, ks.find_keys.spec),
  );
  return new MapReply(flat);
}

/** One command's COMMAND INFO entry (its subcommands nested the same way). */
export function commandInfoReply(meta: CommandMeta): Reply[] {
  const [first, last, step] = legacyKeyRange(meta);
  const subs = meta.subcommands;
  return [
    meta.name,
    meta.arity,
    statusSet(meta.flags),
    first,
    last,
    step,
    statusSet(meta.acl),
    new SetReply(meta.tips.slice()),
    new SetReply(meta.keySpecs.map(keySpecReply)),
    subs && subs.length > 0 ? subs.map(commandInfoReply) : new SetReply([]),
  ];
}

function argReply(arg: ArgSpec): MapReply {
  const flat: Reply[] = ['name', arg.name, 'type', arg.type];
  if (arg.key_spec_index !== undefined) flat.push('key_spec_index', arg.key_spec_index);
  if (arg.token !== undefined) flat.push('token', arg.token);
  if (arg.summary !== undefined) flat.push('summary', arg.summary);
  if (arg.since !== undefined) flat.push('since', arg.since);
  if (arg.deprecated_since !== undefined) flat.push('deprecated_since', arg.deprecated_since);
  if (arg.display_text !== undefined) flat.push('display_text', arg.display_text);
  if (arg.flags !== undefined && arg.flags.length > 0) flat.push('flags', statusSet(arg.flags));
  if (arg.arguments !== undefined) flat.push('arguments', arg.arguments.map(argReply));
  return new MapReply(flat);
}

/** One command's COMMAND DOCS map (without its name, which the caller puts before it). */
export function commandDocsReply(meta: CommandMeta): MapReply {
  const d = meta.docs;
  const flat: Reply[] = [];
  if (d.summary !== undefined) flat.push('summary', d.summary);
  if (d.since !== undefined) flat.push('since', d.since);
  flat.push('group', d.group);
  if (d.complexity !== undefined) flat.push('complexity', d.complexity);
  if (d.doc_flags !== undefined && d.doc_flags.length > 0) flat.push('doc_flags', statusSet(d.doc_flags));
  if (d.deprecated_since !== undefined) flat.push('deprecated_since', d.deprecated_since);
  if (d.replaced_by !== undefined) flat.push('replaced_by', d.replaced_by);
  if (d.history !== undefined && d.history.length > 0) {
    flat.push('history', new SetReply(d.history.map(([version, text]) => [version, text])));
  }
  if (d.arguments !== undefined && d.arguments.length > 0) flat.push('arguments', d.arguments.map(argReply));
  if (meta.subcommands !== undefined && meta.subcommands.length > 0) {
    const subs: Reply[] = [];
    for (const s of meta.subcommands) subs.push(s.name, commandDocsReply(s));
    flat.push('subcommands', new MapReply(subs));
  }
  return new MapReply(flat);
}

/** Every registered command's COMMAND INFO entry: what bare COMMAND and argument-less COMMAND INFO reply. */
export function allCommandsInfo(registry: Registry): Reply[] {
  const out: Reply[] = [];
  for (const c of registry.commands.values()) out.push(commandInfoReply(c.meta));
  return out;
}

/**
 * A command by the name COMMAND INFO / DOCS accept: "get", or "config|get" for a subcommand (any case).
 * Deeper paths and unknown parts find nothing.
 */
export function lookupByFullName(registry: Registry, name: string): Command | undefined {
  const bar = name.indexOf('|');
  if (bar < 0) return registry.lookup(name);
  const rest = name.slice(bar + 1);
  if (rest.includes('|')) return undefined;
  return registry.lookup(name.slice(0, bar))?.subcommands?.get(rest.toLowerCase());
}
