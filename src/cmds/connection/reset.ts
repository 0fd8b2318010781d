// RESET - returns the connection to its initial state. Counterpart: resetCommand (networking.c).
import { defineCommand } from '../../spec/define.js';
import { Status } from '../../protocol/reply.js';

const RESET = new Status('RESET');

export default defineCommand('reset', (ctx) => {
  ctx.client.reset();
  return RESET;
});
