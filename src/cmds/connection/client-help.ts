// CLIENT HELP - the subcommands this server implements, one line of usage and one of description.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GETNAME',
  "    Return the name of this connection.",
  'ID',
  '    Return the id of this connection.',
  'INFO',
  '    Return information about this connection, in CLIENT LIST form.',
  'KILL <ip:port>',
  '    Close the connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Close connections matching every given filter. Filters are:',
  '    * ID <client-id>',
  '    * ADDR (<ip:port>|<unixsocket>:0)  - the client address',
  '    * LADDR (<ip:port>|<unixsocket>:0) - the local address connected to',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '    * USER <username>',
  '    * SKIPME (YES|NO) - leave this connection alone (default: yes)',
  '    * MAXAGE <seconds> - only connections older than this',
  'LIST [options ...]',
  '    Describe client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '    * ID <client-id> [<client-id> ...]',
  'NO-EVICT (ON|OFF)',
  '    Exempt this connection from client eviction.',
  'NO-TOUCH (ON|OFF)',
  '    Keep commands of this connection from changing keys\' access times.',
  'REPLY (ON|OFF|SKIP)',
  '    Turn replies to this connection on or off, or skip the next one.',
  'SETINFO <LIB-NAME|LIB-VER> <value>',
  '    Record the client library name or version.',
  'SETNAME <name>',
  '    Name this connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    End the blocking wait of another client, as a timeout (default) or with an error.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('client|help', () => LINES);
