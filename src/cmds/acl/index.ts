// ACL-group commands (ACL and its subcommands; AUTH lives with the connection commands).
import type { CommandImpl } from '../../spec/define.js';
import aclCat from './acl-cat.js';
import aclDeluser from './acl-deluser.js';
import aclDryrun from './acl-dryrun.js';
import aclGenpass from './acl-genpass.js';
import aclGetuser from './acl-getuser.js';
import aclHelp from './acl-help.js';
import aclList from './acl-list.js';
import aclLoad from './acl-load.js';
import aclLog from './acl-log.js';
import aclSave from './acl-save.js';
import aclSetuser from './acl-setuser.js';
import aclUsers from './acl-users.js';
import aclWhoami from './acl-whoami.js';

export const aclCommands: CommandImpl[] = [
  aclCat, aclDeluser, aclDryrun, aclGenpass, aclGetuser, aclHelp, aclList, aclLoad, aclLog, aclSave, aclSetuser, aclUsers,
  aclWhoami,
];
