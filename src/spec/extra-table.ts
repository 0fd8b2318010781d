// Metadata for what Redis 7.2 added on top of the generated (7.0) table: CLIENT SETINFO, CLIENT NO-TOUCH.
// A container entry here lists only the new subcommands; the registry merges them into the table's.
import type { CommandMeta } from './types.js';

const connSub = (name: string, arity: number, summary: string, args: CommandMeta['docs']['arguments']): CommandMeta => ({
  name,
  arity,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['@slow', '@connection'],
  tips: [],
  keySpecs: [],
  docs: { summary, since: '7.2.0', group: 'connection', complexity: 'O(1)', arguments: args },
});

export const extraTable: CommandMeta[] = [
  {
    name: 'client',
    arity: -2,
    flags: [],
    acl: ['@slow'],
    tips: [],
    keySpecs: [],
    docs: { summary: '', since: '2.4.0', group: 'connection' },
    subcommands: [
      connSub('client|setinfo', 4, 'Sets information specific to the client or connection.', [
        {
          name: 'attr',
          type: 'oneof',
          arguments: [
            { name: 'libname', type: 'string', token: 'LIB-NAME' },
            { name: 'libver', type: 'string', token: 'LIB-VER' },
          ],
        },
      ]),
      connSub('client|no-touch', 3, 'Controls whether commands sent by the client affect the LRU/LFU of accessed keys.', [
        {
          name: 'enabled',
          type: 'oneof',
          arguments: [
            { name: 'on', type: 'pure-token', token: 'ON' },
            { name: 'off', type: 'pure-token', token: 'OFF' },
          ],
        },
      ]),
    ],
  },
];
