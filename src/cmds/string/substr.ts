// SUBSTR key start end - the pre-2.0 name of GETRANGE; Redis counterpart: getrangeCommand (t_string.c).
import { defineCommand } from '../../spec/define.js';
import { getrangeGeneric } from './getrange.js';

export default defineCommand('substr', getrangeGeneric);
