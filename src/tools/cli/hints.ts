// Shows the argument hint in grey after the text being typed, as redis-cli's line editor does, on top
// of node:readline (which has no hint support): after each key the hint is redrawn past the end of the
// typed text and the cursor put back. Counterpart: linenoise's refreshShowHints as redis-cli uses it.
import type { Interface } from 'node:readline';
import type { EventEmitter } from 'node:events';
import type { CliIo } from './io.js';
import type { HelpTable } from './help-table.js';
import { hintFor } from './help.js';

interface ReadlineState {
  line: string;
  cursor: number;
}

export function attachHints(
  rl: Interface,
  io: CliIo,
  table: HelpTable,
  enabled: () => boolean,
  prompt: () => string,
  color = true,
): void {
  const input = io.stdin as unknown as EventEmitter;
  const state = rl as unknown as ReadlineState;
  let shown = false;

  // Erases the hint without touching the typed text: jump past the text, clear to the end of the line, jump back.
  const clear = () => {
    if (!shown) return;
    const ahead = state.line.length - state.cursor;
    io.stdout.write('\x1b7' + (ahead > 0 ? `\x1b[${ahead}C` : '') + '\x1b[0K\x1b8');
    shown = false;
  };

  // Before readline acts on Enter, so the submitted line stays as typed.
  input.prependListener('keypress', (_s: string, key: { name?: string } | undefined) => {
    if (key && (key.name === 'return' || key.name === 'enter')) clear();
  });

  input.on('keypress', (_s: string, key: { name?: string } | undefined) => {
    if (key && (key.name === 'return' || key.name === 'enter')) {
      shown = false;
      return;
    }
    const line = state.line;
    const cols = io.stdout.columns ?? 80;
    const used = prompt().length + line.length;
    const hint = enabled() && line.length > 0 && used < cols ? hintFor(line, table) : null;
    if (!hint) {
      clear();
      return;
    }
    const text = hint.slice(0, cols - used);
    const ahead = line.length - state.cursor;
    io.stdout.write(
      '\x1b7' + (ahead > 0 ? `\x1b[${ahead}C` : '') + '\x1b[0K' + (color ? `\x1b[0;90;49m${text}\x1b[0m` : text) + '\x1b8',
    );
    shown = true;
  });
}
