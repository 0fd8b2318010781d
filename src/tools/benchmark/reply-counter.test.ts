import { describe, expect, it } from 'vitest';
import { ReplyCounter } from './reply-counter.js';

const enc = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Feeds `text` to a fresh counter in pieces of `size` bytes; returns the counter. */
function feedInPieces(text: string, size: number, capture = false): ReplyCounter {
  const c = new ReplyCounter();
  c.captureErrors = capture;
  const b = enc(text);
  for (let i = 0; i < b.length; i += size) {
    const piece = b.subarray(i, Math.min(b.length, i + size));
    c.feed(piece, 0, piece.length);
  }
  return c;
}

const RESP2 =
  '+OK\r\n' + // status
  ':42\r\n' + // integer
  '$3\r\nVXK\r\n' + // bulk
  '$-1\r\n' + // null bulk
  '$0\r\n\r\n' + // empty bulk
  '*3\r\n$1\r\na\r\n:1\r\n*2\r\n+x\r\n$2\r\n\r\n\r\n' + // nested array with a CRLF inside a bulk
  '*0\r\n' + // empty array
  '*-1\r\n' + // null array
  '-ERR unknown command\r\n' + // error
  '$4\r\n$3\r\n\r\n'; // a bulk whose body looks like a header

describe('ReplyCounter', () => {
  it('counts every top-level RESP2 reply, whatever the chunking', () => {
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      const c = feedInPieces(RESP2, size);
      expect(c.count, `pieces of ${size}`).toBe(10);
      expect(c.errors).toBe(1);
      expect(c.idle).toBe(true);
    }
  });

  it('returns the replies completed by each chunk', () => {
    const c = new ReplyCounter();
    const a = enc('+OK\r\n$3\r\nab');
    const b = enc('c\r\n:1\r\n');
    expect(c.feed(a, 0, a.length)).toBe(1);
    expect(c.idle).toBe(false);
    expect(c.feed(b, 0, b.length)).toBe(2);
    expect(c.idle).toBe(true);
  });

  it('scans only the given range of a reused buffer', () => {
    const c = new ReplyCounter();
    const buf = enc('garbage+OK\r\n:5\r\nmore');
    expect(c.feed(buf, 7, 16)).toBe(2);
  });

  it('counts an LRANGE-sized reply once', () => {
    let text = '*600\r\n';
    for (let i = 0; i < 600; i++) text += '$3\r\nVXK\r\n';
    for (const size of [1, 5, 100, 1 << 16]) expect(feedInPieces(text + text, size).count).toBe(2);
  });

  it('understands RESP3: maps, sets, doubles, booleans, nulls, big numbers, verbatim, blob errors', () => {
    const text =
      '%2\r\n+a\r\n:1\r\n+b\r\n,1.5\r\n' + // map of 2 pairs = 1 reply
      '~2\r\n#t\r\n_\r\n' + // set
      '(12345678901234567890\r\n' +
      '=9\r\ntxt:hello\r\n' +
      '!5\r\nERR x\r\n' + // blob error
      '_\r\n';
    const c = feedInPieces(text, 3);
    expect(c.count).toBe(6);
    expect(c.errors).toBe(1);
  });

  it('does not count push frames or attributes as replies', () => {
    const text =
      '>2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n' + // a tracking invalidation
      '|1\r\n+ttl\r\n:3\r\n+OK\r\n' + // an attribute, then the reply it annotates
      '*2\r\n>1\r\n+nested push is an element\r\n:1\r\n'; // a push inside an array is just an element
    for (const size of [1, 4, 1000]) expect(feedInPieces(text, size).count).toBe(2);
  });

  it('captures the first error text with -e, across chunks', () => {
    const c = feedInPieces('+OK\r\n-WRONGTYPE Operation against a key\r\n-ERR second\r\n!7\r\nERR one\r\n', 4, true);
    expect(c.count).toBe(4);
    expect(c.errors).toBe(3);
    expect(c.takeError()).toBe('WRONGTYPE Operation against a key');
    expect(c.takeError()).toBeNull();
  });

  it('rejects a stream that is not RESP', () => {
    const c = new ReplyCounter();
    const b = enc('hello\r\n');
    expect(() => c.feed(b, 0, b.length)).toThrow(/Protocol error/);
  });

  it('starts over after reset()', () => {
    const c = new ReplyCounter();
    const a = enc('*2\r\n:1\r\n');
    c.feed(a, 0, a.length);
    c.reset();
    const b = enc('+OK\r\n');
    expect(c.feed(b, 0, b.length)).toBe(1);
  });
});
