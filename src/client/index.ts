// The client library's public surface, for the tools (cli, benchmark, migrate, sentinel, cluster admin).
export { connect, Client, ConnectionError, HandshakeError, describeSocketError } from './client.js';
export type { ClientOptions, HandshakeStep } from './client.js';
export { parseRedisUrl, UrlError } from './url.js';
export { encodeCommand, type Arg } from './encode-command.js';
export { ReplyDecoder, ProtocolError, decodeAll, type ReplyNode } from '../protocol/reply-decoder.js';
export { replyToJs } from './reply-to-js.js';
export { parseRedirect, type Redirect } from './redirect.js';
