// LASTSAVE - unix time of the last successful save. Counterpart: lastsaveCommand (server.c).
import { defineCommand } from '../../spec/define.js';

export default defineCommand('lastsave', (ctx) => ctx.server.lastSave);
