// The cli's command help: one entry per command and subcommand with its argument synopsis, built from
// the server's COMMAND DOCS or, when no server answers, from the built-in command table.
// Counterpart: cliInitHelp / cliInitCommandHelpEntries / cliAddArgument in Redis's redis-cli.c.
import type { ReplyNode } from '../../protocol/reply-decoder.js';

export interface HelpEntry {
  /** Upper-case words of the name: ["CONFIG", "GET"]. */
  argv: string[];
  full: string;
  /** Argument synopsis, e.g. "key value [NX|XX]". */
  params: string;
  summary: string;
  since: string;
  group: string;
}

export interface HelpTable {
  commands: HelpEntry[];
  /** Group names as `help @<group>` takes them. */
  groups: string[];
}

/** An argument as COMMAND DOCS describes it. */
export interface DocArg {
  name: string;
  type: string;
  token?: string;
  display_text?: string;
  flags?: string[];
  arguments?: DocArg[];
}

interface DocCommand {
  summary?: string;
  since?: string;
  group?: string;
  arguments?: DocArg[];
  subcommands?: Array<[string, DocCommand]>;
}

/** Synopsis of one argument: "[EX seconds|PX milliseconds]", "key [key ...]", "[LIMIT offset count]". */
export function argumentSynopsis(arg: DocArg): string {
  const name = arg.display_text ?? arg.name;
  let repeat = '';
  switch (arg.type) {
    case 'oneof':
      repeat = (arg.arguments ?? []).map(argumentSynopsis).join('|');
      break;
    case 'block':
      repeat = (arg.arguments ?? []).map(argumentSynopsis).join(' ');
      break;
    case 'pure-token':
      break;
    default:
      repeat = name;
  }
  const flags = arg.flags ?? [];
  let token = arg.token ?? '';
  if (token !== '' && arg.type !== 'pure-token') token += ' ';
  let out = token + repeat;
  if (flags.includes('multiple')) {
    out += ' [' + (flags.includes('multiple_token') ? token : '') + repeat + ' ...]';
  }
  return flags.includes('optional') ? `[${out}]` : out;
}

export function synopsis(args: DocArg[] | undefined): string {
  return (args ?? []).map(argumentSynopsis).join(' ');
}

function pairs(node: ReplyNode | undefined): Array<[string, ReplyNode]> {
  if (!node) return [];
  if (node.type === 'attribute') return pairs(node.value);
  if (node.type !== 'map' && node.type !== 'array') return [];
  const out: Array<[string, ReplyNode]> = [];
  for (let i = 0; i + 1 < node.items.length; i += 2) out.push([text(node.items[i]), node.items[i + 1]!]);
  return out;
}

function text(node: ReplyNode | undefined): string {
  if (!node) return '';
  switch (node.type) {
    case 'bulk':
    case 'verbatim':
      return node.value.toString('utf8');
    case 'status':
    case 'double':
    case 'bignum':
    case 'error':
      return node.value;
    case 'integer':
      return String(node.value);
    default:
      return '';
  }
}

function list(node: ReplyNode | undefined): ReplyNode[] {
  if (!node) return [];
  return node.type === 'array' || node.type === 'set' ? node.items : [];
}

function docArg(node: ReplyNode): DocArg {
  const arg: DocArg = { name: '', type: '' };
  for (const [k, v] of pairs(node)) {
    if (k === 'name') arg.name = text(v);
    else if (k === 'type') arg.type = text(v);
    else if (k === 'token') arg.token = text(v);
    else if (k === 'display_text') arg.display_text = text(v);
    else if (k === 'flags') arg.flags = list(v).map(text);
    else if (k === 'arguments') arg.arguments = list(v).map(docArg);
  }
  return arg;
}

function docCommand(node: ReplyNode): DocCommand {
  const doc: DocCommand = {};
  for (const [k, v] of pairs(node)) {
    if (k === 'summary') doc.summary = text(v);
    else if (k === 'since') doc.since = text(v);
    else if (k === 'group') doc.group = text(v);
    else if (k === 'arguments') doc.arguments = list(v).map(docArg);
    else if (k === 'subcommands') doc.subcommands = pairs(v).map(([name, d]) => [name, docCommand(d)]);
  }
  return doc;
}

function entry(name: string, doc: DocCommand): HelpEntry {
  const argv = name.toUpperCase().split('|');
  return {
    argv,
    full: argv.join(' '),
    params: synopsis(doc.arguments),
    summary: doc.summary ?? '',
    since: doc.since ?? '',
    group: doc.group ?? '',
  };
}

function finish(commands: HelpEntry[]): HelpTable {
  commands.sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
  const groups = [...new Set(commands.map((c) => c.group).filter((g) => g !== ''))].sort();
  return { commands, groups };
}

/** From a COMMAND DOCS reply (RESP2 flat array or RESP3 map); null if the reply is not usable. */
export function tableFromCommandDocs(reply: ReplyNode): HelpTable | null {
  const top = pairs(reply);
  if (top.length === 0) return null;
  const commands: HelpEntry[] = [];
  for (const [name, node] of top) {
    const doc = docCommand(node);
    commands.push(entry(name, doc));
    for (const [subName, sub] of doc.subcommands ?? []) commands.push(entry(subName, sub));
  }
  return finish(commands);
}

interface TableMeta {
  name: string;
  docs: { summary: string; since: string; group: string; arguments?: DocArg[] };
  subcommands?: TableMeta[];
}

/** From the built-in command table, loaded only when needed so the cli starts fast. */
export async function tableFromBuiltin(): Promise<HelpTable> {
  const { commandTable } = (await import('../../spec/table/index.js')) as { commandTable: TableMeta[] };
  const commands: HelpEntry[] = [];
  const add = (m: TableMeta) => {
    commands.push(entry(m.name, m.docs));
    for (const s of m.subcommands ?? []) add(s);
  };
  for (const m of commandTable) add(m);
  return finish(commands);
}
