// PUBSUB HELP - usage of the PUBSUB subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CHANNELS [<pattern>]',
  '    Channels with at least one subscriber, optionally only those matching the glob pattern.',
  'NUMPAT',
  '    Number of distinct patterns clients are subscribed to.',
  'NUMSUB [<channel> ...]',
  '    Subscriber count of each channel.',
  'SHARDCHANNELS [<pattern>]',
  '    Shard channels with at least one subscriber, optionally matching the pattern.',
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Subscriber count of each shard channel.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('pubsub|help', () => LINES);
