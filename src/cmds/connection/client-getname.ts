// CLIENT GETNAME - Redis counterpart: clientCommand "getname" (networking.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('client|getname', (ctx) => (ctx.client.name === '' ? null : ctx.client.name));
