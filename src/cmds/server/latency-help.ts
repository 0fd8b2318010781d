// LATENCY HELP - usage of the LATENCY subcommands.
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const LINES = [
  'LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    A report on the recorded latency events, with advice.',
  'GRAPH <event>',
  '    An ASCII chart of the samples of the <event> class.',
  'HISTORY <event>',
  '    The [unix time, milliseconds] samples of the <event> class, oldest first.',
  'LATEST',
  '    The latest sample of every event class, with its all-time maximum.',
  'RESET [<event> ...]',
  '    Forget the samples of the named <event> classes',
  '    (of every event class when none is named).',
  'HISTOGRAM [COMMAND ...]',
  '    The cumulative distribution of the latencies of the named commands, as a histogram.',
  '    Every command called so far when none is named.',
  'HELP',
  '    Print this help.',
].map((l) => new Status(l));

export default defineCommand('latency|help', () => LINES);
