// CLIENT NO-TOUCH ON|OFF (Redis 7.2) - this connection's commands leave keys' access times alone.
import { defineCommand } from '../../spec/define.js';
import { OK } from '../../protocol/reply.js';
import { ERR_SYNTAX } from '../../protocol/errors.js';

export function onOff(arg: string): boolean | null {
  const l = arg.toLowerCase();
  return l === 'on' ? true : l === 'off' ? false : null;
}

export const clientNoTouch = defineCommand('client|no-touch', (ctx, argv) => {
  const v = onOff(argv[2]);
  if (v === null) return ERR_SYNTAX;
  (ctx.client as { noTouch?: boolean }).noTouch = v;
  return OK;
});
