// The connection hot path below net.Socket: reads delivered from the handle's read callback, and replies
// written straight to the connection's libuv handle instead of through net.Socket's Writable stream. socket.write costs, per reply, a WriteWrap object built from its template, the Writable's
// state machine, and a process.nextTick to report completion - several microseconds next to a write
// syscall that on loopback costs about ten. Here a write is one handle call: the kernel usually takes
// all of it at once (the common case: nothing to track), and a write the kernel only partly takes is
// finished by libuv in the background with a completion callback, exactly as socket.write would.
//
// Ordering: libuv writes a handle's requests in order, so direct writes may follow each other freely;
// they are only used while the Writable holds nothing of its own (writableLength 0), since its queued
// chunks have not reached libuv yet. socket.end() (a libuv shutdown) waits for pending writes.
//
// This relies on the stream_wrap binding (WriteWrap and the stream state array), stable across Node
// 18-22; when it is missing, or for TLS connections, every write goes through socket.write.
import type { Socket } from 'node:net';

interface StreamWrapBinding {
  WriteWrap: new () => WriteReq;
  streamBaseState: Int32Array;
  kLastWriteWasAsync: number;
  kReadBytesOrError: number;
}

interface WriteReq {
  oncomplete: (this: WriteReq, status: number) => void;
  bytes: number;
  buffer: Buffer | null;
  owner: DirectWriter | null;
}

interface StreamHandle {
  writeBuffer(req: WriteReq, buf: Buffer): number;
}

function loadBinding(): StreamWrapBinding | null {
  try {
    const b = (process as unknown as { binding(name: string): unknown }).binding('stream_wrap') as Partial<StreamWrapBinding>;
    if (typeof b.WriteWrap !== 'function' || !(b.streamBaseState instanceof Int32Array) || typeof b.kLastWriteWasAsync !== 'number' || typeof b.kReadBytesOrError !== 'number') return null;
    return b as StreamWrapBinding;
  } catch {
    return null;
  }
}

const binding = loadBinding();

/** A write the kernel did not take whole finished: its bytes are no longer pending. */
function onComplete(this: WriteReq, status: number): void {
  const w = this.owner;
  this.owner = null;
  this.buffer = null;
  if (w === null) return;
  w.pending -= this.bytes;
  if (status < 0) w.socket.destroy();
}

export const NOT_WRITTEN = 0;
export const WRITTEN = 1;
export const KEPT = 2;
export type WriteResult = typeof NOT_WRITTEN | typeof WRITTEN | typeof KEPT;

/** One connection's direct writer; pending counts bytes handed to libuv and not yet sent. */
export class DirectWriter {
  pending = 0;
  /** A request object for the next write: reused while writes complete at once (nothing keeps it). */
  private req: WriteReq | null = null;

  constructor(readonly socket: Socket) {}

  /** Whether direct writes are possible on this build of Node. */
  static get available(): boolean {
    return binding !== null;
  }

  /**
   * Writes the bytes: WRITTEN when the kernel took them all (or the connection is gone) and `buf` may be
   * reused at once, KEPT when libuv holds `buf` until it has sent the rest, NOT_WRITTEN when they must
   * go through socket.write instead (nothing was written).
   */
  write(buf: Buffer): WriteResult {
    const sock = this.socket;
    const handle = (sock as unknown as { _handle?: StreamHandle | null })._handle;
    if (binding === null || handle == null || sock.writableLength !== 0 || sock.destroyed) return NOT_WRITTEN;
    let req = this.req;
    if (req === null) {
      req = new binding.WriteWrap();
      req.oncomplete = onComplete;
      req.bytes = 0;
      req.buffer = null;
      req.owner = null;
      this.req = req;
    }
    const err = handle.writeBuffer(req, buf);
    if (err !== 0) {
      // EPIPE, ECONNRESET...: the connection is gone, as socket.write would find out.
      sock.destroy();
      return WRITTEN;
    }
    if (binding.streamBaseState[binding.kLastWriteWasAsync] !== 0) {
      // libuv keeps this request until the rest is sent: it must not be reused, and the bytes are pending.
      req.bytes = buf.length;
      req.buffer = buf;
      req.owner = this;
      this.pending += buf.length;
      this.req = null;
      return KEPT;
    }
    return WRITTEN;
  }
}

/**
 * Reads of a socket created with a shared read buffer (net.Socket's `onread` option) go straight to
 * `onBytes(n)` with the byte count; end of stream and errors still go to Node's own handler. This skips
 * a JavaScript layer per read (socket timers, which a server connection here never sets, and checks).
 */
export function readDirect(socket: Socket, onBytes: (n: number) => void): void {
  const handle = (socket as unknown as { _handle?: { onread?: (this: unknown, ab: unknown) => unknown } | null })._handle;
  if (binding === null || handle == null || typeof handle.onread !== 'function') return;
  const node = handle.onread;
  const state = binding.streamBaseState;
  const at = binding.kReadBytesOrError;
  handle.onread = function (this: unknown, ab: unknown): unknown {
    const n = state[at];
    if (n > 0 && !socket.destroyed) {
      onBytes(n);
      return undefined;
    }
    return node.call(this, ab);
  };
}
