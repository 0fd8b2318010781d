// Rule-list helpers shared by ACL SETUSER, `user` lines in the config file and ACL LOAD: joining a selector
// written over several arguments, and Redis's wording for each kind of bad rule.
// Counterpart: ACLMergeSelectorArguments and ACLSetUserStringError (acl.c).
import type { RuleError } from './selector.js';

const MESSAGES: Record<RuleError, string> = {
  ENOENT: 'Unknown command or category name in ACL',
  EINVAL: 'Syntax error',
  EEXIST:
    "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns",
  EISDIR:
    "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels",
  ENODEV: 'The password you are trying to remove from the user does not exist',
  EBADMSG: 'The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters',
  EALREADY: 'Duplicate user found. A user can only be defined once in config files',
  ECHILD: 'Allowing first-arg of a subcommand is not supported',
};

export function ruleErrorMessage(code: RuleError): string {
  return MESSAGES[code] ?? 'Wrong format';
}

/**
 * Joins "(+get" "~k*)" into "(+get ~k*)". Returns the merged rules, or the index of the argument that opens a
 * parenthesis never closed.
 */
export function mergeSelectorArgs(args: readonly string[]): { rules: string[] } | { unmatched: number } {
  const rules: string[] = [];
  let open = -1;
  let acc = '';
  for (let j = 0; j < args.length; j++) {
    const op = args[j];
    if (open === -1 && op[0] === '(' && op[op.length - 1] !== ')') {
      acc = op;
      open = j;
      continue;
    }
    if (open !== -1) {
      acc += ' ' + op;
      if (op[op.length - 1] === ')') {
        open = -1;
        rules.push(acc);
      }
      continue;
    }
    rules.push(op);
  }
  if (open !== -1) return { unmatched: open };
  return { rules };
}
