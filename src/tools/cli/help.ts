// What the cli shows about commands: `help <command>`, `help @<group>`, the generic help, the argument
// hint after what is typed, and tab completion of names. Counterpart: cliOutputHelp,
// cliOutputCommandHelp, hintsCallback and completionCallback in Redis's redis-cli.c.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HelpEntry, HelpTable } from './help-table.js';
import { splitArgs } from './split-args.js';

let cachedVersion: string | undefined;

/** The package version, found by walking up from this module to the project's package.json. */
export function cliVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'cinnabar' && pkg.version) return (cachedVersion = pkg.version);
      } catch {
        break;
      }
    }
    dir = dirname(dir);
  }
  return (cachedVersion = 'unknown');
}

export function genericHelp(): string {
  return (
    `cinnabar cli ${cliVersion()}\n` +
    'To get help about commands type:\n' +
    '      "help @<group>" to get a list of commands in <group>\n' +
    '      "help <command>" for help on <command>\n' +
    '      "help <tab>" to get a list of possible help topics\n' +
    '      "quit" to exit\n' +
    '\n' +
    'To set cli preferences:\n' +
    '      ":set hints" enable online hints\n' +
    '      ":set nohints" disable online hints\n' +
    'Set your preferences in ~/.cinnabarclirc\n'
  );
}

interface Style {
  bold(s: string): string;
  grey(s: string): string;
  yellow(s: string): string;
}

/** The exact escape sequences redis-cli writes, so a terminal shows the same thing. */
const ANSI: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
  grey: (s) => `\x1b[90m${s}\x1b[0m`,
  yellow: (s) => `\x1b[33m${s}\x1b[0m`,
};
const PLAIN: Style = { bold: (s) => s, grey: (s) => s, yellow: (s) => s };

function commandHelp(e: HelpEntry, withGroup: boolean, st: Style): string {
  let out = `\r\n  ${st.bold(e.full)} ${st.grey(e.params)}\r\n`;
  out += `  ${st.yellow('summary:')} ${e.summary}\r\n`;
  out += `  ${st.yellow('since:')} ${e.since}\r\n`;
  if (withGroup) out += `  ${st.yellow('group:')} ${e.group}\r\n`;
  return out;
}

/** `help` with its arguments (without the word "help"); `color` adds redis-cli's escapes. */
export function outputHelp(args: string[], table: HelpTable, color: boolean): string {
  if (args.length === 0) return genericHelp();
  const st = color ? ANSI : PLAIN;
  let out = '';
  const first = args[0]!;
  if (first.startsWith('@')) {
    const group = first.slice(1).toLowerCase();
    for (const e of table.commands) if (e.group.toLowerCase() === group) out += commandHelp(e, false, st);
  } else {
    const words = args.map((a) => a.toUpperCase());
    // Every entry whose name starts with the given words: `help config` lists CONFIG and its subcommands.
    for (const e of table.commands) {
      if (words.length <= e.argv.length && words.every((w, i) => w === e.argv[i])) out += commandHelp(e, true, st);
    }
  }
  return out + '\r\n';
}

/** The hint shown after the typed line, or null: the synopsis minus the arguments already typed. */
export function hintFor(line: string, table: HelpTable): string | null {
  const argv = splitArgs(line);
  if (!argv || argv.length === 0) return null;
  let best: HelpEntry | undefined;
  for (const e of table.commands) {
    if (e.argv.length > argv.length || (best && e.argv.length <= best.argv.length)) continue;
    if (e.argv.every((w, i) => w === argv[i]!.toUpperCase())) best = e;
  }
  if (!best) return null;
  let hint = best.params;
  // Drop one synopsis word per extra typed argument, stopping at the first optional part.
  let toRemove = argv.length - best.argv.length;
  while (toRemove > 0 && hint.length > 0) {
    if (hint[0] === '[') break;
    if (hint[0] === ' ') toRemove--;
    hint = hint.slice(1);
  }
  const endsWithSpace = /\s$/.test(line);
  return endsWithSpace ? hint : ' ' + hint;
}

/** Tab completion: whole-line candidates, command names (and after "help ", groups too). */
export function completionsFor(line: string, table: HelpTable): string[] {
  let start = 0;
  let withGroups = false;
  if (line.slice(0, 5).toLowerCase() === 'help ') {
    start = 5;
    while (start < line.length && /\s/.test(line[start]!)) start++;
    withGroups = true;
  }
  const typed = line.slice(start).toUpperCase();
  const head = line.slice(0, start);
  const names = table.commands.map((e) => e.full);
  if (withGroups) names.push(...table.groups.map((g) => '@' + g));
  return names.filter((n) => n.toUpperCase().startsWith(typed)).map((n) => head + n);
}
