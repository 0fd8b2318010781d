// defineCommand(): binds behaviour to a command's metadata in src/spec/table by name.
import type { Execute } from './types.js';

export interface CommandImpl {
  /** Lower-case name as in the table: "get", or "config|get" for a subcommand. */
  readonly name: string;
  readonly execute: Execute;
}

export function defineCommand(name: string, execute: Execute): CommandImpl {
  return { name, execute };
}
