// TIME - [unix seconds, microseconds]. Counterpart: timeCommand (server.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('time', () => {
  const us = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000));
  return [String(us / 1000000n), String(us % 1000000n)];
});
