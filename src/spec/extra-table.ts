// Metadata for what Redis 7.2 added on top of the generated (7.0) table: CLIENT SETINFO, CLIENT NO-TOUCH.
// A container entry here lists only the new subcommands; the registry merges them into the table's.
import type { CommandMeta } from './types.js';
import sortedSetTable from './table/sorted-set.js';

/** ZRANK/ZREVRANK as 7.2 has them: an optional WITHSCORE after the member. */
function withScore(name: string): CommandMeta {
  const base = sortedSetTable.find((m) => m.name === name)!;
  return {
    ...base,
    arity: -3,
    docs: {
      ...base.docs,
      history: [['7.2.0', 'Added the optional `WITHSCORE` argument.']],
      arguments: [
        ...(base.docs.arguments ?? []),
        { name: 'withscore', type: 'pure-token', token: 'WITHSCORE', since: '7.2.0', flags: ['optional'] },
      ],
    },
  };
}

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
  withScore('zrank'),
  withScore('zrevrank'),
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
