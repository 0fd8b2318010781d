import { describe, expect, it } from 'vitest';
import { splitArgs } from './split-args.js';

describe('splitArgs', () => {
  it('splits on blanks', () => {
    expect(splitArgs('  set  a   b ')).toEqual(['set', 'a', 'b']);
    expect(splitArgs('')).toEqual([]);
    expect(splitArgs('   ')).toEqual([]);
  });

  it('takes escapes inside double quotes', () => {
    expect(splitArgs('set "a b" "\\x41\\x4a\\n\\r\\t\\b\\a\\"\\\\\\q"')).toEqual(['set', 'a b', 'AJ\n\r\t\b\x07"\\q']);
    expect(splitArgs('"\\xff\\x00"')).toEqual(['\xff\x00']);
    expect(splitArgs('"\\x4"')).toEqual(['x4']);
  });

  it('takes only \\\' inside single quotes', () => {
    expect(splitArgs("set 'a \\' \\n b'")).toEqual(['set', "a ' \\n b"]);
  });

  it('joins a quoted part to what precedes it', () => {
    expect(splitArgs('ab"c d"')).toEqual(['abc d']);
  });

  it('rejects unbalanced quotes and a quote glued to the next word', () => {
    expect(splitArgs('get "a')).toBeNull();
    expect(splitArgs("get 'a")).toBeNull();
    expect(splitArgs('get "a"b')).toBeNull();
    expect(splitArgs("get 'a'b")).toBeNull();
    expect(splitArgs('get "a\\')).toBeNull();
  });

  it('returns UTF-8 input as bytes', () => {
    expect(splitArgs('set k é')).toEqual(['set', 'k', '\xc3\xa9']);
  });

  it('accepts an empty quoted argument', () => {
    expect(splitArgs('set k ""')).toEqual(['set', 'k', '']);
  });
});
