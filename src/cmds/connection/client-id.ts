// CLIENT ID - Redis counterpart: clientCommand "id" (networking.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('client|id', (ctx) => ctx.client.id);
