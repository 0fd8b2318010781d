// ACL HELP - usage of the ACL subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CAT [<category>]',
  '    Without a category, list the categories; with one, the commands in it.',
  'DELUSER <username> [<username> ...]',
  '    Remove users and close their connections.',
  'DRYRUN <username> <command> [<arg> ...]',
  '    Tell whether the user could run the command line, without running it.',
  'GETUSER <username>',
  "    Show a user's flags, passwords, commands, keys, channels and selectors.",
  'GENPASS [<bits>]',
  '    Make a random password, 256 bits unless <bits> says otherwise.',
  'LIST',
  '    Show every user as a line of the ACL file.',
  'LOAD',
  '    Replace the users with those of the ACL file.',
  'LOG [<count> | RESET]',
  '    Show the newest denied commands and failed logins, or clear them.',
  'SAVE',
  '    Write the users to the ACL file.',
  'SETUSER <username> <attribute> [<attribute> ...]',
  '    Create a user or change its rules.',
  'USERS',
  '    List the user names.',
  'WHOAMI',
  '    Show the user this connection runs as.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('acl|help', () => LINES);
