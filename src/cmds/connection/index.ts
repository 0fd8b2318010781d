// Connection-group commands.
import type { CommandImpl } from '../../spec/define.js';
import ping from './ping.js';
import echo from './echo.js';
import quit from './quit.js';
import reset from './reset.js';
import select from './select.js';
import auth from './auth.js';
import hello from './hello.js';
import clientSetname from './client-setname.js';
import clientGetname from './client-getname.js';
import clientId from './client-id.js';
import clientInfo from './client-info.js';
import clientList from './client-list.js';
import clientReply from './client-reply.js';
import clientSetinfo from './client-setinfo.js';
import clientKill from './client-kill.js';
import clientHelp from './client-help.js';
import clientUnblock from './client-unblock.js';
import { clientNoTouch } from './client-no-touch.js';
import clientNoEvict from './client-no-evict.js';
import clientTracking from './client-tracking.js';
import clientCaching from './client-caching.js';
import clientGetredir from './client-getredir.js';
import clientTrackinginfo from './client-trackinginfo.js';
import clientPause from './client-pause.js';
import clientUnpause from './client-unpause.js';

export const connectionCommands: CommandImpl[] = [
  ping, echo, quit, reset, select, auth, hello,
  clientSetname, clientGetname, clientId, clientInfo, clientList, clientReply, clientSetinfo, clientKill, clientHelp, clientUnblock,
  clientNoTouch, clientNoEvict,
  clientTracking, clientCaching, clientGetredir, clientTrackinginfo, clientPause, clientUnpause,
];
