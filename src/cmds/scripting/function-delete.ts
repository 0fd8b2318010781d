// FUNCTION DELETE library - removes a library and all its functions.
import { defineCommand } from '../../spec/define.js';

export default defineCommand('function|delete', (ctx, argv) => ctx.server.scripting.functionDelete(argv[2]));
