// The interactive loop: prompt, line splitting, "N command" repeats, history that skips secrets,
// quit/exit/clear/connect, preferences, and commands read from a pipe when stdin is not a terminal.
// Counterpart: repl(), isSensitiveCommand and cliSetPreferences in Redis's redis-cli.c (linenoise's
// part is node:readline here, with the hint overlay in hints.ts).
import { createInterface, type Interface } from 'node:readline';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from './session.js';
import { splitArgs } from './split-args.js';
import { completionsFor } from './help.js';
import { attachHints } from './hints.js';
import type { HelpTable } from './help-table.js';

const HISTORY_MAX = 100;

/** AUTH and friends carry passwords: they never reach the history file. */
export function isSensitiveCommand(argv: string[]): boolean {
  const a = argv.map((s) => s.toLowerCase());
  const n = a.length;
  if (a[0] === 'auth') return true;
  if (n > 1 && a[0] === 'acl' && a[1] === 'setuser') return true;
  if (n > 2 && a[0] === 'config' && a[1] === 'set') return ['masterauth', 'masteruser', 'requirepass'].includes(a[2]!);
  if (n > 4 && a[0] === 'hello') {
    for (let j = 2; j < n; j++) {
      const more = n - 1 - j;
      if (a[j] === 'auth' && more >= 2) return true;
      if (a[j] === 'setname' && more > 0) j++;
      else return false;
    }
  }
  if (n > 7 && a[0] === 'migrate') {
    for (let j = 6; j < n; j++) {
      const more = n - 1 - j;
      if (a[j] === 'auth' && more > 0) return true;
      if (a[j] === 'auth2' && more >= 2) return true;
      if (a[j] === 'keys' && more > 0) return false;
    }
  }
  return false;
}

/** A leading count ("3 incr x"): the whole first word must be a number, as strtol with a full match. */
function repeatPrefix(argv: string[]): number | 'invalid' | null {
  if (argv.length < 2 || !/^(\s*[-+]?\d+)?$/.test(argv[0]!)) return null;
  const n = argv[0] === '' ? 0 : Number(argv[0]);
  if (!Number.isSafeInteger(n) || n <= 0) return 'invalid';
  return n;
}

/** The dotfile path from an environment variable or the home directory; null when set to /dev/null. */
function dotfile(session: Session, envNames: string[], name: string): string | null {
  for (const e of envNames) {
    const v = session.io.env[e];
    if (v !== undefined && v !== '') return v === '/dev/null' ? null : v;
  }
  return join(session.io.home, name);
}

interface ReplState {
  hints: boolean;
  history: string[] | null;
  historyFile: string | null;
  rl: Interface | null;
}

/** `:set hints` / `:set nohints`; anything else is reported, prefixed with the file name when it came from the rc file. */
function setPreference(state: ReplState, argv: string[], session: Session, interactive: boolean): void {
  const where = interactive ? '' : '.redisclirc: ';
  if (argv[0]!.toLowerCase() === ':set' && argv.length >= 2) {
    const what = argv[1]!.toLowerCase();
    if (what === 'hints') state.hints = true;
    else if (what === 'nohints') state.hints = false;
    else session.out(`${where}unknown redis-cli preference '${argv[1]}'\n`);
  } else {
    session.out(`${where}unknown redis-cli internal command '${argv[0]}'\n`);
  }
}

/**
 * The startup file: $CINNABARCLI_RCFILE or $REDISCLI_RCFILE, else ~/.cinnabarclirc when it exists, else
 * ~/.redisclirc (so an existing redis-cli setup carries over). Every non-blank line is a preference.
 */
function loadPreferences(state: ReplState, session: Session): void {
  let file = dotfile(session, ['CINNABARCLI_RCFILE', 'REDISCLI_RCFILE'], '.cinnabarclirc');
  if (!file) return;
  if (!existsSync(file) && file === join(session.io.home, '.cinnabarclirc')) file = join(session.io.home, '.redisclirc');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  for (const line of text.split('\n')) {
    const argv = splitArgs(line);
    if (argv && argv.length > 0) setPreference(state, argv, session, false);
  }
}

function remember(state: ReplState, line: string): void {
  if (!state.history) return;
  if (state.history[state.history.length - 1] !== line) state.history.push(line);
  if (state.history.length > HISTORY_MAX) state.history.splice(0, state.history.length - HISTORY_MAX);
  if (state.historyFile) {
    try {
      writeFileSync(state.historyFile, state.history.join('\n') + '\n', { mode: 0o600 });
    } catch {
      // An unwritable history file must not break the session.
    }
  }
}

/** Handles one line; resolves with an exit code when the session must end. */
async function processLine(session: Session, state: ReplState, line: string): Promise<number | null> {
  if (line === '') return null;
  const argv = splitArgs(line);
  if (argv === null) {
    session.out('Invalid argument(s)\n');
    remember(state, line);
    return null;
  }
  if (argv.length === 0) return null;
  let repeat = 1;
  let args = argv;
  const prefix = repeatPrefix(argv);
  if (prefix === 'invalid') {
    session.out('Invalid redis-cli repeat command option value.\n');
    return null;
  }
  if (prefix !== null) {
    repeat = prefix;
    args = argv.slice(1);
  }
  if (isSensitiveCommand(args)) {
    // node:readline records every line itself; take the secret back out.
    const h = (state.rl as unknown as { history?: string[] } | null)?.history;
    if (h && h[0] === line) h.shift();
  } else {
    remember(state, line);
  }
  const name = args[0]!.toLowerCase();
  if (name === 'quit' || name === 'exit') return 0;
  if (args[0]!.startsWith(':')) {
    setPreference(state, args, session, true);
    return null;
  }
  if (args.length === 3 && name === 'connect') {
    session.opts.host = args[1]!;
    session.opts.port = Number.parseInt(args[2]!, 10) || 0;
    await session.connect(true);
    return null;
  }
  if (args.length === 1 && name === 'clear') {
    session.out('\x1b[H\x1b[2J');
    return null;
  }
  const start = Date.now();
  const result = await session.issue(args, repeat);
  if (result === 'exit-error') return 1;
  const elapsed = Date.now() - start;
  if (elapsed >= 500 && session.fmt.mode === 'standard') session.out(`(${(elapsed / 1000).toFixed(2)}s)\n`);
  return null;
}

/** Runs the interactive session; resolves with the exit code. */
export async function repl(session: Session): Promise<number> {
  const { io } = session;
  session.interactive = true;
  await session.connect();
  const tty = Boolean(io.stdin.isTTY);
  const state: ReplState = { hints: true, history: null, historyFile: null, rl: null };
  let table: HelpTable | null = null;
  if (tty) {
    state.historyFile = dotfile(session, ['CINNABARCLI_HISTFILE', 'REDISCLI_HISTFILE'], '.cinnabarcli_history');
    state.history = [];
    if (state.historyFile) {
      try {
        state.history = readFileSync(state.historyFile, 'utf8').split('\n').filter((l) => l !== '').slice(-HISTORY_MAX);
      } catch {
        // no history yet
      }
    }
    loadPreferences(state, session);
    table = await session.helpTable();
  }
  const rl = createInterface({
    input: io.stdin,
    output: tty ? io.stdout : undefined,
    terminal: tty,
    history: state.history ? [...state.history].reverse() : [],
    historySize: HISTORY_MAX,
    removeHistoryDuplicates: false,
    completer: table ? (line: string) => [completionsFor(line, table!), line] : undefined,
  });
  state.rl = rl;
  const color = tty && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  // Hints show on any terminal; NO_COLOR only drops their grey colour.
  if (table && tty && io.stdout.isTTY === true) attachHints(rl, io, table, () => state.hints, () => session.prompt(), color);

  let busy = false;
  let interrupt: ((code: number) => void) | null = null;
  const interrupted = new Promise<number>((resolve) => (interrupt = resolve));
  rl.on('SIGINT', () => {
    if (!busy) return rl.close();
    // Ctrl-C while a stream runs goes back to the prompt; during any other command it ends the cli.
    if (session.stopStream) {
      // The terminal echoes ^C for redis-cli, which leaves raw mode while a stream runs.
      if (tty) io.stdout.write('^C');
      session.stopStream();
    }
    else interrupt!(1);
  });

  const prompt = () => {
    if (!tty) return;
    rl.setPrompt(session.prompt());
    rl.prompt();
  };
  let code = 0;
  let ended = false;
  prompt();
  try {
    for await (const line of rl) {
      busy = true;
      const result = await Promise.race([processLine(session, state, line), interrupted]);
      busy = false;
      if (result !== null) {
        code = result;
        ended = true;
        break;
      }
      prompt();
    }
  } finally {
    rl.close();
  }
  // Ctrl-C or Ctrl-D at the prompt: the line editor ends the prompt's line, as linenoise does.
  if (!ended && tty) io.stdout.write('\n');
  return code;
}
